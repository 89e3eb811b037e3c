/**
 * Why a staffing answer is what it is, in a planner's words: for every team, the target that
 * holds it up (the one that misses with one agent fewer) and each target's margin at the
 * answer; and where the answer runs a team close to its limit (offered load from 90% of
 * its agents), a warning that waits will be long. Steps and teams are named by their
 * labels and names, never by ids; a service level reads "answered within 20 s".
 */

import type { Model } from "../model";
import { formatTargetValue } from "../model/validate/targets";
import { daysInWords } from "../sim/weekHours";
import type { ResolvedTarget, Verdict } from "./targets";

/** Each target's value and room at the answer, and with one agent fewer on the team. */
export interface TargetMargin {
  /** The target in words. */
  target: string;
  /** Its value at the answer (a share of intervals for a per-interval target). */
  value?: number;
  /** Its value with one agent fewer (in every staffed interval for a curve), when that was run. */
  fewer?: number;
  /** Room to the bound at the answer, in the KPI's unit (>= 0: met by that much). */
  margin?: number;
  met: boolean;
  metWithFewer?: boolean;
}

export interface TeamWhy {
  /** The team in words. */
  team: string;
  /** The answer for the team, as said ("7 agents", "peak 12 agents"). */
  agents: number;
  /** The target that holds the team up, in words; absent when none does (offered load, or the floor). */
  binding?: string;
  /** "L2: held by backlog past SLA at most 50 (48 at 7 agents; 85 at 6)". */
  sentence: string;
  margins: TargetMargin[];
}

/** A step in words: its label, else its id. */
export function stepWords(model: Model, id: string): string {
  const node = model.nodes.find((n) => n.id === id);
  return node?.label?.trim() || id;
}

/** A team in words: its name, else its id. */
export function teamWords(model: Model, id: string): string {
  const team = model.teams.find((t) => t.id === id);
  return team?.name?.trim() || id;
}

/** A target in words: "L1 answers: answered within 20 s at least 80% in every 30-minute interval". */
export function targetWords(model: Model, t: ResolvedTarget): string {
  const { kpi, node, team } = t.target;
  const step = node !== undefined ? model.nodes.find((n) => n.id === node) : undefined;
  const sla = step?.kind === "work" ? step.queue.slaSeconds : undefined;
  let what: string;
  if (kpi === "serviceLevel")
    what = sla !== undefined ? `answered within ${formatTargetValue(sla, "seconds")}` : "answered within the SLA";
  else what = KPI_PHRASES[kpi] ?? kpi;
  const bounds: string[] = [];
  if (t.atLeast !== undefined) bounds.push(`at least ${formatTargetValue(t.atLeast, t.unit)}`);
  if (t.atMost !== undefined) bounds.push(`at most ${formatTargetValue(t.atMost, t.unit)}`);
  const where =
    node !== undefined ? `${stepWords(model, node)}: ` : team !== undefined ? `${teamWords(model, team)}: ` : "";
  let per = "";
  if (t.perInterval) {
    const minutes = model.clock.intervalMinutes ?? 60;
    per =
      t.perInterval.share >= 1
        ? ` in every ${minutes}-minute interval`
        : ` in ${formatTargetValue(t.perInterval.share, "share")} of ${minutes}-minute intervals`;
  }
  return `${where}${what} ${bounds.join(" and ")}${per}`;
}

/**
 * The margins of every target concerning a team at the answer and with one agent fewer, and
 * the one that binds: of the targets one agent fewer misses, the one it misses by most.
 */
export function explainTeam(
  model: Model,
  teamId: string,
  agents: number,
  targets: readonly ResolvedTarget[],
  atAnswer: readonly Verdict[],
  withFewer: readonly Verdict[] | undefined,
  options: { unit?: string; floorReason?: string } = {},
): TeamWhy {
  const name = teamWords(model, teamId);
  const margins: TargetMargin[] = [];
  let binding:
    | { words: string; shortfall: number; value?: number; fewer?: number; unit: ResolvedTarget["unit"] | "intervals" }
    | undefined;
  targets.forEach((t, i) => {
    if (!concerns(model, t, teamId)) return;
    const v = atAnswer[i];
    const f = withFewer?.[i];
    const value = v?.estimate?.mean;
    const fewer = f?.estimate?.mean;
    const words = targetWords(model, t);
    const unit = t.perInterval ? "intervals" : t.unit;
    margins.push({
      target: words,
      value,
      fewer,
      margin: value === undefined ? undefined : marginOf(t, value),
      met: Boolean(v?.met),
      metWithFewer: f ? f.met : undefined,
    });
    if (f && !f.met) {
      const shortfall = Number.isFinite(f.shortfall) ? f.shortfall : 1e9;
      if (!binding || shortfall > binding.shortfall) binding = { words, shortfall, value, fewer, unit };
    }
  });
  const what = options.unit ?? "agents";
  let sentence: string;
  const b = binding as
    | { words: string; shortfall: number; value?: number; fewer?: number; unit: ResolvedTarget["unit"] | "intervals" }
    | undefined;
  if (b) {
    const fmt = (x: number | undefined) => (x === undefined ? "not measured" : formatValue(x, b.unit));
    sentence = `${name}: held by ${b.words} (${fmt(b.value)} at ${agents} ${what}; ${fmt(b.fewer)} at ${agents - 1})`;
  } else if (options.floorReason) {
    sentence = `${name}: held by ${options.floorReason}`;
  } else {
    sentence = `${name}: no target misses with one agent fewer on this seed; ${agents} ${what} is where the search stopped`;
  }
  return { team: name, agents, binding: b?.words, sentence, margins };
}

