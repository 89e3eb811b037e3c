/**
 * The form of a `work` node: its team (or a new one), handle time (and per contact type and
 * per priority),
 * queue discipline, patience and SLA, and outcome shares (and per contact type). Renaming
 * an outcome renames the port of the edges leaving by it.
 */

import { current, type Draft } from "immer";
import { type ReactNode, useState } from "react";
import { type Dist, type Model, type NodeOf, PRIORITIES, type Priority } from "../../model";
import { followLanesInDraft } from "../canvas/placement";
import { diagnosticsOf } from "./DiagnosticList";
import { DistributionEditor } from "./DistributionEditor";
import { Row, SelectInput } from "./fields";
import { NewTeamForm } from "./NewTeamForm";
import type { NodeFormProps } from "./nodeEdit";
import { addTeam } from "./ops";
import { PortSharesEditor } from "./PortSharesEditor";
import { SharesEditor } from "./SharesEditor";
import { SpecFields } from "./SpecField";

const NEW_TEAM = "\u0000new";
/** Priorities offered for a handle time of their own. */
const PRIORITY_CHOICES = PRIORITIES.map((p) => ({ id: p, name: p }));
const DEFAULT_PATIENCE = { dist: "exponential", mean: 180 };
/** Seconds a contact waits before it overflows, when overflow is turned on. */
const DEFAULT_OVERFLOW_AFTER = 60;

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
  // Per contact type values: the PerType props of the map, and set one (adding the map) or
  // remove one (and the map when empty).
  const perType = <K extends "handleTimeByType" | "outcomesByType">(key: K, what: string) => ({
    record: node[key],
    testId: key,
    contactTypes: model.contactTypes,
    disabled,
    set: (type: string, value: NonNullable<NodeOf<"work">[K]>[string]) =>
      edit(`Change ${what}`, `${key}-${type}`, (n) => {
        n[key] ??= {};
        (n[key] as Record<string, unknown>)[type] = value;
      }),
    remove: (type: string) =>
      edit(`Remove per-type ${what}`, key, (n) => {
        const record = n[key] as Record<string, unknown> | undefined;
        delete record?.[type];
        if (record && Object.keys(record).length === 0) delete n[key];
      }),
  });
  const handleTimes = perType("handleTimeByType", "handle time");
  const setPriorityHandle = (priority: string, dist: Dist) =>
    edit("Change handle time for a priority", `handleTimeByPriority-${priority}`, (n) => {
      n.handleTimeByPriority ??= {};
      n.handleTimeByPriority[priority as Priority] = dist;
    });
  const removePriorityHandle = (priority: string) =>
    edit("Remove handle time for a priority", "handleTimeByPriority", (n) => {
      delete n.handleTimeByPriority?.[priority as Priority];
      if (n.handleTimeByPriority && Object.keys(n.handleTimeByPriority).length === 0) delete n.handleTimeByPriority;
    });
  const outcomes = perType("outcomesByType", "outcomes");
  // Overflow: to another work step, picked by its label; the model's message about the
  // target (missing step, itself, a circle) is shown at the picker.
  const otherSteps: [string, string][] = model.nodes
    .filter((n) => n.kind === "work" && n.id !== node.id)
    .map((n) => [n.id, n.label || n.id]);
  const index = model.nodes.indexOf(node);
  const overflowProblem = diagnosticsOf(model, (d) => d.path === `nodes[${index}].queue.overflow.to`)[0]?.message;
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
      <PerType
        {...handleTimes}
        text="Handle time for a contact type…"
        onAdd={(type) => handleTimes.set(type, structuredClone(node.handleTime))}
        render={(type, dist, name) => (
          <DistributionEditor
            key={type}
            label={`Handle time: ${name}`}
            testId={`handleTimeByType-${type}`}
            duration
            value={dist}
            disabled={disabled}
            onCommit={(d) => handleTimes.set(type, d)}
            onRemove={() => handleTimes.remove(type)}
          />
        )}
      />
      <PerType
        record={node.handleTimeByPriority as Record<string, Dist> | undefined}
        testId="handleTimeByPriority"
        text="Handle time for a priority…"
        rowLabel="Per priority"
        contactTypes={PRIORITY_CHOICES}
        disabled={disabled}
        onAdd={(priority) => setPriorityHandle(priority, structuredClone(node.handleTime))}
        render={(priority, dist, name) => (
          <DistributionEditor
            key={priority}
            label={`Handle time: ${name} priority`}
            testId={`handleTimeByPriority-${priority}`}
            duration
            value={dist}
            disabled={disabled}
            onCommit={(d) => setPriorityHandle(priority, d)}
            onRemove={() => removePriorityHandle(priority)}
          />
        )}
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
            {
              key: "overflow",
              toggle: {
                label:
                  otherSteps.length > 0 || node.queue.overflow
                    ? "Overflow to another step when waiting"
                    : "Overflow to another step when waiting (add another work step first)",
                testId: "overflow-on",
                initial: { after: DEFAULT_OVERFLOW_AFTER, to: otherSteps[0]?.[0] },
                unavailable: otherSteps.length === 0,
                fields: [
                  { key: "after", testId: "overflow-after" },
                  { key: "to", testId: "overflow-to", options: otherSteps, problem: overflowProblem },
                ],
              },
            },
          ]}
        />
      </fieldset>
      <PortSharesEditor {...props} />
      <PerType
        {...outcomes}
        text="Outcomes for a contact type…"
        onAdd={(type) => outcomes.set(type, { ...node.outcomes })}
        render={(type, shares, name) => (
          <SharesEditor
            key={type}
            label={`Outcomes: ${name}`}
            testId={`outcomesByType-${type}`}
            keys={Object.keys(node.outcomes).map((o) => [o, o] as const)}
            shares={shares}
            disabled={disabled}
            onCommit={(s) => outcomes.set(type, s)}
            onDelete={() => outcomes.remove(type)}
          />
        )}
      />
    </>
  );
}

/** The editors of a per-contact-type map, one a type it holds, and the select that adds a type it lacks. */
function PerType<T>({
  record,
  testId,
  text,
  rowLabel,
  contactTypes,
  disabled,
  onAdd,
  render,
}: {
  record: Record<string, T> | undefined;
  testId: string;
  text: string;
  /** The label of the add row (default "Per type"). */
  rowLabel?: string;
  contactTypes: readonly { id: string; name: string }[];
  disabled: boolean;
  onAdd: (type: string) => void;
  render: (type: string, value: T, typeName: string) => ReactNode;
}) {
  const typeName = (id: string) => contactTypes.find((c) => c.id === id)?.name || id;
  return (
    <>
      {Object.entries(record ?? {}).map(([type, value]) => render(type, value, typeName(type)))}
      <AddForType
        testId={`${testId}-add`}
        text={text}
        label={rowLabel}
        types={contactTypes.filter((c) => !(record && c.id in record))}
        disabled={disabled}
        onAdd={onAdd}
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
  label = "Per type",
}: {
  testId: string;
  text: string;
  types: readonly { id: string; name: string }[];
  onAdd: (type: string) => void;
  disabled?: boolean;
  label?: string;
}) {
  if (types.length === 0) return null;
  return (
    <Row label={label}>
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
