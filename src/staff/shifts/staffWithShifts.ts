/**
 * `flowcast staff --per-interval --shifts RULES.json`: the per-interval requirement
 * (staffPerInterval), turned into a least-cost shift plan per team, then checked by
 * simulation: the plan's agents on the phones written back as the teams' schedules in a copy
 * of the flow, every target judged on the same random numbers as the search. Where the check
 * misses beyond a target's share, those intervals ask for one agent more than the plan had
 * and the plan is solved and checked again, a bounded number of rounds (holdCheck.ts says why).
 */
import type { Model } from "../../model";
import { intervalKpiAllowed } from "../../model/validate/targets";
import type { StaffingDocument } from "../document";
import { staffByCurves } from "../requirement";
import { staffPerInterval } from "../run";
import type { Evaluate, StaffingOptions } from "../search";
import { judgeTarget, resolveTarget } from "../targets";
import { targetWords } from "../why";
import { intervalsToRaise, raiseRequirement } from "./holdCheck";
import { assignPeople } from "./people";
import { planShifts, type SolveProgram } from "./plan";
import { planScenario } from "./roster";
import type { ShiftRules } from "./rules";

/** Plans solved and checked at most (the first and this many minus one re-solves). */
export const MAX_PLAN_ROUNDS = 4;

/** What the shift step is doing, for a progress line. */
export type ShiftStep =
  | { phase: "requirement" }
  | { phase: "solve"; round: number }
  | { phase: "check"; round: number };

export interface ShiftOptions {
  now?: () => number;
  /** The shift program's solver (default: HiGHS in this thread). */
  solve?: SolveProgram;
  onStep?: (step: ShiftStep) => void;
  maxRounds?: number;
}

export async function staffWithShifts(
  model: Model,
  options: StaffingOptions,
  evaluate: Evaluate,
  rules: ShiftRules,
  shiftOptions: ShiftOptions = {},
): Promise<StaffingDocument> {
  const now = shiftOptions.now ?? (() => performance.now());
  const maxRounds = Math.max(1, shiftOptions.maxRounds ?? MAX_PLAN_ROUNDS);
  const started = now();
  shiftOptions.onStep?.({ phase: "requirement" });
  const doc = await staffPerInterval(model, options, evaluate, now);
  const requirement = doc.requirement;
  if (!requirement) return doc;
  const facts = Object.fromEntries(
    model.teams.map((t) => [t.id, { shrinkage: t.shrinkage, costPerHour: t.costPerHour }]),
  );
  const run = {
    seed: options.seed ?? 1,
    replications: options.replications ?? 10,
    horizonSeconds: options.horizonSeconds,
  };
  const teams = Object.keys(requirement.teams);
  let asked = requirement.teams;
  const raisedIntervals: Record<string, number[]> = Object.fromEntries(teams.map((id) => [id, []]));
  let firstMissed: number | undefined;
  let round = 0;
  for (;;) {
    round++;
    options.signal?.throwIfAborted();
    shiftOptions.onStep?.({ phase: "solve", round });
    const plan = await planShifts(
      { intervalMinutes: requirement.intervalMinutes, teams: asked },
      facts,
      rules,
      shiftOptions.solve,
    );
    const onPhones = Object.fromEntries(Object.entries(plan.coverage.teams).map(([id, c]) => [id, c.onPhones]));
    const staffed = staffByCurves(model, onPhones, plan.intervalMinutes);
    shiftOptions.onStep?.({ phase: "check", round });
    const results = await evaluate(staffed, run, options.signal);
    const targets = options.targets.map((t) =>
      resolveTarget(t.per === undefined && intervalKpiAllowed(t) ? { ...t, per: "interval" } : t, staffed),
    );
    const verdicts = targets.map((t) => judgeTarget(results, t, options.confidence ?? "ci95"));
    const met = verdicts.every((v) => v.met);
    firstMissed ??= verdicts.filter((v) => !v.met).length;
    const raise =
      met || round >= maxRounds ? undefined : intervalsToRaise(model, teams, targets, results, verdicts, onPhones);
    const next = raise ? raiseRequirement(asked, onPhones, raise) : undefined;
    if (!next || next.raised === 0) {
      finish(doc, model, plan, staffed, targets, verdicts, rules, {
        rounds: round,
        raisedIntervals,
        firstMissed,
      });
      break;
    }
    for (const [id, ks] of raise ?? []) raisedIntervals[id]?.push(...ks);
    asked = next.teams;
  }
  doc.wallSeconds = Number((doc.wallSeconds + (now() - started) / 1000).toFixed(3));
  return doc;
}

// helpers

function finish(
  doc: StaffingDocument,
  model: Model,
  plan: Awaited<ReturnType<typeof planShifts>>,
  staffed: Model,
  targets: ReturnType<typeof resolveTarget>[],
  verdicts: ReturnType<typeof judgeTarget>[],
  rules: ShiftRules,
  check: { rounds: number; raisedIntervals: Record<string, number[]>; firstMissed: number },
): void {
  let id = "shift-plan";
  for (let n = 2; model.scenarios.some((s) => s.id === id); n++) id = `shift-plan-${n}`;
  const met = verdicts.every((v) => v.met);
  const raised = Object.fromEntries(
    Object.entries(check.raisedIntervals).map(([team, ks]) => [team, [...new Set(ks)].sort((a, b) => a - b)]),
  );
  const raisedCount = Object.values(raised).reduce((n, ks) => n + ks.length, 0);
  doc.shifts = plan.shifts;
  doc.coverage = {
    ...plan.coverage,
    met,
    rounds: check.rounds,
    raisedIntervals: raised,
    note: checkNote(met, check.rounds, raisedCount, check.firstMissed, plan.intervalMinutes),
    targets: targets.map((t, k) => ({
      label: t.label,
      words: targetWords(staffed, t),
      met: Boolean(verdicts[k]?.met),
      estimate: verdicts[k]?.estimate,
      ...(verdicts[k]?.notMeasured ? { notMeasured: verdicts[k]?.notMeasured } : {}),
    })),
  };
  doc.roster = {
    costPerWeek: plan.costPerWeek,
    daysPerWeek: rules.daysPerWeek,
    teams: plan.teams,
    people: assignPeople(plan.shifts, plan.teams, rules.daysPerWeek),
    scenario: planScenario(plan, id, `Shift plan per ${plan.intervalMinutes}-minute interval`),
  };
}

/** What the check found and did, in words. */
function checkNote(met: boolean, rounds: number, raised: number, firstMissed: number, minutes: number): string {
  if (rounds === 1) {
    return met
      ? "The first plan meets every target in simulation."
      : "The plan misses a target in simulation and no interval could be raised.";
  }
  const what = `The first plan missed ${firstMissed} target${firstMissed === 1 ? "" : "s"} in simulation; ${raised} ${minutes}-minute interval${raised === 1 ? " was" : "s were"} raised to one agent more than the plan had there and the plan solved again (${rounds} plans)`;
  return met
    ? `${what}; this one meets every target.`
    : `${what}; the last still misses, after the most rounds allowed.`;
}
