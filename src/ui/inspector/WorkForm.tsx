/**
 * The form of a `work` node: its team (or a new one), handle time (and per contact type),
 * queue discipline, patience and SLA, and outcome shares (and per contact type). Renaming
 * an outcome renames the port of the edges leaving by it.
 */

import { current, type Draft } from "immer";
import { useState } from "react";
import type { Model } from "../../model";
import { followLanesInDraft } from "../canvas/placement";
import { DistributionEditor } from "./DistributionEditor";
import { Row, SelectInput } from "./fields";
import { NewTeamForm } from "./NewTeamForm";
import type { NodeFormProps } from "./nodeEdit";
import { OutcomesEditor } from "./OutcomesEditor";
import { addTeam } from "./ops";
import { SharesEditor } from "./SharesEditor";
import { SpecFields } from "./SpecField";

const NEW_TEAM = "\u0000new";
const DEFAULT_PATIENCE = { dist: "exponential", mean: 180 };

/** Work node form. */
export function WorkForm(props: NodeFormProps<"work">) {
  const { node, model, edit, disabled } = props;
  const teamOptions: [string, string][] = model.teams.map((t) => [t.id, `${t.name || t.id} (L${t.tier})`]);
  if (!model.teams.some((t) => t.id === node.team))
    teamOptions.unshift([node.team, `${node.team || "—"} (no such team)`]);
  teamOptions.push([NEW_TEAM, "New team…"]);
  const [asking, setAsking] = useState(false);
  const setTeam = (pick: (m: Draft<Model>) => string) =>
    edit("Change team", "team", (n, m) => {
      const before = current(m) as Model;
      n.team = pick(m);
      followLanesInDraft(m, before);
    });
  const typeName = (id: string) => model.contactTypes.find((c) => c.id === id)?.name || id;
  const typesWithout = (record: Record<string, unknown> | undefined) =>
    model.contactTypes.filter((c) => !(record && c.id in record));
  return (
    <>
      <SelectInput
        label="Team"
        testId="team"
        value={asking ? NEW_TEAM : node.team}
        options={teamOptions}
        disabled={disabled}
        onChange={(v) => (v === NEW_TEAM ? setAsking(true) : setTeam(() => v))}
      />
      {asking ? (
        <NewTeamForm
          initialTier={Math.max(1, ...model.teams.map((t) => t.tier))}
          onCancel={() => setAsking(false)}
          onCreate={(team) => {
            setAsking(false);
            setTeam((m) => addTeam(m, "team", team));
          }}
        />
      ) : null}
      <SpecFields scope="nodes.work" value={node} entries={["handleTime"]} edit={edit} disabled={disabled} />
      {Object.entries(node.handleTimeByType ?? {}).map(([type, dist]) => (
        <DistributionEditor
          key={type}
          label={`Handle time: ${typeName(type)}`}
          testId={`handleTimeByType-${type}`}
          duration
          value={dist}
          disabled={disabled}
          onCommit={(d) =>
            edit("Change handle time", `handleTimeByType-${type}`, (n) => {
              n.handleTimeByType![type] = d;
            })
          }
          onRemove={() =>
            edit("Remove per-type handle time", "handleTimeByType", (n) => {
              delete n.handleTimeByType?.[type];
              if (n.handleTimeByType && Object.keys(n.handleTimeByType).length === 0) delete n.handleTimeByType;
            })
          }
        />
      ))}
      <AddForType
        testId="handleTimeByType-add"
        text="Handle time for a contact type…"
        types={typesWithout(node.handleTimeByType)}
        disabled={disabled}
        onAdd={(type) =>
          edit("Add per-type handle time", "handleTimeByType", (n) => {
            n.handleTimeByType ??= {};
            n.handleTimeByType[type] = structuredClone(node.handleTime);
          })
        }
      />
      <fieldset className="insp-group">
        <legend>Queue</legend>
        <SpecFields
          scope="nodes.work.queue"
          value={node.queue}
          edit={(label, field, recipe) => edit(label, field, (n) => recipe(n.queue))}
          disabled={disabled}
          entries={[
            "discipline",
            {
              key: "patience",
              toggle: { label: "Customers may hang up (patience)", testId: "patience-on", initial: DEFAULT_PATIENCE },
            },
            { key: "slaSeconds", toggle: { label: "Service-level target", testId: "sla-on", initial: 20 } },
          ]}
        />
      </fieldset>
      <OutcomesEditor {...props} />
      {Object.entries(node.outcomesByType ?? {}).map(([type, shares]) => (
        <SharesEditor
          key={type}
          label={`Outcomes: ${typeName(type)}`}
          testId={`outcomesByType-${type}`}
          keys={Object.keys(node.outcomes).map((o) => [o, o] as const)}
          shares={shares}
          disabled={disabled}
          onCommit={(s) =>
            edit("Change outcomes", `outcomesByType-${type}`, (n) => {
              n.outcomesByType![type] = s;
            })
          }
          onDelete={() =>
            edit("Remove per-type outcomes", "outcomesByType", (n) => {
              delete n.outcomesByType?.[type];
              if (n.outcomesByType && Object.keys(n.outcomesByType).length === 0) delete n.outcomesByType;
            })
          }
        />
      ))}
      <AddForType
        testId="outcomesByType-add"
        text="Outcomes for a contact type…"
        types={typesWithout(node.outcomesByType)}
        disabled={disabled}
        onAdd={(type) =>
          edit("Add per-type outcomes", "outcomesByType", (n) => {
            n.outcomesByType ??= {};
            n.outcomesByType[type] = { ...node.outcomes };
          })
        }
      />
    </>
  );
}

/** A select that adds a per-contact-type entry. */
export function AddForType({
  testId,
  text,
  types,
  onAdd,
  disabled,
}: {
  testId: string;
  text: string;
  types: readonly { id: string; name: string }[];
  onAdd: (type: string) => void;
  disabled?: boolean;
}) {
  if (types.length === 0) return null;
  return (
    <Row label="Per type">
      <select
        data-testid={`inspector-${testId}`}
        aria-label={text}
        value=""
        disabled={disabled}
        onChange={(e) => e.target.value && onAdd(e.target.value)}
      >
        <option value="">{text}</option>
        {types.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name || t.id}
          </option>
        ))}
      </select>
    </Row>
  );
}
