/**
 * `flowcast staff --per-interval --shifts RULES.json`: the per-interval requirement
 * (staffPerInterval), turned into a least-cost shift plan per team, then checked by
 * simulation: the plan's agents on the phones written back as the teams' schedules in a copy
 * of the flow, every target judged on the same random numbers as the search.
 */
import type { Model } from "../../model";
import { intervalKpiAllowed } from "../../model/validate/targets";
import type { StaffingDocument } from "../document";
import { staffByCurves } from "../requirement";
import { staffPerInterval } from "../run";
import type { Evaluate, StaffingOptions } from "../search";
import { judgeTarget, resolveTarget } from "../targets";
import { targetWords } from "../why";
import { planShifts } from "./plan";
import { planScenario } from "./roster";
import type { ShiftRules } from "./rules";

export async function staffWithShifts(
  model: Model,
  options: StaffingOptions,
  evaluate: Evaluate,
  rules: ShiftRules,
  now: () => number = () => performance.now(),
): Promise<StaffingDocument> {
  const started = now();
  const doc = await staffPerInterval(model, options, evaluate, now);
  const requirement = doc.requirement;
  if (!requirement) return doc;
  const facts = Object.fromEntries(
    model.teams.map((t) => [t.id, { shrinkage: t.shrinkage, costPerHour: t.costPerHour }]),
  );
  const plan = await planShifts(requirement, facts, rules);

  const onPhones = Object.fromEntries(Object.entries(plan.coverage.teams).map(([id, c]) => [id, c.onPhones]));
  const staffed = staffByCurves(model, onPhones, plan.intervalMinutes);
  const run = {
    seed: options.seed ?? 1,
    replications: options.replications ?? 10,
    horizonSeconds: options.horizonSeconds,
  };
  const results = await evaluate(staffed, run, options.signal);
  const targets = options.targets.map((t) =>
    resolveTarget(t.per === undefined && intervalKpiAllowed(t) ? { ...t, per: "interval" } : t, staffed),
  );
  const verdicts = targets.map((t) => judgeTarget(results, t, options.confidence ?? "ci95"));

  let id = "shift-plan";
  for (let n = 2; model.scenarios.some((s) => s.id === id); n++) id = `shift-plan-${n}`;
  doc.shifts = plan.shifts;
  doc.coverage = {
    ...plan.coverage,
    met: verdicts.every((v) => v.met),
    targets: targets.map((t, k) => ({
      label: t.label,
      words: targetWords(staffed, t),
      met: Boolean(verdicts[k]?.met),
      estimate: verdicts[k]?.estimate,
    })),
  };
  doc.roster = {
    costPerWeek: plan.costPerWeek,
    daysPerWeek: rules.daysPerWeek,
    teams: plan.teams,
    scenario: planScenario(plan, id, `Shift plan per ${plan.intervalMinutes}-minute interval`),
  };
  doc.wallSeconds = Number((doc.wallSeconds + (now() - started) / 1000).toFixed(3));
  return doc;
}
