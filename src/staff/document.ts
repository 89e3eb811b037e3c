/**
 * The `flowcast-staffing/v1` document (docs/staffing.md): the answer of a staffing search
 * per team (current, Erlang start, needed, cost change), the KPIs at the answer with their
 * 95% intervals, each target met or missed, the cost, the evaluations it took, and the
 * scenario that staffs the flow that way. The CLI prints it with --json; the app shows it.
 */
import type { Model, Scenario } from "../model";
import type { Estimate, IntervalResults, Kpis, NodeResults } from "../sim/results";
import type { StaffingCurve } from "./curve";
import { agentHoursPerWeek, applyPlan, isScheduled, planAdditions } from "./plan";
import type { StaffingAnswer } from "./search";
import type { Person } from "./shifts/people";
import type { PlannedShift, ShiftPlan } from "./shifts/plan";
import { type Confidence, describeVerdictFigure } from "./targets";
import { explainTeam, type TeamWhy, targetWords } from "./why";

/** Paid hours of one full-time person per week (FTE). */
export const FTE_HOURS_PER_WEEK = 40;

export const STAFFING_FORMAT = "flowcast-staffing/v1";

export interface StaffingTeam {
  name: string;
  /**
   * "headcount": `agents` is the team's agents; "schedule": agents added to every shift;
   * "interval": `agents` is the peak of the per-interval requirement (`requirement.teams`).
   */
  kind: "headcount" | "schedule" | "interval";
  agents: number;
  current: number;
  erlang: number;
  bound: number;
  costPerHour: number;
  costPerWeek: number;
  costChangePerWeek: number;
  /** Offered load in agent-Erlangs (traffic equations, no abandonment). */
  offeredAgents: number;
  /** Share of paid time not available (the team's `shrinkage`, 0 when it sets none). */
  shrinkage: number;
  /** Agent-hours on the phones per week at the answer. */
  agentHoursPerWeek: number;
  /** People to schedule: agents on the phones / (1 - shrinkage), rounded up (the peak for a curve). */
  people: number;
  /** Full-time people to hire for the week: agent-hours / (1 - shrinkage) / 40 h. */
  fte: number;
}

export interface StaffingTarget {
  kpi: string;
  node?: string;
  team?: string;
  atLeast?: number;
  atMost?: number;
  label: string;
  /** "interval": judged per interval of the week (its estimate is the share of intervals met). */
  per?: "run" | "interval";
  share?: number | string;
  /** The target in words, steps and teams by name: "L1 answers: answered within 20 s at least 80%". */
  words?: string;
  met: boolean;
  estimate?: Estimate;
  /** Why the answer's figure is absent: "not measured: no ticket reached this step after the warm-up". */
  notMeasured?: string;
  /** At the flow's current staffing. */
  currentMet: boolean;
  currentEstimate?: Estimate;
  currentNotMeasured?: string;
}

export interface StaffingDocument {
  format: typeof STAFFING_FORMAT;
  model: string;
  /** Whether the answer meets every target. */
  met: boolean;
  /** Why not, naming the bound (when `met` is false). */
  message?: string;
  seed: number;
  replications: number;
  horizonSeconds: number;
  confidence: Confidence;
  evaluations: number;
  stoppedEarly: boolean;
  wallSeconds: number;
  teams: Record<string, StaffingTeam>;
  targets: StaffingTarget[];
  cost: { perWeek: number; currentPerWeek: number; changePerWeek: number };
  kpis: Kpis;
  nodes: Record<string, NodeResults>;
  /** A scenario that staffs the flow as the answer does. */
  scenario: Scenario;
  /** Minimum agents per hour of the week for scheduled teams (Erlang per hour, checked by simulation). */
  curves?: Record<string, StaffingCurve>;
  /** Per team: the target that holds it up and every target's margin, in words. */
  why?: Record<string, TeamWhy>;
  /** What the planner must know: teams run at 90% of their agents or more. */
  warnings?: string[];
  /** With --per-interval: agents needed on the phones per team and interval of the week (Monday 00:00 first). */
  requirement?: { intervalMinutes: number; teams: Record<string, number[]> };
  /** With --per-interval: people to schedule per interval, the Erlang start and offered load per interval. */
  planning?: {
    fteHoursPerWeek: number;
    teams: Record<string, { people: number[]; erlang: number[]; offeredAgents: number[]; arrivalsPerHour: number[] }>;
  };
  /** With --per-interval: the per-queue figures per interval of the week at the answer. */
  intervals?: IntervalResults;
  /** With --shifts: the least-cost shift plan, one entry per team, day, start, length and break placement. */
  shifts?: PlannedShift[];
  /**
   * With --shifts: people required and scheduled, and agents on the phones, per team and
   * interval; whether every target holds when the flow is simulated with the plan.
   */
  coverage?: ShiftPlan["coverage"] & {
    met: boolean;
    /** Plans solved and checked: 1 when the first plan held; more when missed intervals were raised and solved again. */
    rounds: number;
    /** Per team, the intervals raised after a check missed (one agent more than the plan had there). */
    raisedIntervals: Record<string, number[]>;
    /** What the check found and did, in words. */
    note: string;
    targets: { label: string; words?: string; met: boolean; estimate?: Estimate; notMeasured?: string }[];
  };
  /**
   * With --shifts: cost, paid hours and head count per team, the shifts given to people 1..N
   * (days off within daysPerWeek), and the plan as a scenario of schedules.
   */
  roster?: {
    costPerWeek: number;
    daysPerWeek: number;
    teams: ShiftPlan["teams"];
    people: Person[];
    scenario: Scenario;
  };
}

