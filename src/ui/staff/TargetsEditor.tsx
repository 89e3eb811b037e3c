/**
 * The flow's service targets, edited in place: each row is where (the flow, a work step or a
 * team), which KPI, at least / at most, and the value ("80%", "20s", 50). Every change is
 * one undoable edit of `model.targets`; a value that does not read stays in the box with
 * its message and is not committed.
 */
import { useState } from "react";
import type { Model, Target } from "../../model";
import { Checker } from "../../model/validate/context";
import {
  checkTargets,
  formatTargetValue,
  type KpiUnit,
  kpiWords,
  readTargetValue,
  targetKpis,
  targetUnit,
} from "../../model/validate/targets";
import { DurationInput } from "../inspector/DurationInput";
import { parseShareText } from "../inspector/fields";
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
            store.edit("Change target", (draft) => {
              const m = draft as Model;
              if (m.targets) m.targets[i] = next;
              // An "answered within" target needs the step's SLA: the target sets it.
              const node = m.nodes.find((n) => n.id === next.node);
              if (next.kpi === "serviceLevel" && node?.kind === "work") node.queue.slaSeconds ??= DEFAULT_SLA_SECONDS;
            })
          }
          onSla={(seconds) =>
            store.edit(
              "Change answer time",
              (draft) => {
                const node = (draft as Model).nodes.find((n) => n.id === target.node);
                if (node?.kind === "work") node.queue.slaSeconds = seconds;
              },
              { coalesce: `target-sla:${target.node}` },
            )
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
          store.edit("Add target", (draft) => {
            const m = draft as Model;
            // The first step with an answer time, else the first work step, which gets one.
            const step = workNodes.find((n) => n.kind === "work" && n.queue.slaSeconds !== undefined) ?? workNodes[0];
            const node = m.nodes.find((n) => n.id === step?.id);
            if (node?.kind === "work") node.queue.slaSeconds ??= DEFAULT_SLA_SECONDS;
            m.targets ??= [];
            m.targets.push(
              node ? { kpi: "serviceLevel", node: node.id, atLeast: 0.8 } : { kpi: "backlogPastSla", atMost: 50 },
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
  onSla,
  onRemove,
}: {
  index: number;
  target: Target;
  model: Model;
  disabled?: boolean;
  problem?: string;
  onChange: (t: Target) => void;
  onSla: (seconds: number) => void;
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
  // What was typed stays until it reads; a share takes "80%", "80" or "0.8" like every share field.
  const read = (value: string): number | undefined => {
    if (unit === "share") {
      const share = parseShareText(value);
      return share.ok ? share.value : undefined;
    }
    const n = readTargetValue(value, unit);
    return n === undefined || n < 0 ? undefined : n;
  };
  const commit = (value: string): boolean => {
    const n = read(value);
    if (n === undefined) {
      setError(VALUE_HELP[unit]);
      return false;
    }
    setError(undefined);
    setText(undefined);
    const next: Target = { ...target };
    delete next.atLeast;
    delete next.atMost;
    next[bound] = unit === "seconds" && !/^[\d.]+$/.test(value.trim()) ? value.trim() : n;
    onChange(next);
    return true;
  };
  const node = model.nodes.find((n) => n.id === target.node);
  const sla = node?.kind === "work" && target.kpi === "serviceLevel" ? node.queue.slaSeconds : undefined;
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
        onChange={(e) => {
          // A new KPI gets a bound of its own: 50 past SLA is not 5000% answered.
          setText(undefined);
          setError(undefined);
          onChange(withKpi(target, e.target.value));
        }}
      >
        {!kpis.includes(target.kpi) && <option value={target.kpi}>{kpiWords(target.kpi)}</option>}
        {kpis.map((k) => (
          <option key={k} value={k}>
            {kpiWords(k)}
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
          // Escape keeps what was typed: a value that reads is kept, one that does not stays
          // with its message; either way the dialog stays open for a second Escape.
          if (e.key === "Escape" && text !== undefined) {
            e.stopPropagation();
            e.preventDefault();
            commit((e.target as HTMLInputElement).value);
          }
        }}
      />
      {target.kpi === "serviceLevel" && node?.kind === "work" ? (
        <SlaInput index={index} seconds={sla ?? DEFAULT_SLA_SECONDS} disabled={disabled} onCommit={onSla} />
      ) : null}
      <button
        type="button"
        aria-label="Remove target"
        data-testid={`target-${index}-remove`}
        disabled={disabled}
        onClick={onRemove}
      >
        ✕
      </button>
      <div className="target-words" data-testid={`target-${index}-words`}>
        {targetSentence(target, model)}
      </div>
      {(error ?? problem) && (
        <div className="insp-error" role="alert">
          {error ?? problem}
        </div>
      )}
    </div>
  );
}

const DEFAULT_SLA_SECONDS = 20;

const VALUE_HELP: Record<KpiUnit, string> = {
  share: "Give a share: 80%, 80 or 0.8",
  seconds: "Give a duration: 20s, 5m, 8h",
  count: "Give a number, 0 or more",
  money: "Give an amount, 0 or more",
  hours: "Give a number of hours, 0 or more",
};

/** KPIs where less is better: their targets are "at most". */
const AT_MOST = new Set(["escalationRate", "abandonRate", "reopenRate", "utilization", "pWait", "abandoned", "cost"]);

/** The target with another KPI and a bound that suits it (80% at least, 20 s at most, 50 at most). */
function withKpi(target: Target, kpi: string): Target {
  const next: Target = { kpi };
  if (target.node !== undefined) next.node = target.node;
  if (target.team !== undefined) next.team = target.team;
  const unit = targetUnit(next) ?? "count";
  const atMost = unit !== "share" || AT_MOST.has(kpi);
  const value = unit === "share" ? (atMost ? 0.2 : 0.8) : unit === "seconds" ? "20s" : 50;
  if (atMost) next.atMost = value;
  else next.atLeast = value;
  return next;
}

/** A target as a sentence: "80% answered within 20 s at L1 phone", "backlog past SLA at most 50". */
export function targetSentence(target: Target, model: Model): string {
  const unit = targetUnit(target) ?? "count";
  const node = model.nodes.find((n) => n.id === target.node);
  const team = model.teams.find((t) => t.id === target.team);
  const where = node ? ` at ${node.label || node.id}` : team ? ` for team ${team.name || team.id}` : "";
  const show = (v: number | string | undefined) => {
    const n = v === undefined ? undefined : readTargetValue(v, unit);
    return n === undefined ? String(v ?? "") : formatTargetValue(n, unit);
  };
  if (target.kpi === "serviceLevel" && node?.kind === "work" && target.atLeast !== undefined) {
    const within = formatTargetValue(node.queue.slaSeconds ?? DEFAULT_SLA_SECONDS, "seconds");
    return `${show(target.atLeast)} answered within ${within}${where}`;
  }
  const bounds = [
    target.atLeast !== undefined ? `at least ${show(target.atLeast)}` : "",
    target.atMost !== undefined ? `at most ${show(target.atMost)}` : "",
  ].filter(Boolean);
  return `${kpiWords(target.kpi)}${where} ${bounds.join(" and ")}`;
}

/** "within 20s": the step's answer time (its queue's SLA), edited from the target. */
function SlaInput({
  index,
  seconds,
  disabled,
  onCommit,
}: {
  index: number;
  seconds: number;
  disabled?: boolean;
  onCommit: (seconds: number) => void;
}) {
  return (
    <span className="target-sla">
      within{" "}
      <DurationInput
        label="Answered within"
        testId={`target-${index}-sla`}
        value={seconds}
        disabled={disabled}
        compact
        onCommit={onCommit}
      />
    </span>
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
