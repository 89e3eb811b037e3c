/**
 * Service targets (`targets` in flowcast/v1, docs/staffing.md): which KPIs a target may
 * name, at which level (flow, work step, team), how its value is read ("80%", "30s", 0.8)
 * and the rule that checks every target of a flow with messages in a manager's words.
 * The catalogue lives here, beside the rule, so the model, the CLI and the app agree on it.
 */
import { parseDuration } from "../duration";
import type { Model, Target } from "../schema";
import { type Checker, isNumber, list, namedName, stepName } from "./context";

/** How a KPI's value reads: a share 0..1, seconds, a count, or money. */
export type KpiUnit = "share" | "seconds" | "count" | "money" | "hours";

/** Flow-wide KPIs (results `kpis.*`; `.p50`/`.p90` of the time KPIs). */
export const FLOW_TARGET_KPIS: Readonly<Record<string, KpiUnit>> = {
  fcr: "share",
  deflectionRate: "share",
  escalationRate: "share",
  abandonRate: "share",
  reopenRate: "share",
  serviceLevel: "share",
  firstResponseSeconds: "seconds",
  "firstResponseSeconds.p50": "seconds",
  "firstResponseSeconds.p90": "seconds",
  resolutionSeconds: "seconds",
  "resolutionSeconds.p50": "seconds",
  "resolutionSeconds.p90": "seconds",
  backlog: "count",
  backlogPastSla: "count",
  utilization: "share",
  csat: "share",
  costPerTicket: "money",
};

/** Per work step KPIs (results `nodes.<id>.*`). */
export const NODE_TARGET_KPIS: Readonly<Record<string, KpiUnit>> = {
  serviceLevel: "share",
  waitMean: "seconds",
  queueTimeMean: "seconds",
  pWait: "share",
  queueMean: "count",
  abandoned: "count",
  served: "count",
};

/** Per team KPIs (results `teams.<id>.*`). */
export const TEAM_TARGET_KPIS: Readonly<Record<string, KpiUnit>> = {
  utilization: "share",
  staffedHours: "hours",
  busyHours: "hours",
  cost: "money",
};

/** KPIs a target may hold per interval (`per: "interval"`), by level. */
export const INTERVAL_TARGET_KPIS = {
  flow: ["serviceLevel", "abandonRate"],
  node: ["serviceLevel", "waitMean"],
  team: ["utilization"],
} as const;

/** Whether the target's KPI can be judged per interval of the week. */
export function intervalKpiAllowed(target: { kpi: string; node?: string; team?: string }): boolean {
  const level = target.node !== undefined ? "node" : target.team !== undefined ? "team" : "flow";
  return (INTERVAL_TARGET_KPIS[level] as readonly string[]).includes(target.kpi);
}

/** The share of intervals a per-interval target asks for (1 when not given or unreadable). */
export function intervalShare(target: Pick<Target, "share">): number {
  if (target.share === undefined) return 1;
  const v = readTargetValue(target.share, "share");
  return v === undefined || !(v >= 0 && v <= 1) ? 1 : v;
}

/** The KPIs a target at this level may name. */
export function targetKpis(target: { node?: string; team?: string }): Readonly<Record<string, KpiUnit>> {
  if (target.node !== undefined) return NODE_TARGET_KPIS;
  if (target.team !== undefined) return TEAM_TARGET_KPIS;
  return FLOW_TARGET_KPIS;
}

/** The unit of a target's KPI, or undefined when the level has no such KPI. */
export function targetUnit(target: { kpi: string; node?: string; team?: string }): KpiUnit | undefined {
  const kpis = targetKpis(target);
  return Object.hasOwn(kpis, target.kpi) ? kpis[target.kpi] : undefined;
}

/**
 * Reads a target's bound: a number as it is (seconds for time KPIs), "80%" as 0.8, and for
 * time KPIs a duration with a unit ("30s", "8h"). Undefined when it is none of those.
 */
export function readTargetValue(value: number | string, unit: KpiUnit): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  const text = value.trim();
  const percent = /^(-?\d+(?:\.\d+)?|-?\.\d+)\s*%$/.exec(text);
  if (percent) return unit === "share" ? Number(percent[1]) / 100 : undefined;
  if (/^(-?\d+(?:\.\d+)?|-?\.\d+)$/.test(text)) return Number(text);
  return unit === "seconds" ? parseDuration(text) : undefined;
}