/** People and FTE for `agentHours` on the phones per week and a peak of `peakAgents`. */
export function shrinkageFigures(
  agentHours: number,
  peakAgents: number,
  shrinkage: number | undefined,
): { shrinkage: number; agentHoursPerWeek: number; people: number; fte: number } {
  const s = shrinkage ?? 0;
  return {
    shrinkage: s,
    agentHoursPerWeek: round2(agentHours),
    people: Math.ceil(peakAgents / (1 - s) - 1e-9),
    fte: round2(agentHours / (1 - s) / FTE_HOURS_PER_WEEK),
  };
}

/** Builds the document from a search answer. */
export function staffingDocument(
  model: Model,
  answer: StaffingAnswer,
  meta: { confidence: Confidence; wallSeconds: number; curves?: Record<string, StaffingCurve> },
): StaffingDocument {
  const staffed = applyPlan(model, answer.answer.plan);
  const teams: Record<string, StaffingTeam> = {};
  let perWeek = 0;
  let currentPerWeek = 0;
  for (const id of answer.teams) {
    const before = model.teams.find((t) => t.id === id);
    const after = staffed.teams.find((t) => t.id === id);
    if (!before || !after) continue;
    const now = agentHoursPerWeek(after) * after.costPerHour;
    const was = agentHoursPerWeek(before) * before.costPerHour;
    perWeek += now;
    currentPerWeek += was;
    teams[id] = {
      name: before.name,
      kind: isScheduled(before) ? "schedule" : "headcount",
      agents: answer.answer.plan[id] as number,
      current: answer.current.plan[id] as number,
      erlang: answer.erlang[id] as number,
      bound: answer.bound[id] as number,
      costPerHour: before.costPerHour,
      costPerWeek: round2(now),
      costChangePerWeek: round2(now - was),
      offeredAgents: Number((answer.offeredAgents[id] ?? 0).toFixed(3)),
      ...shrinkageFigures(agentHoursPerWeek(after), peakAgents(after), before.shrinkage),
    };
  }
  const why: Record<string, TeamWhy> = {};
  if (answer.met) {
    for (const id of answer.teams) {
      const team = model.teams.find((t) => t.id === id);
      if (!team) continue;
      const value = answer.answer.plan[id] as number;
      const scheduled = isScheduled(team);
      const atFloor = !scheduled && value <= (answer.floor[id] ?? 0);
      why[id] = explainTeam(model, id, value, answer.targets, answer.answer.verdicts, answer.fewer[id]?.verdicts, {
        unit: scheduled ? "added to every shift" : "agents",
        floorReason: atFloor
          ? `the offered load: ${(answer.offeredAgents[id] ?? 0).toFixed(1)} agents' worth of work, so fewer than ${value} agents cannot keep up`
          : undefined,
      });
    }
  }
  const targets: StaffingTarget[] = answer.targets.map((t, k) => {
    const v = answer.answer.verdicts[k];
    const c = answer.current.verdicts[k];
    return {
      ...t.target,
      atLeast: t.atLeast,
      atMost: t.atMost,
      label: t.label,
      words: targetWords(model, t),
      met: Boolean(v?.met),
      estimate: v?.estimate,
      ...(v?.notMeasured ? { notMeasured: v.notMeasured } : {}),
      currentMet: Boolean(c?.met),
      currentEstimate: c?.estimate,
      ...(c?.notMeasured ? { currentNotMeasured: c.notMeasured } : {}),
    };
  });
  const results = answer.answer.results;
  const doc: StaffingDocument = {
    format: STAFFING_FORMAT,
    model: model.name,
    met: answer.met,
    seed: results.seed,
    replications: results.replications,
    horizonSeconds: results.horizonSeconds,
    confidence: meta.confidence,
    evaluations: answer.evaluations,
    stoppedEarly: answer.stoppedEarly,
    wallSeconds: Number(meta.wallSeconds.toFixed(3)),
    teams,
    targets,
    cost: {
      perWeek: round2(perWeek),
      currentPerWeek: round2(currentPerWeek),
      changePerWeek: round2(perWeek - currentPerWeek),
    },
    kpis: results.kpis,
    nodes: results.nodes,
    scenario: staffingScenario(model, answer),
  };
  if (!answer.met) doc.message = unreachableMessage(model, answer);
  if (meta.curves && Object.keys(meta.curves).length > 0) doc.curves = meta.curves;
  if (Object.keys(why).length > 0) doc.why = why;
  return doc;
}

