/**
 * Targets at run time: the command-line form `[nodes.ID.|teams.ID.]KPI (>=|<=) VALUE`
 * parsed into a flowcast/v1 target, the bound read into a number, the KPI's estimate looked
 * up in a results document, and the verdict: met when the 95% interval lies on the right
 * side of the bound (or, at confidence "mean", when the mean does).
 */
import type { Model, Target } from "../model";
import {
  describeTarget,
  formatTargetValue,
  intervalShare,
  type KpiUnit,
  readTargetValue,
  targetKpis,
  targetUnit,
} from "../model/validate/targets";
import type { Estimate, NodeResults, Results, TeamResults } from "../sim/results";

/** How sure a verdict must be: the 95% interval on the right side, or the mean alone. */
export type Confidence = "ci95" | "mean";

/** A target with its bounds read into numbers (seconds for time KPIs, 0..1 for shares). */
export interface ResolvedTarget {
  target: Target;
  unit: KpiUnit;
  atLeast?: number;
  atMost?: number;
  /** `service level of "L1 answers" (l1-phone) at least 80%`. */
  label: string;
  /** Held per interval of the week, with the share of intervals that must meet it; undefined: over the run. */
  perInterval?: { share: number };
}

/** A target judged against one run. */
export interface Verdict {
  met: boolean;
  /** The KPI's estimate; undefined when the run does not report it or measured it on nothing (missed). */
  estimate?: Estimate;
  /** Why the KPI has no value: "not measured: no ticket reached this step after the warm-up". */
  notMeasured?: string;
  /** How far the deciding end of the interval is from the bound, relative to the bound (> 0: short). */
  shortfall: number;
  /**
   * A per-interval target: its value in each interval of the week (null: nothing to judge
   * there), whether each meets the bound, and how many of the judged intervals do.
   */
  intervals?: { values: (number | null)[]; meets: (boolean | null)[]; met: number; total: number };
}

/** A target expression that cannot be read; `message` says why in the user's words. */
export class TargetSyntaxError extends Error {}

/**
 * Parses `serviceLevel>=0.8`, `nodes.l1-phone.serviceLevel >= 80%`, `abandonRate<=5%`,
 * `nodes.l2.waitMean<=30s`, `teams.l1.utilization<=0.85`, `resolutionSeconds.p90<=8h`.
 * Throws TargetSyntaxError naming what is wrong.
 */
export function parseTargetExpression(text: string): Target {
  // "... per interval", "... per interval 95%", "... per run"
  const per = /\s+per\s+(interval|run)(?:\s+(\S+))?\s*$/i.exec(text);
  if (per) {
    const target = parseTargetExpression(text.slice(0, per.index));
    target.per = per[1]?.toLowerCase() === "interval" ? "interval" : "run";
    if (per[2] !== undefined) {
      const share = readTargetValue(per[2].replace(/^in$/i, ""), "share");
      if (target.per !== "interval" || share === undefined || !(share > 0 && share <= 1)) {
        throw new TargetSyntaxError(
          `"${text}": "${per[2]}" is not a share of intervals; write e.g. "per interval 95%"`,
        );
      }
      target.share = share;
    }
    return target;
  }
  const match = /^\s*([^<>=\s]+)\s*(>=|<=)\s*(\S.*?)\s*$/.exec(text);
  if (!match) {
    throw new TargetSyntaxError(
      `"${text}" is not a target; write [nodes.ID.|teams.ID.]KPI>=VALUE or <=VALUE, e.g. nodes.l1-phone.serviceLevel>=0.8`,
    );
  }
  const [, path = "", op, raw = ""] = match;
  const target: Target = { kpi: path };
  const scoped = /^(nodes|teams)\.([^.]+)\.(.+)$/.exec(path);
  if (scoped) {
    if (scoped[1] === "nodes") target.node = scoped[2];
    else target.team = scoped[2];
    target.kpi = scoped[3] as string;
  } else if (/^(nodes|teams)\./.test(path)) {
    throw new TargetSyntaxError(`"${text}": write ${path.split(".")[0]}.ID.KPI, e.g. nodes.l1-phone.serviceLevel`);
  }
  const unit = targetUnit(target);
  if (unit === undefined) {
    const level = target.node !== undefined ? "a work step" : target.team !== undefined ? "a team" : "the flow";
    throw new TargetSyntaxError(
      `"${text}": "${target.kpi}" is not a KPI of ${level}; use one of ${Object.keys(targetKpis(target)).join(", ")}${otherLevel(target)}`,
    );
  }
  const value = readTargetValue(raw, unit);
  if (value === undefined || !Number.isFinite(value) || value < 0 || (unit === "share" && value > 1)) {
    const hint =
      unit === "seconds"
        ? "seconds or a duration such as 30s or 8h"
        : unit === "share"
          ? "a share from 0 to 1, or a percentage such as 80%"
          : "a number, 0 or more";
    throw new TargetSyntaxError(`"${text}": "${raw}" is not ${hint}`);
  }
  if (op === ">=") target.atLeast = value;
  else target.atMost = value;
  return target;
}

