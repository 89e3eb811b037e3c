/**
 * The staffing search: the fewest-cost plan (agents per team) whose simulated KPIs meet every
 * target with the confidence asked. It starts from the analytic answer (traffic equations,
 * Erlang C/A per team), then works on simulation with common random numbers: every candidate
 * runs with the same seed and replications, so two candidates differ by their staffing, not
 * by noise.
 *
 * 1. Run the flow as it is (the baseline, and the routing shares rules give).
 * 2. Start at the Erlang answer. If it misses a target, run the bound (every team at its
 *    ceiling): missing there means no staffing up to the bound can meet it — say so.
 * 3. Up: add agents to the team that cuts the shortfall most per unit of cost (steps double
 *    while the same team keeps winning) until every target is met.
 * 4. Down: per team, dearest first, the fewest agents that still meet every target (step
 *    down 1, 2, 4... agents to the first miss, then bisect), then confirm that taking one
 *    more agent from any team breaks a target.
 * Each candidate is simulated once (cached by plan); candidates stop early once their verdict
 * is clear, and the answer is then completed to every replication (the replications already
 * run are kept where the Evaluate can resume).
 */
import type { Model, Target } from "../model";
import type { Results } from "../sim/results";
import { erlangAgents, stableAgents } from "./erlangStart";
import { withIntervals } from "./intervalClock";
import { applyPlan, currentValue, isScheduled, type Plan, planAgentHours, planCostPerWeek, planKey } from "./plan";
import { type Confidence, judgeTarget, type ResolvedTarget, resolveTarget, type Verdict } from "./targets";
import { solveVisits, type TeamLoad, teamLoads } from "./traffic";

/** How a candidate is simulated: in process, on worker threads, or in Web Workers. */
export type Evaluate = (model: Model, run: RunRequest, signal?: AbortSignal) => Promise<Results>;

/** One candidate's run: replications on a shared seed, and when it may stop early. */
export interface RunRequest {
  seed: number;
  replications: number;
  horizonSeconds?: number;
  /**
   * Called with the replications run so far (at 2, 4 and 7): true when the verdict is
   * already clear, and the run may stop there. An Evaluate may ignore it and run them all.
   */
  stopWhen?: (results: Results) => boolean;
}

/** Replications after which a run may stop early (`RunRequest.stopWhen`): every Evaluate checks at these. */
export const STOP_CHECKPOINTS: readonly number[] = [2, 4, 7];

/**
 * Whether a candidate's verdict is clear before every replication has run: a target whose
 * 95% interval lies wholly on the wrong side of its bound (missed whatever the rest say),
 * or every target's interval wholly on the right side. Per-interval targets run in full.
 */
export function verdictIsClear(results: Results, targets: readonly ResolvedTarget[]): boolean {
  if (targets.some((t) => t.perInterval)) return false;
  let allMet = true;
  for (const t of targets) {
    const v = judgeTarget(results, t, "ci95");
    if (v.met) continue;
    allMet = false;
    const e = v.estimate;
    if (!e) return false;
    if (t.atLeast !== undefined && e.ci95[1] < t.atLeast) return true;
    if (t.atMost !== undefined && e.ci95[0] > t.atMost) return true;
  }
  return allMet;
}

export interface StaffingOptions {
  /** Every target to meet (the flow's own and any added). */
  targets: readonly Target[];
  /** Teams whose staffing may change; default every team that serves a work step. */
  teams?: readonly string[];
  replications?: number;
  seed?: number;
  horizonSeconds?: number;
  confidence?: Confidence;
  /** Stop after this many simulated candidates (default 200). */
  maxEvaluations?: number;
  /** Let candidates stop after fewer replications once their verdict is clear (default true). */
  stopEarly?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: StaffingProgress) => void;
}

export interface StaffingProgress {
  evaluations: number;
  phase: "current" | "start" | "bound" | "up" | "down";
  candidate: Plan;
  met: boolean;
  best?: { plan: Plan; costPerWeek: number };
}

/** A judged candidate. */
export interface Candidate {
  plan: Plan;
  /** The flow as simulated (the same object is run again for the answer's full run, so an Evaluate may resume it). */
  model: Model;
  results: Results;
  verdicts: Verdict[];
  met: boolean;
  costPerWeek: number;
}

