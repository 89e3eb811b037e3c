/**
 * The flow's own settings: name, description, clock (start, horizon, warm-up, series
 * interval) and the CSAT penalties.
 */
import { LocalDateTime, type Model } from "../../model";
import { TargetsEditor } from "../staff/TargetsEditor";
import type { FlowStore } from "../state/store";
import { DurationInput } from "./DurationInput";
import { ShareInput, TextInput } from "./fields";

/** Flow settings panel. */
export function FlowPanel({ store, model, disabled }: { store: FlowStore; model: Model; disabled: boolean }) {
  const edit = (label: string, field: string, recipe: (m: Model) => void) =>
    store.edit(label, (d) => recipe(d as Model), { coalesce: `flow:${field}` });
  return (
    <div className="insp-panel" data-testid="inspector-flow">
      <TextInput
        label="Name"
        testId="flow-name"
        value={model.name}
        disabled={disabled}
        onCommit={(t) =>
          edit("Rename flow", "name", (m) => {
            m.name = t;
          })
        }
      />
      <TextInput
        label="Description"
        testId="flow-description"
        multiline
        value={model.description ?? ""}
        disabled={disabled}
        onCommit={(t) =>
          edit("Edit description", "description", (m) => {
            if (t === "") delete m.description;
            else m.description = t;
          })
        }
      />
      <fieldset className="insp-group">
        <legend>Clock</legend>
        <TextInput
          label="Start"
          testId="clock-start"
          value={model.clock.start}
          disabled={disabled}
          validate={(t) => {
            const r = LocalDateTime.safeParse(t);
            return r.success ? undefined : `Start ${r.error.issues[0]?.message}`;
          }}
          onCommit={(t) =>
            edit("Change start", "start", (m) => {
              m.clock.start = t;
            })
          }
        />
        <DurationInput
          label="Horizon"
          testId="clock-horizon"
          value={model.clock.horizon}
          disabled={disabled}
          onCommit={(v) =>
            edit("Change horizon", "horizon", (m) => {
              m.clock.horizon = v;
            })
          }
        />
        <DurationInput
          label="Warm-up"
          testId="clock-warmup"
          value={model.clock.warmup}
          disabled={disabled}
          onCommit={(v) =>
            edit("Change warm-up", "warmup", (m) => {
              m.clock.warmup = v;
            })
          }
        />
        <DurationInput
          label="Series interval"
          testId="clock-seriesInterval"
          value={model.clock.seriesInterval}
          disabled={disabled}
          onCommit={(v) =>
            edit("Change series interval", "seriesInterval", (m) => {
              m.clock.seriesInterval = v;
            })
          }
        />
        {model.clock.warmup >= model.clock.horizon ? (
          <div className="insp-error" role="alert">
            The warm-up is as long as the horizon: nothing would be measured.
          </div>
        ) : null}
      </fieldset>
      <fieldset className="insp-group">
        <legend>CSAT penalties</legend>
        <ShareInput
          label="Waited past SLA"
          testId="csat-pastSla"
          value={model.csat.pastSla}
          disabled={disabled}
          onCommit={(v) =>
            edit("Change CSAT penalty", "csat-pastSla", (m) => {
              m.csat.pastSla = v;
            })
          }
        />
        <ShareInput
          label="Re-explained"
          testId="csat-reexplain"
          value={model.csat.reexplain}
          disabled={disabled}
          onCommit={(v) =>
            edit("Change CSAT penalty", "csat-reexplain", (m) => {
              m.csat.reexplain = v;
            })
          }
        />
        <ShareInput
          label="Reopened"
          testId="csat-reopen"
          value={model.csat.reopen}
          disabled={disabled}
          onCommit={(v) =>
            edit("Change CSAT penalty", "csat-reopen", (m) => {
              m.csat.reopen = v;
            })
          }
        />
      </fieldset>
      <TargetsEditor store={store} model={model} disabled={disabled} />
    </div>
  );
}