/** Reads a validated target's bounds (undefined bounds stay undefined). */
export function resolveTarget(target: Target, model?: Pick<Model, "nodes" | "teams" | "clock">): ResolvedTarget {
  const unit = targetUnit(target) ?? "count";
  const read = (v: number | string | undefined) => (v === undefined ? undefined : readTargetValue(v, unit));
  return {
    target,
    unit,
    atLeast: read(target.atLeast),
    atMost: read(target.atMost),
    label: describeTarget(target, model),
    ...(target.per === "interval" ? { perInterval: { share: intervalShare(target) } } : {}),
  };
}

/**
 * A per-interval target's value in each interval of the week (null where there is nothing
 * to judge: no contacts, nobody staffed), or undefined when the run has no interval figures.
 */
export function intervalValues(results: Results, target: Target): (number | null)[] | undefined {
  const iv = results.intervals;
  if (!iv) return undefined;
  const { kpi, node, team } = target;
  if (node !== undefined) {
    const n = own(iv.nodes, node) as (typeof iv.nodes)[string] | undefined;
    if (!n) return undefined;
    const values = kpi === "serviceLevel" ? n.serviceLevel : kpi === "waitMean" ? n.asa : undefined;
    return values?.map((v, k) => ((n.offered[k] ?? 0) > 0 ? v : null));
  }
  if (team !== undefined) {
    const t = own(iv.teams, team) as (typeof iv.teams)[string] | undefined;
    if (!t || kpi !== "utilization") return undefined;
    return t.occupancy.map((v, k) => ((t.agents[k] ?? 0) > 0 ? v : null));
  }
  const values =
    kpi === "serviceLevel" ? iv.flow.serviceLevel : kpi === "abandonRate" ? iv.flow.abandonRate : undefined;
  return values?.map((v, k) => ((iv.flow.offered[k] ?? 0) > 0 ? v : null));
}

/** Whether one value meets the target's bounds. */
export function meetsBound(value: number, target: Pick<ResolvedTarget, "atLeast" | "atMost">): boolean {
  const eps = 1e-9;
  if (target.atLeast !== undefined && value < target.atLeast - eps) return false;
  if (target.atMost !== undefined && value > target.atMost + eps) return false;
  return true;
}

/** The estimate a target is judged on, or undefined when the run does not report it. */
export function targetEstimate(results: Results, target: Target): Estimate | undefined {
  const [kpi, percentile] = target.kpi.split(".") as [string, string | undefined];
  let holder: Record<string, unknown> | undefined;
  if (target.node !== undefined) holder = own(results.nodes, target.node) as Record<string, unknown> | undefined;
  else if (target.team !== undefined) holder = own(results.teams, target.team) as Record<string, unknown> | undefined;
  else holder = results.kpis as unknown as Record<string, unknown>;
  let value = holder ? own(holder, kpi) : undefined;
  if (percentile !== undefined && value && typeof value === "object")
    value = own(value as Record<string, unknown>, percentile);
  return isEstimate(value) ? value : undefined;
}

