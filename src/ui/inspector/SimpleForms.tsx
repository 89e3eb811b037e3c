/**
 * Forms of the node kinds with few fields: self-service, escalate, follow-up, delay, end.
 */

import { IconButton, SmallButton } from "./buttons";
import { CheckInput, SelectInput, ShareInput, TextInput } from "./fields";
import type { NodeFormProps } from "./nodeEdit";
import { PortSharesEditor } from "./PortSharesEditor";
import { SpecFields } from "./SpecField";

/** Self-service: deflection (one share or one per contact type) and duration. */
export function SelfServiceForm({ node, model, edit, disabled }: NodeFormProps<"selfService">) {
  const perType = typeof node.deflection === "object";
  return (
    <>
      <SelectInput
        label="Deflection"
        testId="deflection-mode"
        value={perType ? "perType" : "one"}
        options={[
          ["one", "One share for all"],
          ["perType", "Per contact type"],
        ]}
        disabled={disabled || (!perType && model.contactTypes.length === 0)}
        onChange={(v) =>
          edit("Change deflection", "deflection-mode", (n) => {
            const current = n.deflection;
            if (v === "perType" && typeof current === "number") {
              n.deflection = Object.fromEntries(model.contactTypes.map((c) => [c.id, current]));
            } else if (v === "one" && typeof current === "object") {
              const values = Object.values(current);
              n.deflection = values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
            }
          })
        }
      />
      {typeof node.deflection === "number" ? (
        <SpecFields scope="nodes.selfService" value={node} entries={["deflection"]} edit={edit} disabled={disabled} />
      ) : (
        <fieldset className="insp-group" data-testid="inspector-deflection">
          <legend>Share resolved here, per contact type</legend>
          {model.contactTypes.map((c) => (
            <ShareInput
              key={c.id}
              label={c.name || c.id}
              testId={`deflection-${c.id}`}
              value={(node.deflection as Record<string, number>)[c.id] ?? 0}
              disabled={disabled}
              onCommit={(v) =>
                edit("Change deflection", `deflection-${c.id}`, (n) => {
                  if (typeof n.deflection === "object") n.deflection[c.id] = v;
                })
              }
            />
          ))}
        </fieldset>
      )}
      <SpecFields scope="nodes.selfService" value={node} entries={["duration"]} edit={edit} disabled={disabled} />
    </>
  );
}

/** Escalate: hand-off mode, note and re-explain times, checklist. */
export function EscalateForm({ node, edit, disabled }: NodeFormProps<"escalate">) {
  const checklist = node.checklist ?? [];
  return (
    <>
      <SpecFields
        scope="nodes.escalate"
        value={node}
        entries={["handoff", node.handoff === "structured" ? "noteTime" : "reexplainTime"]}
        edit={edit}
        disabled={disabled}
      />
      <fieldset className="insp-list" data-testid="inspector-checklist">
        <legend>Hand-off checklist</legend>
        {checklist.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: checklist items are identified by position
          <div className="insp-item-inline" key={i}>
            <TextInput
              label={`Item ${i + 1}`}
              testId={`checklist${i}`}
              value={item}
              disabled={disabled}
              onCommit={(t) =>
                edit("Edit checklist", `checklist${i}`, (n) => {
                  n.checklist![i] = t;
                })
              }
            />
            <IconButton
              label={`Remove item ${i + 1}`}
              disabled={disabled}
              onClick={() =>
                edit("Remove checklist item", "checklist", (n) => {
                  n.checklist?.splice(i, 1);
                  if (n.checklist?.length === 0) delete n.checklist;
                })
              }
            />
          </div>
        ))}
        <SmallButton
          testId={`checklist-add`}
          disabled={disabled}
          onClick={() =>
            edit("Add checklist item", "checklist", (n) => {
              n.checklist ??= [];
              n.checklist.push("");
            })
          }
        >
          Add item
        </SmallButton>
      </fieldset>
    </>
  );
}

/** Follow-up: wait and outcomes. */
export function FollowUpForm(props: NodeFormProps<"followUp">) {
  const { node, edit, disabled } = props;
  return (
    <>
      <SpecFields scope="nodes.followUp" value={node} entries={["wait"]} edit={edit} disabled={disabled} />
      <PortSharesEditor {...props} />
    </>
  );
}

/** Delay: duration. */
export function DelayForm({ node, edit, disabled }: NodeFormProps<"delay">) {
  return <SpecFields scope="nodes.delay" value={node} entries={["duration"]} edit={edit} disabled={disabled} />;
}

/** End: status and CSAT survey. */
export function EndForm({ node, edit, disabled }: NodeFormProps<"end">) {
  return (
    <>
      <SpecFields scope="nodes.end" value={node} entries={["status"]} edit={edit} disabled={disabled} />
      <CheckInput
        label="CSAT survey"
        testId="csat-on"
        checked={!!node.csat}
        disabled={disabled}
        onChange={(on) =>
          edit("Toggle CSAT", "csat-on", (n) => {
            if (on) n.csat = { responseRate: 0.2, base: 0.9 };
            else delete n.csat;
          })
        }
      />
      {node.csat ? (
        <SpecFields
          scope="nodes.end.csat"
          value={node.csat}
          entries={["responseRate", "base"]}
          testPrefix="csat-"
          edit={(label, field, recipe) => edit(label, `csat-${field}`, (n) => n.csat && recipe(n.csat))}
          disabled={disabled}
        />
      ) : null}
    </>
  );
}
