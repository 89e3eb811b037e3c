/**
 * The flow's own settings: name, description, clock (start, horizon, warm-up, series
 * interval) and the CSAT penalties, drawn from the field spec.
 */
import type { Model } from "../../model";
import { TargetsEditor } from "../staff/TargetsEditor";
import type { FlowStore } from "../state/store";
import { SpecFields } from "./SpecField";

/** The flow's grouped settings: the clock and the CSAT penalties. */
const GROUPS = [
  { legend: "Clock", scope: "clock", keys: ["start", "horizon", "warmup", "seriesInterval"] },
  { legend: "CSAT penalties", scope: "csat", keys: ["pastSla", "reexplain", "reopen"] },
] as const;

/** Flow settings panel. */
export function FlowPanel({ store, model, disabled }: { store: FlowStore; model: Model; disabled: boolean }) {
  const editIn =
    <T,>(pick: (m: Model) => T) =>
    (label: string, field: string, recipe: (draft: T) => void) =>
      store.edit(label, (d) => recipe(pick(d as Model)), { coalesce: `flow:${field}` });
  return (
    <div className="insp-panel" data-testid="inspector-flow">
      <SpecFields
        scope=""
        value={model}
        entries={[
          { key: "name", testId: "flow-name" },
          { key: "description", testId: "flow-description" },
        ]}
        edit={editIn((m) => m)}
        disabled={disabled}
      />
      {GROUPS.map(({ legend, scope, keys }) => (
        <fieldset className="insp-group" key={scope}>
          <legend>{legend}</legend>
          <SpecFields
            scope={scope}
            value={model[scope]}
            entries={keys}
            testPrefix={`${scope}-`}
            edit={editIn((m) => m[scope])}
            disabled={disabled}
          />
          {scope === "clock" && model.clock.warmup >= model.clock.horizon ? (
            <div className="insp-error" role="alert">
              The warm-up is as long as the horizon: nothing would be measured.
            </div>
          ) : null}
        </fieldset>
      ))}
      <TargetsEditor store={store} model={model} disabled={disabled} />
    </div>
  );
}
