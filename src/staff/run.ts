/**
 * A whole staffing request, as the CLI and the app make it: search the plan, draw the
 * per-hour curve of every scheduled team (and check it once by simulation), and build the
 * `flowcast-staffing/v1` document.
 */
import { produce } from "immer";
import type { Model } from "../model";
import { intervalKpiAllowed } from "../model/validate/targets";
import { curveScenario, curveSchedule, type StaffingCurve, scheduledPerHour, staffingCurve } from "./curve";
import {
  FTE_HOURS_PER_WEEK,
  STAFFING_FORMAT,
  type StaffingDocument,
  shrinkageFigures,
  staffingDocument,
} from "./document";
import { withIntervals } from "./intervalClock";
import { agentHoursPerWeek, isScheduled } from "./plan";
import { findRequirement, staffByCurves } from "./requirement";
import { type Evaluate, findStaffing, StaffingInputError, type StaffingOptions } from "./search";
import { judgeTarget, resolveTarget } from "./targets";
import { solveVisits } from "./traffic";
import { explainTeam, highLoadWarnings, type TeamWhy, targetWords } from "./why";

/** Wall clock in milliseconds (performance.now in browsers and Node). */
export type Clock = () => number;

/** Searches the staffing and documents it. Rejects like findStaffing. */
export async function staffFlow(
  model: Model,
  options: StaffingOptions,
  evaluate: Evaluate,
  now: Clock = () => performance.now(),
): Promise<StaffingDocument> {
  const started = now();
  const answer = await findStaffing(model, options, evaluate);
  const curves: Record<string, StaffingCurve> = {};
  const scheduled = answer.teams.filter((id) => {
    const team = model.teams.find((t) => t.id === id);
    return team !== undefined && isScheduled(team);
  });
  if (scheduled.length > 0) {
    const visits = solveVisits(model, answer.current.results);
    for (const id of scheduled) {
      const curve = staffingCurve(model, visits, id, answer.targets);
      {
        const shifts = curveSchedule(curve.agents);
        const byCurve = produce(model, (draft) => {
          for (const team of draft.teams) if (team.id === id) team.schedule = shifts.length > 0 ? shifts : undefined;
        });
        const results = await evaluate(
          byCurve,
          { seed: options.seed ?? 1, replications: options.replications ?? 10, horizonSeconds: options.horizonSeconds },
          options.signal,
        );
        curve.met = answer.targets.every((t) => judgeTarget(results, t, options.confidence).met);
        if (shifts.length > 0) curve.scenario = curveScenario(model, id, curve.agents);
      }
      curves[id] = curve;
    }
  }
  return staffingDocument(model, answer, {
    confidence: options.confidence ?? "ci95",
    wallSeconds: (now() - started) / 1000,
    curves,
  });
}

/**
 * A per-interval staffing request (`flowcast staff --per-interval`): every target that can
 * hold per interval does (unless it says "per": "run"), the joint requirement curve per team
 * is found (requirement.ts), each team's binding target is named from a run with one agent
 * fewer in every staffed interval of that team, and the document carries the requirement,
 * people to schedule and FTE (shrinkage), the per-queue figures per interval and high-load
 * warnings.
 */
