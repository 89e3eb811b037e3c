/**
 * The flow's own settings: name, description, clock (start, horizon, warm-up, series
 * interval) and the CSAT penalties, drawn from the field spec.
 */
import type { Model } from "../../model";
import { TargetsEditor } from "../staff/TargetsEditor";
import type { FlowStore } from "../state/store";
import { SpecFields } from "./SpecField";

const CLOCK = ["start", "horizon", "warmup", "seriesInterval"];
const PENALTIES = ["pastSla", "reexplain", "reopen"];

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
      <fieldset className="insp-group">
        <legend>Clock</legend>
        <SpecFields
          scope="clock"
          value={model.clock}
          entries={CLOCK}
          testPrefix="clock-"
          edit={editIn((m) => m.clock)}
          disabled={disabled}
        />
        {model.clock.warmup >= model.clock.horizon ? (
          <div className="insp-error" role="alert">
            The warm-up is as long as the horizon: nothing would be measured.
          </div>
        ) : null}
      </fieldset>
      <fieldset className="insp-group">
        <legend>CSAT penalties</legend>
        <SpecFields
          scope="csat"
          value={model.csat}
          entries={PENALTIES}
          testPrefix="csat-"
          edit={editIn((m) => m.csat)}
          disabled={disabled}
        />
      </fieldset>
      <TargetsEditor store={store} model={model} disabled={disabled} />
    </div>
  );
}