/** The scenario that staffs the flow as the answer does, with an id not yet taken. */
export function staffingScenario(model: Model, answer: StaffingAnswer): Scenario {
  let id = "staffing";
  for (let n = 2; model.scenarios.some((s) => s.id === id); n++) id = `staffing-${n}`;
  const changes = answer.teams
    .filter((t) => answer.answer.plan[t] !== answer.current.plan[t])
    .map((t) => {
      const delta = (answer.answer.plan[t] as number) - (answer.current.plan[t] as number);
      return `${t} ${delta > 0 ? "+" : ""}${delta}`;
    });
  return {
    id,
    name: `Staffing for targets${changes.length > 0 ? ` (${changes.join(", ")})` : ""}`,
    description: `Fewest agents meeting: ${answer.targets.map((t) => t.label).join("; ")}.`,
    set: {},
    add: planAdditions(model, answer.answer.plan),
  };
}

/** Why no staffing meets the targets, naming the bound and the targets missed there. */
export function unreachableMessage(model: Model, answer: StaffingAnswer): string {
  const bound = answer.teams
    .map((id) => {
      const team = model.teams.find((t) => t.id === id);
      const value = answer.bound[id] as number;
      return team && isScheduled(team) ? `${id} +${value} agents on every shift` : `${value} ${id}`;
    })
    .join(", ");
  const allScheduled = answer.teams.every((id) => {
    const team = model.teams.find((t) => t.id === id);
    return team !== undefined && isScheduled(team);
  });
  const missed = answer.targets
    .map((t, k) => ({ t, v: answer.answer.verdicts[k] }))
    .filter(({ v }) => !v?.met)
    .map(({ t, v }) =>
      v?.notMeasured
        ? `${t.label} (${v.notMeasured} there)`
        : `${t.label} (it is ${describeVerdictFigure(v, t.unit)} there)`,
    );
  if (answer.stoppedEarly) {
    return `The search stopped after ${answer.evaluations} simulated candidates before meeting ${missed.join("; ")}.`;
  }
  const why = answer.teams.some((id) => {
    const team = model.teams.find((t) => t.id === id);
    return team !== undefined && isScheduled(team);
  })
    ? "the hours the schedule leaves unstaffed, self-service, patience or routing limit it (see the per-hour curve)"
    : "self-service, patience or routing in the flow limit it, or the target is out of reach";
  return `No staffing up to the bound (${bound}${allScheduled ? "" : " agents"}) meets ${missed.join("; ")}. More agents cannot reach it: ${why}.`;
}

// helpers

/** The most agents a team has staffed at once (its headcount, or its busiest minute of the week). */
function peakAgents(team: Model["teams"][number]): number {
  if (!isScheduled(team)) return team.agents;
  const week = new Int32Array(7 * 1440);
  const days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  for (const shift of team.schedule ?? []) {
    const [fh, fm] = shift.from.split(":").map(Number);
    const [th, tm] = shift.to.split(":").map(Number);
    const from = (fh ?? 0) * 60 + (fm ?? 0);
    let to = (th ?? 0) * 60 + (tm ?? 0);
    if (to <= from) to += 1440;
    for (const day of shift.days) {
      const d = days.indexOf(day);
      for (let m = from; m < to; m++) week[(d * 1440 + m) % week.length]! += shift.agents;
    }
  }
  return week.reduce((a, b) => Math.max(a, b), 0);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