/** How a target reads to a manager: `service level of "L1 answers" (l1-phone) at least 80%`. */
export function describeTarget(
  target: Target,
  model?: Pick<Model, "nodes" | "teams"> & { clock?: { intervalMinutes?: number } },
): string {
  const unit = targetUnit(target) ?? "count";
  const what = kpiWords(target.kpi);
  let where = "";
  if (target.node !== undefined) {
    const node = list(model?.nodes).find((n) => n.id === target.node);
    where = ` of ${node ? stepName(node) : `"${target.node}"`}`;
  } else if (target.team !== undefined) {
    const team = list(model?.teams).find((t) => t.id === target.team);
    where = ` of team ${team ? namedName(team) : `"${target.team}"`}`;
  }
  const bounds: string[] = [];
  const at = (v: number | string | undefined) => {
    const n = v === undefined ? undefined : readTargetValue(v, unit);
    return n === undefined ? String(v) : formatTargetValue(n, unit);
  };
  if (target.atLeast !== undefined) bounds.push(`at least ${at(target.atLeast)}`);
  if (target.atMost !== undefined) bounds.push(`at most ${at(target.atMost)}`);
  let per = "";
  if (target.per === "interval") {
    const minutes = model?.clock?.intervalMinutes ?? 60;
    const share = intervalShare(target);
    per =
      share >= 1
        ? ` in every ${minutes}-minute interval`
        : ` in ${formatTargetValue(share, "share")} of ${minutes}-minute intervals`;
  }
  return `${what}${where} ${bounds.join(" and ")}${per}`;
}

/** A bound in a manager's units: 80%, 30 s, 8 h, 50. */
export function formatTargetValue(value: number, unit: KpiUnit): string {
  if (unit === "share") return `${Number((value * 100).toPrecision(4))}%`;
  if (unit === "seconds") {
    if (value >= 3600 && value % 360 === 0) return `${value / 3600} h`;
    if (value >= 60 && value % 6 === 0) return `${value / 60} min`;
    return `${Number(value.toPrecision(4))} s`;
  }
  return String(Number(value.toPrecision(6)));
}

/** Checks every target: a known KPI at its level, an existing step or team, readable bounds. */
export function checkTargets(c: Checker): void {
  const model = c.model;
  if (model.targets === undefined) return;
  if (!Array.isArray(model.targets)) {
    c.error("targets", "The targets must be a list.");
    return;
  }
  model.targets.forEach((target, index) => {
    checkTarget(c, target, index);
  });
}

// helpers

const KPI_WORDS: Record<string, string> = {
  fcr: "first-contact resolution",
  deflectionRate: "deflection rate",
  escalationRate: "escalation rate",
  abandonRate: "abandon rate",
  reopenRate: "reopen rate",
  serviceLevel: "service level",
  firstResponseSeconds: "mean first response time",
  "firstResponseSeconds.p50": "median first response time",
  "firstResponseSeconds.p90": "90th percentile first response time",
  resolutionSeconds: "mean resolution time",
  "resolutionSeconds.p50": "median resolution time",
  "resolutionSeconds.p90": "90th percentile resolution time",
  backlog: "backlog",
  backlogPastSla: "backlog past SLA",
  utilization: "utilisation",
  csat: "CSAT",
  costPerTicket: "cost per ticket",
  waitMean: "mean wait",
  queueTimeMean: "mean time in queue",
  pWait: "share that waits",
  queueMean: "mean queue length",
  abandoned: "abandoned contacts",
  served: "served contacts",
  staffedHours: "staffed hours",
  busyHours: "busy hours",
  cost: "cost",
};

/** A KPI in a manager's words ("backlog past SLA"); an unknown KPI as it is. */
export function kpiWords(kpi: string): string {
  return Object.hasOwn(KPI_WORDS, kpi) ? (KPI_WORDS[kpi] as string) : kpi;
}