/**
 * High-load warnings for a per-interval answer: the intervals where a team's offered load
 * is 90% or more of its agents, grouped in words ("L1 at 95% on Mondays 10:00-10:30").
 */
export function highLoadWarnings(
  model: Model,
  offered: Record<string, number[]>,
  agents: Record<string, number[]>,
  minutes: number,
): string[] {
  const out: string[] = [];
  for (const [id, load] of Object.entries(offered)) {
    const staffed = agents[id] ?? [];
    let worst = 0;
    const hot: number[] = [];
    load.forEach((l, k) => {
      const a = staffed[k] ?? 0;
      if (a <= 0 || l <= 0) return;
      const share = l / a;
      if (share >= 0.9) {
        hot.push(k);
        worst = Math.max(worst, share);
      }
    });
    if (hot.length === 0) continue;
    out.push(
      `${teamWords(model, id)} at ${Math.round(worst * 100)}% of its agents in ${hot.length} interval${hot.length === 1 ? "" : "s"} (${intervalsInWords(hot, minutes)}): expect long waits; service level falls steeply.`,
    );
  }
  return out;
}

/** Intervals of the week in words, e.g. "Mondays 10:00-10:30, 11:00-12:00 and Tuesdays 09:00-09:30". */
export function intervalsInWords(cells: readonly number[], minutes: number): string {
  const perDay = 1440 / minutes;
  const set = new Set(cells);
  const groups: { days: number[]; ranges: string }[] = [];
  for (let d = 0; d < 7; d++) {
    const ranges: string[] = [];
    let from = -1;
    for (let i = 0; i <= perDay; i++) {
      const inside = i < perDay && set.has(d * perDay + i);
      if (inside && from < 0) from = i;
      if (!inside && from >= 0) {
        ranges.push(`${clock(from * minutes)}-${clock(i * minutes)}`);
        from = -1;
      }
    }
    if (ranges.length === 0) continue;
    const text = ranges.join(", ");
    const group = groups.find((g) => g.ranges === text);
    if (group) group.days.push(d);
    else groups.push({ days: [d], ranges: text });
  }
  const parts = groups.map((g) => `${daysInWords(g.days)} ${g.ranges}`);
  if (parts.length > 3) return `${parts.slice(0, 3).join("; ")} and ${parts.length - 3} more`;
  return parts.join("; ");
}

// helpers

const KPI_PHRASES: Record<string, string> = {
  abandonRate: "abandon rate",
  waitMean: "mean wait of answered contacts",
  queueTimeMean: "mean time in queue",
  pWait: "share that waits",
  queueMean: "mean queue length",
  abandoned: "abandoned contacts",
  served: "served contacts",
  utilization: "occupancy",
  staffedHours: "staffed hours",
  busyHours: "busy hours",
  cost: "cost",
  fcr: "first-contact resolution",
  deflectionRate: "deflection rate",
  escalationRate: "escalation rate",
  reopenRate: "reopen rate",
  firstResponseSeconds: "mean first response time",
  "firstResponseSeconds.p50": "median first response time",
  "firstResponseSeconds.p90": "90th percentile first response time",
  resolutionSeconds: "mean resolution time",
  "resolutionSeconds.p50": "median resolution time",
  "resolutionSeconds.p90": "90th percentile resolution time",
  backlog: "backlog",
  backlogPastSla: "backlog past SLA",
  csat: "CSAT",
  costPerTicket: "cost per ticket",
};

/** Whether a target can concern a team: its own step or team, or a flow-wide target. */
function concerns(model: Model, t: ResolvedTarget, teamId: string): boolean {
  const { node, team } = t.target;
  if (node !== undefined) {
    const n = model.nodes.find((x) => x.id === node);
    return n?.kind === "work" && n.team === teamId;
  }
  if (team !== undefined) return team === teamId;
  return true;
}

function marginOf(t: ResolvedTarget, value: number): number {
  if (t.perInterval) return value - t.perInterval.share;
  let m = Number.POSITIVE_INFINITY;
  if (t.atLeast !== undefined) m = Math.min(m, value - t.atLeast);
  if (t.atMost !== undefined) m = Math.min(m, t.atMost - value);
  return m;
}

function formatValue(x: number, unit: ResolvedTarget["unit"] | "intervals"): string {
  if (unit === "intervals") return `${formatTargetValue(x, "share")} of intervals`;
  if (unit === "count") return String(Number(x.toPrecision(3)));
  return formatTargetValue(unit === "seconds" ? Number(x.toPrecision(3)) : x, unit);
}

function clock(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}
