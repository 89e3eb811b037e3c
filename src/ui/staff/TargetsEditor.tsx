/**
 * The flow's service targets, edited in place: each row is where (the flow, a work step or a
 * team), which KPI, at least / at most, and the value ("80%", "20s", 50). Every change is
 * one undoable edit of `model.targets`; a value that does not read stays in the box with
 * its message and is not committed.
 */
import { useState } from "react";
import type { Model, Target } from "../../model";
import { Checker } from "../../model/validate/context";
import { checkTargets, formatTargetValue, readTargetValue, targetKpis, targetUnit } from "../../model/validate/targets";
import type { FlowStore } from "../state/store";
import "./staff.css";

/** Targets of the flow in `store` (data-testid `targets-editor`, rows `target-<i>`). */
export function TargetsEditor({ store, model, disabled }: { store: FlowStore; model: Model; disabled?: boolean }) {
  const targets = model.targets ?? [];
  const problems = targetProblems(model);
  const edit = (label: string, recipe: (list: Target[]) => void) =>
    store.edit(label, (draft) => {
      const m = draft as Model;
      const list = (m.targets ?? []) as Target[];
      recipe(list);
      if (list.length === 0) delete m.targets;
      else m.targets = list;
    });
  const workNodes = model.nodes.filter((n) => n.kind === "work");
  return (
    <fieldset className="insp-group targets-editor" data-testid="targets-editor">
      <legend>Service targets</legend>
      {targets.length === 0 && (
        <p className="targets-hint">
          No targets yet. Add what the flow must achieve (e.g. 80% of calls answered within 20 s); the dashboard marks
          each met or missed and “Find staffing” finds the fewest agents that meet them.
        </p>
      )}
      {targets.map((target, i) => (
        <TargetRow
          // biome-ignore lint/suspicious/noArrayIndexKey: targets have no id; a row is its position
          key={i}
          index={i}
          target={target}
          model={model}
          disabled={disabled}
          problem={problems[i]}
          onChange={(next) =>
            edit("Change target", (list) => {
              list[i] = next;
            })
          }
          onRemove={() =>
            edit("Remove target", (list) => {
              list.splice(i, 1);
            })
          }
        />
      ))}
      <button
        type="button"
        data-testid="target-add"
        disabled={disabled}
        onClick={() =>
          edit("Add target", (list) => {
            const sla = workNodes.find((n) => n.kind === "work" && n.queue.slaSeconds !== undefined);
            list.push(
              sla ? { kpi: "serviceLevel", node: sla.id, atLeast: 0.8 } : { kpi: "backlogPastSla", atMost: 50 },
            );
          })
        }
      >
        + Add target
      </button>
    </fieldset>
  );
}

// helpers

function TargetRow({
  index,
  target,
  model,
  disabled,
  problem,
  onChange,
  onRemove,
}: {
  index: number;
  target: Target;
  model: Model;
  disabled?: boolean;
  problem?: string;
  onChange: (t: Target) => void;
  onRemove: () => void;
}) {
  const scope =
    target.node !== undefined ? `node:${target.node}` : target.team !== undefined ? `team:${target.team}` : "flow";
  const kpis = Object.keys(targetKpis(target));
  const unit = targetUnit(target) ?? "count";
  const bound = target.atLeast !== undefined ? "atLeast" : "atMost";
  const raw = target[bound];
  const shown = raw === undefined ? "" : typeof raw === "string" ? raw : formatTargetValue(raw, unit).replace(/ /g, "");
  const [text, setText] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const commit = (value: string) => {
    const read = readTargetValue(value, unit);
    if (read === undefined || read < 0 || (unit === "share" && read > 1)) {
      setError(
        unit === "share"
          ? "Give a share: 0.8 or 80%"
          : unit === "seconds"
            ? "Give a duration: 20s, 5m, 8h"
            : "Give a number, 0 or more",
      );
      return;
    }
    setError(undefined);
    setText(undefined);
    const next: Target = { ...target };
    delete next.atLeast;
    delete next.atMost;
    next[bound] = /^[\d.]+$/.test(value.trim()) ? read : value.trim();
    onChange(next);
  };
  return (
    <div className="target-row" data-testid={`target-${index}`}>
      <select
        aria-label="Where"
        data-testid={`target-${index}-scope`}
        value={scope}
        disabled={disabled}
        onChange={(e) => {
          const [kind, id] = e.target.value.split(/:(.*)/s) as [string, string | undefined];
          const next: Target = { kpi: target.kpi, atLeast: target.atLeast, atMost: target.atMost };
          if (kind === "node") next.node = id;
          if (kind === "team") next.team = id;
          if (next.atLeast === undefined) delete next.atLeast;
          if (next.atMost === undefined) delete next.atMost;
          if (!Object.hasOwn(targetKpis(next), next.kpi)) next.kpi = Object.keys(targetKpis(next))[0] as string;
          onChange(next);
        }}
      >
        <option value="flow">Whole flow</option>
        {model.nodes.flatMap((n) =>
          n.kind === "work" ? [<option key={n.id} value={`node:${n.id}`}>{`Step: ${n.label || n.id}`}</option>] : [],
        )}
        {model.teams.map((t) => (
          <option key={t.id} value={`team:${t.id}`}>{`Team: ${t.name || t.id}`}</option>
        ))}
      </select>
      <select
        aria-label="KPI"
        data-testid={`target-${index}-kpi`}
        value={target.kpi}
        disabled={disabled}
        onChange={(e) => onChange({ ...target, kpi: e.target.value })}
      >
        {!kpis.includes(target.kpi) && <option value={target.kpi}>{target.kpi}</option>}
        {kpis.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
      <select
        aria-label="Bound"
        data-testid={`target-${index}-bound`}
        value={bound}
        disabled={disabled}
        onChange={(e) => {
          const next: Target = { ...target };
          delete next.atLeast;
          delete next.atMost;
          if (raw !== undefined) next[e.target.value as "atLeast" | "atMost"] = raw;
          onChange(next);
        }}
      >
        <option value="atLeast">≥ at least</option>
        <option value="atMost">≤ at most</option>
      </select>
      <input
        aria-label="Value"
        data-testid={`target-${index}-value`}
        value={text ?? shown}
        disabled={disabled}
        size={7}
        onChange={(e) => setText(e.target.value)}
        onBlur={(e) => text !== undefined && commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit((e.target as HTMLInputElement).value);
          if (e.key === "Escape") {
            setText(undefined);
            setError(undefined);
          }
        }}
      />
      <button
        type="button"
        aria-label="Remove target"
        data-testid={`target-${index}-remove`}
        disabled={disabled}
        onClick={onRemove}
      >
        ✕
      </button>
      {(error ?? problem) && (
        <div className="insp-error" role="alert">
          {error ?? problem}
        </div>
      )}
    </div>
  );
}

/** The first validation message of each target, by index. */
function targetProblems(model: Model): Record<number, string> {
  const checker = new Checker(model);
  checkTargets(checker);
  const out: Record<number, string> = {};
  for (const d of checker.diagnostics) {
    const i = Number(/^targets\[(\d+)\]/.exec(d.path)?.[1]);
    if (Number.isInteger(i) && out[i] === undefined) out[i] = d.message;
  }
  return out;
}