function checkTarget(c: Checker, target: Target, index: number): void {
  const path = `targets[${index}]`;
  if (target === null || typeof target !== "object") {
    c.error(path, `Target ${index + 1} is not a target; write e.g. { "kpi": "serviceLevel", "atLeast": 0.8 }.`);
    return;
  }
  const name = `Target ${index + 1} (${target.kpi})`;
  if (target.node !== undefined && target.team !== undefined) {
    c.error(path, `${name} names both a step and a team; a target is of the flow, one step or one team.`);
    return;
  }
  if (target.node !== undefined) {
    const node = c.nodesById.get(target.node);
    if (!node) {
      c.error(`${path}.node`, `${name} is of step "${target.node}", which is not in this flow.`);
      return;
    }
    if (node.kind !== "work") {
      c.error(`${path}.node`, `${name} is of ${stepName(node)}, a ${node.kind} step; targets name work steps.`, {
        nodeId: node.id,
      });
      return;
    }
    if (target.kpi === "abandoned" && node.queue?.patience === undefined) {
      c.error(
        `${path}.node`,
        `${name} asks for abandoned contacts at ${stepName(node)}, but its queue has no patience (queue.patience), so no caller hangs up there.`,
        { nodeId: node.id },
      );
    }
    if (target.kpi === "serviceLevel" && node.queue?.slaSeconds === undefined) {
      c.error(
        `${path}.node`,
        `${name} asks for a service level at ${stepName(node)}, which has no answer SLA (queue.slaSeconds).`,
        { nodeId: node.id },
      );
    }
  }
  if (target.team !== undefined && !list(c.model.teams).some((t) => t.id === target.team)) {
    c.error(`${path}.team`, `${name} is of team "${target.team}", which is not in this flow.`);
    return;
  }
  const unit = targetUnit(target);
  if (unit === undefined) {
    const level = target.node !== undefined ? "a work step" : target.team !== undefined ? "a team" : "the flow";
    c.error(
      `${path}.kpi`,
      `${name}: "${target.kpi}" is not a KPI of ${level}; use one of ${Object.keys(targetKpis(target)).join(", ")}.`,
    );
    return;
  }
  if (target.kpi === "serviceLevel" && target.node === undefined) {
    const hasSla = list(c.model.nodes).some((n) => n.kind === "work" && n.queue?.slaSeconds !== undefined);
    if (!hasSla) c.error(`${path}.kpi`, `${name} asks for a service level, but no queue of this flow has an SLA.`);
  }
  if (target.kpi === "abandonRate" && target.node === undefined) {
    const hasPatience = list(c.model.nodes).some((n) => n.kind === "work" && n.queue?.patience !== undefined);
    if (!hasPatience) {
      c.error(
        `${path}.kpi`,
        `${name} asks for an abandon rate, but no queue of this flow has a patience, so no caller hangs up and there is no rate to meet. Set a patience on a work step's queue, or remove the target.`,
      );
    }
  }
  if (target.per !== undefined && target.per !== "run" && target.per !== "interval") {
    c.error(`${path}.per`, `${name}: per "${String(target.per)}" is not known; write "interval" or "run".`);
  } else if (target.per === "interval" && !intervalKpiAllowed(target)) {
    const level = target.node !== undefined ? "node" : target.team !== undefined ? "team" : "flow";
    c.error(
      `${path}.per`,
      `${name} cannot hold per interval; per-interval targets of ${level === "node" ? "a work step" : level === "team" ? "a team" : "the flow"} are ${INTERVAL_TARGET_KPIS[level].join(", ")}.`,
    );
  }
  if (target.share !== undefined) {
    const share = readTargetValue(target.share, "share");
    if (target.per !== "interval") {
      c.error(
        `${path}.share`,
        `${name} has a share of intervals but does not hold per interval; add "per": "interval".`,
      );
    } else if (share === undefined || !(share > 0 && share <= 1)) {
      c.error(
        `${path}.share`,
        `${name}: share ${String(target.share)} must be the share of intervals that meet it, more than 0 and at most 1 (e.g. 0.95 or 95%).`,
      );
    }
  }
  if (target.atLeast === undefined && target.atMost === undefined) {
    c.error(path, `${name} has no bound; give atLeast or atMost.`);
    return;
  }
  const read = (field: "atLeast" | "atMost") => {
    const raw = target[field];
    if (raw === undefined) return undefined;
    const value = readTargetValue(raw, unit);
    if (value === undefined || !isNumber(value)) {
      const hint =
        unit === "seconds"
          ? "seconds or a duration such as 30s or 8h"
          : unit === "share"
            ? "a share such as 0.8 or 80%"
            : "a number";
      c.error(`${path}.${field}`, `${name}: ${field} "${String(raw)}" is not ${hint}.`);
      return undefined;
    }
    if (value < 0 || (unit === "share" && value > 1)) {
      const range = unit === "share" ? "between 0 and 1 (0% and 100%)" : "0 or more";
      c.error(`${path}.${field}`, `${name}: ${field} ${String(raw)} must be ${range}.`);
      return undefined;
    }
    return value;
  };
  const low = read("atLeast");
  const high = read("atMost");
  if (low !== undefined && high !== undefined && low > high) {
    c.error(
      path,
      `${name} asks for at least ${String(target.atLeast)} and at most ${String(target.atMost)}; no value meets both.`,
    );
  }
}