/** Judges one target against a run. */
export function judgeTarget(results: Results, target: ResolvedTarget, confidence: Confidence = "ci95"): Verdict {
  const notMeasured = unmeasuredReason(results, target.target);
  if (notMeasured) return { met: false, notMeasured, shortfall: Number.POSITIVE_INFINITY };
  if (target.perInterval) return judgePerInterval(results, target);
  const estimate = targetEstimate(results, target.target);
  if (!estimate) return { met: false, shortfall: Number.POSITIVE_INFINITY };
  let shortfall = Number.NEGATIVE_INFINITY;
  const [lo, hi] = confidence === "ci95" ? estimate.ci95 : [estimate.mean, estimate.mean];
  if (target.atLeast !== undefined) shortfall = Math.max(shortfall, relative(target.atLeast - lo, target.atLeast));
  if (target.atMost !== undefined) shortfall = Math.max(shortfall, relative(hi - target.atMost, target.atMost));
  if (Number.isNaN(lo) || Number.isNaN(hi)) return { met: false, estimate, shortfall: Number.POSITIVE_INFINITY };
  return { met: shortfall <= 0, estimate, shortfall };
}

/**
 * Why a target's KPI was measured on nothing in this run, or undefined when it has a sample.
 * The simulator reports a ratio with no denominator (a mean wait where no ticket was
 * answered) as 0; read as a value, that 0 would meet any "at most" target. Counts (served,
 * backlog, staffed hours) are measured even when they are 0.
 */
export function unmeasuredReason(results: Results, target: Target): string | undefined {
  const kpi = target.kpi.split(".")[0] as string;
  const none = (e: Estimate | undefined) => e !== undefined && e.mean === 0 && e.ci95[1] === 0;
  if (target.node !== undefined) {
    const node = own(results.nodes, target.node) as NodeResults | undefined;
    if (!node) return undefined;
    const sample =
      kpi === "waitMean"
        ? [node.served]
        : kpi === "serviceLevel" || kpi === "pWait" || kpi === "queueTimeMean"
          ? [node.served, node.abandoned]
          : undefined;
    if (sample?.every((e) => e === undefined || none(e))) return NO_TICKET_AT_STEP;
    return undefined;
  }
  if (target.team !== undefined) {
    const team = own(results.teams, target.team) as TeamResults | undefined;
    if (kpi === "utilization" && team && none(team.staffedHours)) return NO_STAFFED_HOURS;
    return undefined;
  }
  if (kpi === "utilization") {
    const teams = Object.values(results.teams);
    return teams.length > 0 && teams.every((t) => none(t.staffedHours)) ? NO_STAFFED_HOURS : undefined;
  }
  if (kpi === "backlog" || kpi === "backlogPastSla") return undefined;
  if (none(results.kpis.tickets)) return NO_TICKET;
  if (kpi === "deflectionRate") return undefined;
  const work = Object.values(results.nodes).filter((n) => n.served !== undefined);
  const answered = work.some((n) => !none(n.served) || (n.abandoned !== undefined && !none(n.abandoned)));
  // resolution, first response, CSAT and cost per ticket are also measured on tickets that self-service closed
  const deflected = !none(results.kpis.deflectionRate);
  const selfServiceCounts = ["firstResponseSeconds", "resolutionSeconds", "csat", "costPerTicket"].includes(kpi);
  if (work.length > 0 && !answered && !(selfServiceCounts && deflected)) return NO_TICKET_AT_WORK;
  return undefined;
}