export async function staffPerInterval(
  model: Model,
  options: StaffingOptions,
  evaluate: Evaluate,
  now: Clock = () => performance.now(),
): Promise<StaffingDocument> {
  const started = now();
  const base = withIntervals(model);
  const targets = options.targets.map((t) =>
    resolveTarget(t.per === undefined && intervalKpiAllowed(t) ? { ...t, per: "interval" } : t, base),
  );
  if (targets.length === 0) {
    throw new StaffingInputError("There are no targets to staff for; add some to the flow or pass --target.");
  }
  const teams = servingTeams(model, options.teams);
  const run = {
    seed: options.seed ?? 1,
    replications: options.replications ?? 10,
    horizonSeconds: options.horizonSeconds,
  };
  const confidence = options.confidence ?? "ci95";
  const baseline = await evaluate(base, run, options.signal);
  const currentVerdicts = targets.map((t) => judgeTarget(baseline, t, confidence));
  const answer = await findRequirement(
    base,
    { teams, targets, run, confidence, signal: options.signal },
    evaluate,
    baseline,
  );
  const minutes = answer.intervalMinutes;
  const hoursPerInterval = minutes / 60;
  // why: one agent fewer in every staffed interval of one team at a time
  const why: Record<string, TeamWhy> = {};
  for (const id of teams) {
    const curve = answer.agents[id] ?? [];
    const peak = Math.max(0, ...curve);
    if (peak === 0) continue;
    const fewer = { ...answer.agents, [id]: curve.map((a) => Math.max(0, a - 1)) };
    const results = await evaluate(staffByCurves(base, fewer, minutes), run, options.signal);
    const verdicts = targets.map((t) => judgeTarget(results, t, confidence));
    why[id] = explainTeam(base, id, peak, targets, answer.verdicts, verdicts, {
      unit: "agents at the peak",
      floorReason: "the offered load: every interval is at the fewest agents that keep up",
    });
  }
  const teamDocs: StaffingDocument["teams"] = {};
  let perWeek = 0;
  let currentPerWeek = 0;
  const planning: NonNullable<StaffingDocument["planning"]> = { fteHoursPerWeek: FTE_HOURS_PER_WEEK, teams: {} };
  for (const id of teams) {
    const team = model.teams.find((t) => t.id === id);
    if (!team) continue;
    const curve = answer.agents[id] ?? [];
    const agentHours = curve.reduce((a, b) => a + b, 0) * hoursPerInterval;
    const cost = agentHours * team.costPerHour;
    const was = agentHoursPerWeek(team) * team.costPerHour;
    perWeek += cost;
    currentPerWeek += was;
    const offered = answer.offered[id] ?? [];
    const peak = Math.max(0, ...curve);
    const shrink = team.shrinkage ?? 0;
    teamDocs[id] = {
      name: team.name,
      kind: "interval",
      agents: peak,
      current: isScheduled(team) ? Math.max(0, ...scheduledPerHour(team.schedule ?? [])) : team.agents,
      erlang: Math.max(0, ...(answer.erlang[id] ?? [0])),
      bound: peak,
      costPerHour: team.costPerHour,
      costPerWeek: round2(cost),
      costChangePerWeek: round2(cost - was),
      offeredAgents: Number((offered.reduce((a, b) => a + b, 0) / Math.max(1, offered.length)).toFixed(3)),
      ...shrinkageFigures(agentHours, peak, team.shrinkage),
    };
    planning.teams[id] = {
      people: curve.map((a) => Math.ceil(a / (1 - shrink) - 1e-9)),
      erlang: answer.erlang[id] ?? [],
      offeredAgents: offered,
      arrivalsPerHour: answer.arrivalsPerHour[id] ?? [],
    };
  }
  const results = answer.results;
  const scenarioId = (() => {
    let id = "staffing-intervals";
    for (let n = 2; model.scenarios.some((s) => s.id === id); n++) id = `staffing-intervals-${n}`;
    return id;
  })();
  const set: Record<string, unknown> = {};
  for (const id of teams) set[`teams.${id}.schedule`] = curveSchedule(answer.agents[id] ?? [], minutes);
  const doc: StaffingDocument = {
    format: STAFFING_FORMAT,
    model: model.name,
    met: answer.met,
    seed: results.seed,
    replications: results.replications,
    horizonSeconds: results.horizonSeconds,
    confidence,
    evaluations: answer.rounds + 1 + Object.keys(why).length,
    stoppedEarly: false,
    wallSeconds: 0,
    teams: teamDocs,
    targets: targets.map((t, k) => ({
      ...t.target,
      atLeast: t.atLeast,
      atMost: t.atMost,
      label: t.label,
      words: targetWords(base, t),
      met: Boolean(answer.verdicts[k]?.met),
      estimate: answer.verdicts[k]?.estimate,
      ...(answer.verdicts[k]?.notMeasured ? { notMeasured: answer.verdicts[k]?.notMeasured } : {}),
      currentMet: Boolean(currentVerdicts[k]?.met),
      currentEstimate: currentVerdicts[k]?.estimate,
      ...(currentVerdicts[k]?.notMeasured ? { currentNotMeasured: currentVerdicts[k]?.notMeasured } : {}),
    })),
    cost: {
      perWeek: round2(perWeek),
      currentPerWeek: round2(currentPerWeek),
      changePerWeek: round2(perWeek - currentPerWeek),
    },
    kpis: results.kpis,
    nodes: results.nodes,
    scenario: {
      id: scenarioId,
      name: `Staffing per ${minutes}-minute interval`,
      description: `Fewest agents per interval meeting: ${targets.map((t) => t.label).join("; ")}.`,
      set,
    },
    requirement: { intervalMinutes: minutes, teams: answer.agents },
    planning,
    why,
  };
  if (results.intervals) doc.intervals = results.intervals;
  const warnings = highLoadWarnings(base, answer.offered, answer.agents, minutes);
  if (warnings.length > 0) doc.warnings = warnings;
  if (!answer.met) {
    const missed = targets.filter((_, k) => !answer.verdicts[k]?.met).map((t) => t.label);
    doc.message = `After ${answer.rounds} rounds of raising the intervals that miss, ${missed.join("; ")} still ${missed.length === 1 ? "misses" : "miss"}; more agents may not reach it (self-service, patience or routing limit it), or give more rounds with a longer run.`;
  }
  doc.wallSeconds = Number(((now() - started) / 1000).toFixed(3));
  return doc;
}

// helpers

function servingTeams(model: Model, ids: readonly string[] | undefined): string[] {
  const serving = new Set(model.nodes.flatMap((n) => (n.kind === "work" ? [n.team] : [])));
  if (!ids || ids.length === 0) return model.teams.filter((t) => serving.has(t.id)).map((t) => t.id);
  const unknown = ids.filter((id) => !model.teams.some((t) => t.id === id));
  if (unknown.length > 0) {
    throw new StaffingInputError(
      `There is no team ${unknown.map((u) => `"${u}"`).join(", ")} in this flow; its teams are ${model.teams.map((t) => t.id).join(", ") || "none"}.`,
    );
  }
  return [...new Set(ids)];
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