export interface StaffingAnswer {
  /** Whether a plan meets every target. */
  met: boolean;
  teams: string[];
  targets: ResolvedTarget[];
  current: Candidate;
  /** The Erlang C/A answer per team the search started from. */
  erlang: Plan;
  /** The ceiling per team (the bound named when nothing meets the targets). */
  bound: Plan;
  /** The answer when `met`; otherwise the best seen (the bound when it was run). */
  answer: Candidate;
  evaluations: number;
  /** Set when the search stopped at maxEvaluations before it could prove minimality. */
  stoppedEarly: boolean;
  /** Offered load per team (agent-Erlangs) from the traffic equations. */
  offeredAgents: Record<string, number>;
  /** Per team, the answer with one agent fewer on that team, when the search ran it. */
  fewer: Record<string, Candidate | undefined>;
  /** Per team, the fewest agents that keep up with the offered load (the search's floor). */
  floor: Plan;
}

/** Raised for input the search cannot work with (no targets, unknown team); exit 1 on the CLI. */
export class StaffingInputError extends Error {}

/** Finds the staffing. Rejects with StaffingInputError on bad input and with the signal's reason on abort. */
export async function findStaffing(
  model: Model,
  options: StaffingOptions,
  evaluate: Evaluate,
): Promise<StaffingAnswer> {
  const targets = options.targets.map((t) => resolveTarget(t, model));
  if (targets.length === 0) {
    throw new StaffingInputError("There are no targets to staff for; add some to the flow or pass --target.");
  }
  const teams = pickTeams(model, options.teams);
  // a target per interval is judged on the run's figures per interval of the week
  const simulated = targets.some((t) => t.perInterval) ? withIntervals(model) : model;
  const run: RunRequest = {
    seed: options.seed ?? 1,
    replications: options.replications ?? 10,
    horizonSeconds: options.horizonSeconds,
  };
  const confidence = options.confidence ?? "ci95";
  // candidates stop once their verdict is clear; the answer is then run in full
  const searchRun: RunRequest =
    options.stopEarly === false ? run : { ...run, stopWhen: (results) => verdictIsClear(results, targets) };
  const maxEvaluations = options.maxEvaluations ?? 200;
  const cache = new Map<string, Candidate>();
  let best: Candidate | undefined;
  let phase: StaffingProgress["phase"] = "current";

  const judge = async (plan: Plan): Promise<Candidate> => {
    const key = planKey(plan, teams);
    const known = cache.get(key);
    if (known) return known;
    options.signal?.throwIfAborted();
    const staffed = applyPlan(simulated, plan);
    const results = await evaluate(staffed, searchRun, options.signal);
    const verdicts = targets.map((t) => judgeTarget(results, t, confidence));
    const candidate: Candidate = {
      plan: { ...plan },
      model: staffed,
      results,
      verdicts,
      met: verdicts.every((v) => v.met),
      costPerWeek: planCostPerWeek(model, plan, teams),
    };
    cache.set(key, candidate);
    if (candidate.met && (!best || cheaper(model, teams, candidate, best))) best = candidate;
    options.onProgress?.({
      evaluations: cache.size,
      phase,
      candidate: candidate.plan,
      met: candidate.met,
      best: best ? { plan: best.plan, costPerWeek: best.costPerWeek } : undefined,
    });
    return candidate;
  };

  const current = await judge(Object.fromEntries(teams.map((id) => [id, currentValue(teamOf(model, id))])));
  const loads = teamLoads(model, solveVisits(model, current.results));
  const floor: Plan = {};
  const erlang: Plan = {};
  const bound: Plan = {};
  for (const id of teams) {
    const team = teamOf(model, id);
    const load = loads.get(id) as TeamLoad;
    if (isScheduled(team)) {
      const most = Math.max(0, ...(team.schedule ?? []).map((s) => s.agents));
      floor[id] = scheduleFloor(model, id, -most, load.offeredAgents);
      erlang[id] = 0;
      bound[id] = Math.max(20, 2 * most, scheduleOffsetFor(model, id, 1.5 * load.offeredAgents));
    } else {
      calibrate(load, current.results, team.agents);
      floor[id] = Math.max(stableAgents(load), 0);
      erlang[id] = Math.max(erlangAgents(load, targets), floor[id] as number);
      bound[id] = Math.max(3 * (erlang[id] as number), (erlang[id] as number) + 20, 2 * team.agents);
    }
  }
  const offeredAgents = Object.fromEntries(teams.map((id) => [id, loads.get(id)?.offeredAgents ?? 0]));
  const answerOf = (answer: Candidate, met: boolean, stoppedEarly = false): StaffingAnswer => ({
    met,
    teams,
    targets,
    current,
    erlang,
    bound,
    answer,
    evaluations: cache.size,
    stoppedEarly,
    offeredAgents,
    fewer: Object.fromEntries(
      teams.map((id) => [id, cache.get(planKey({ ...answer.plan, [id]: (answer.plan[id] as number) - 1 }, teams))]),
    ),
    floor,
  });

  /** The answer with every statistic from a full run (candidates may have stopped early). */
  const full = async (c: Candidate): Promise<Candidate> => {
    if (c.results.replications >= run.replications) return c;
    options.signal?.throwIfAborted();
    const results = await evaluate(c.model, run, options.signal);
    const verdicts = targets.map((t) => judgeTarget(results, t, confidence));
    return { ...c, results, verdicts, met: verdicts.every((v) => v.met) };
  };
  const finish = async (answer: Candidate, met: boolean, stoppedEarly = false): Promise<StaffingAnswer> => {
    const answered = await full(answer);
    return answerOf(answered, met && (answered.met || !answer.met), stoppedEarly);
  };

  phase = "start";
  let x = await judge(erlang);
  if (!x.met) {
    phase = "bound";
    const ceiling = await judge(bound);
    if (!ceiling.met) return await finish(ceiling, false);
    phase = "up";
    const steps: Record<string, number> = {};
    let last: string | undefined;
    while (!x.met) {
      if (cache.size >= maxEvaluations) return await finish(ceiling, true, true);
      const responsible = responsibleTeams(model, teams, targets, x).filter(
        (id) => (x.plan[id] as number) < (bound[id] as number),
      );
      const pool =
        responsible.length > 0 ? responsible : teams.filter((id) => (x.plan[id] as number) < (bound[id] as number));
      if (pool.length === 0) {
        // Every team at its ceiling: the ceiling meets the targets, so bisect down from it.
        x = ceiling;
        break;
      }
      let chosen: Candidate | undefined;
      let chosenScore = Number.NEGATIVE_INFINITY;
      let chosenTeam = pool[0] as string;
      for (const id of pool) {
        const step = id === last ? (steps[id] ?? 1) * 2 : 1;
        const plan = { ...x.plan, [id]: Math.min(bound[id] as number, (x.plan[id] as number) + step) };
        const y = await judge(plan);
        const gain = shortfall(x) - shortfall(y);
        const extra = Math.max(1e-9, costOf(model, teams, y) - costOf(model, teams, x));
        const score = y.met ? 1e15 - extra : gain / extra;
        if (chosen === undefined || score > chosenScore) {
          chosen = y;
          chosenScore = score;
          chosenTeam = id;
        }
      }
      steps[chosenTeam] = chosenTeam === last ? (steps[chosenTeam] ?? 1) * 2 : 1;
      last = chosenTeam;
      x = chosen as Candidate;
    }
  }

  phase = "down";
  const order = [...teams].sort(
    (a, b) => teamOf(model, b).costPerHour - teamOf(model, a).costPerHour || a.localeCompare(b),
  );
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    for (const id of order) {
      // The fewest agents of this team that still meet every target, others held: step down
      // 1, 2, 4... agents until a plan misses (the Erlang start is usually at or next to the
      // answer, so one run often settles it), then bisect between the last met and that miss.
      let hi = x.plan[id] as number;
      let lo = (floor[id] as number) - 1;
      for (let step = 1; hi - lo > 1; step *= 2) {
        if (cache.size >= maxEvaluations) return await finish(x, true, true);
        const probe = Math.max(lo + 1, hi - step);
        const y = await judge({ ...x.plan, [id]: probe });
        if (!y.met) {
          lo = probe;
          break;
        }
        hi = probe;
        x = y;
        changed = true;
      }
      while (hi - lo > 1) {
        if (cache.size >= maxEvaluations) return await finish(x, true, true);
        const mid = Math.floor((lo + hi) / 2);
        const y = await judge({ ...x.plan, [id]: mid });
        if (y.met) {
          hi = mid;
          x = y;
          changed = true;
        } else lo = mid;
      }
    }
    // Minimality: one agent fewer on any team must miss a target.
    let loose = false;
    for (const id of order) {
      if ((x.plan[id] as number) - 1 < (floor[id] as number)) continue;
      if (cache.size >= maxEvaluations) return await finish(x, true, true);
      const y = await judge({ ...x.plan, [id]: (x.plan[id] as number) - 1 });
      if (y.met) {
        x = y;
        loose = true;
      }
    }
    if (!changed && !loose) break;
    if (!loose) break;
  }
  return await finish(x, true);
}