/** A figure of a target's KPI with its unit: "80%", "6 min", "12.5 tickets", "40 h", "1,250". */
export function formatFigure(value: number, unit: KpiUnit): string {
  if (!Number.isFinite(value)) return String(value);
  if (unit === "count") return `${Number(value.toPrecision(4)).toLocaleString("en")} tickets`;
  if (unit === "hours") return `${Number(value.toPrecision(4)).toLocaleString("en")} h`;
  if (unit === "money") return value.toLocaleString("en", { maximumFractionDigits: 2 });
  if (unit === "seconds") {
    const abs = Math.abs(value);
    const [size, name] =
      abs >= 2 * 86400 ? [86400, "d"] : abs >= 2 * 3600 ? [3600, "h"] : abs >= 120 ? [60, "min"] : [1, "s"];
    return `${Number((value / size).toPrecision(4)).toLocaleString("en")} ${name}`;
  }
  return formatTargetValue(value, unit);
}

/** An estimate with its unit: "6 min (95% interval 5.2 min to 6.8 min)"; the reason when not measured. */
export function describeVerdictFigure(
  verdict: { estimate?: Estimate; notMeasured?: string } | undefined,
  unit: KpiUnit,
): string {
  if (verdict?.notMeasured) return verdict.notMeasured;
  const e = verdict?.estimate;
  if (!e) return "not reported";
  // every target KPI is a count, share, time or cost: an interval of a small mean reaching below 0 stops at 0
  const lo = Math.max(0, e.ci95[0]);
  return `${formatFigure(e.mean, unit)} (95% interval ${formatFigure(lo, unit)} to ${formatFigure(e.ci95[1], unit)})`;
}

const NO_TICKET_AT_STEP = "not measured: no ticket reached this step after the warm-up";
const NO_TICKET_AT_WORK = "not measured: no ticket reached a work step after the warm-up";
const NO_TICKET = "not measured: no ticket arrived after the warm-up";
const NO_STAFFED_HOURS = "not measured: no agent was staffed after the warm-up";

// helpers

/**
 * A per-interval target: each interval of the week with something to judge is met when its
 * pooled value (every measured week of every replication) is on the right side of the
 * bound; the target is met when the share of such intervals asked for is. Its estimate is
 * that share of intervals met.
 */
function judgePerInterval(results: Results, target: ResolvedTarget): Verdict {
  const values = intervalValues(results, target.target);
  if (!values) return { met: false, shortfall: Number.POSITIVE_INFINITY };
  const meets = values.map((v) => (v === null ? null : meetsBound(v, target)));
  const total = meets.filter((m) => m !== null).length;
  const met = meets.filter((m) => m === true).length;
  const share = total > 0 ? met / total : 1;
  const needed = target.perInterval?.share ?? 1;
  const ok = share >= needed - 1e-12;
  return {
    met: ok,
    estimate: { mean: share, ci95: [share, share] },
    shortfall: ok ? -(share - needed) : (needed - share) / Math.max(needed, 1e-9),
    intervals: { values, meets, met, total },
  };
}

/** Where a KPI unknown at its level does exist: `; "cost" is a KPI of a team: write teams.ID.cost`. */
function otherLevel(target: Target): string {
  if (target.node !== undefined || target.team !== undefined) return "";
  const kpi = target.kpi;
  if (Object.hasOwn(targetKpis({ team: "" }), kpi))
    return `; "${kpi}" is a KPI of a team: write teams.ID.${kpi}${kpi === "cost" ? " (or costPerTicket for the flow)" : ""}`;
  if (Object.hasOwn(targetKpis({ node: "" }), kpi)) return `; "${kpi}" is a KPI of a step: write nodes.ID.${kpi}`;
  return "";
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function isEstimate(value: unknown): value is Estimate {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Estimate).mean === "number" &&
    Array.isArray((value as Estimate).ci95)
  );
}

function relative(gap: number, bound: number): number {
  return gap / Math.max(Math.abs(bound), 1e-9);
}