// helpers

/**
 * The traffic equations leave out hand-off notes, re-explaining and per-type handle times;
 * the baseline run measured the busy agents. Where it saw more work than the equations
 * predict, scale the team's handle time up to it (a saturated baseline is a lower bound).
 */
function calibrate(load: TeamLoad, baseline: Results, agents: number): void {
  const utilization = baseline.teams[load.team.id]?.utilization.mean;
  if (!(typeof utilization === "number" && Number.isFinite(utilization)) || agents <= 0) return;
  const measured = utilization * agents;
  if (measured <= load.offeredAgents || load.offeredAgents <= 0) {
    if (load.offeredAgents <= 0 && measured > 0 && load.arrivalRate > 0) {
      load.handleSeconds = (measured * Math.max(1, load.team.concurrency)) / load.arrivalRate;
      load.offeredAgents = measured;
    }
    return;
  }
  load.handleSeconds *= measured / load.offeredAgents;
  load.offeredAgents = measured;
}

/**
 * The fewest agents a scheduled team's shifts may lose: its staffed agent-hours per week
 * must still exceed the work offered to it (traffic equations). A team offered more than
 * it can do now is never offered fewer agents (0: no shift loses one).
 */
function scheduleFloor(model: Model, id: string, lowest: number, offeredAgents: number): number {
  const covers = (offset: number) => planAgentHours(model, { [id]: offset }, [id]) > offeredAgents * 168;
  if (!covers(0)) return 0;
  // agent-hours grow with the offset: bisect the lowest offset that still covers the load
  let lo = lowest - 1;
  let hi = 0;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (covers(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The agents to add to every shift for the team's agent-hours to cover `agents` around the clock. */
function scheduleOffsetFor(model: Model, id: string, agents: number): number {
  const now = planAgentHours(model, { [id]: 0 }, [id]);
  const perAgent = planAgentHours(model, { [id]: 1 }, [id]) - now;
  if (!(perAgent > 0) || !Number.isFinite(agents)) return 0;
  return Math.max(0, Math.ceil((agents * 168 - now) / perAgent));
}

function pickTeams(model: Model, ids: readonly string[] | undefined): string[] {
  const serving = new Set(model.nodes.flatMap((n) => (n.kind === "work" ? [n.team] : [])));
  if (!ids || ids.length === 0) return model.teams.filter((t) => serving.has(t.id)).map((t) => t.id);
  const unknown = ids.filter((id) => !model.teams.some((t) => t.id === id));
  if (unknown.length > 0) {
    const known = model.teams.map((t) => t.id).join(", ") || "none";
    throw new StaffingInputError(
      `There is no team ${unknown.map((u) => `"${u}"`).join(", ")} in this flow; its teams are ${known}.`,
    );
  }
  return [...new Set(ids)];
}

function teamOf(model: Model, id: string) {
  const team = model.teams.find((t) => t.id === id);
  if (!team) throw new StaffingInputError(`There is no team "${id}" in this flow.`);
  return team;
}

/** Teams that can move a missed target: the step's or team's own, else every searched team. */
function responsibleTeams(model: Model, teams: string[], targets: ResolvedTarget[], x: Candidate): string[] {
  const out = new Set<string>();
  x.verdicts.forEach((v, k) => {
    if (v.met) return;
    const { node, team } = (targets[k] as ResolvedTarget).target;
    const owner = node !== undefined ? model.nodes.find((n) => n.id === node && n.kind === "work") : undefined;
    const id = owner?.kind === "work" ? owner.team : team;
    if (id !== undefined && teams.includes(id)) out.add(id);
    else for (const t of teams) out.add(t);
  });
  return teams.filter((t) => out.has(t));
}

/** Sum of the missed targets' relative shortfalls (capped, so one unreported KPI does not swamp the rest). */
function shortfall(c: Candidate): number {
  return c.verdicts.reduce((sum, v) => sum + (v.met ? 0 : Math.min(10, Math.max(0, v.shortfall))), 0);
}

/** Cost per week, or agent-hours when the teams cost nothing. */
function costOf(model: Model, teams: string[], c: Candidate): number {
  return c.costPerWeek > 0 ? c.costPerWeek : planAgentHours(model, c.plan, teams);
}

function cheaper(model: Model, teams: string[], a: Candidate, b: Candidate): boolean {
  if (a.costPerWeek !== b.costPerWeek) return a.costPerWeek < b.costPerWeek;
  return planAgentHours(model, a.plan, teams) < planAgentHours(model, b.plan, teams);
}
