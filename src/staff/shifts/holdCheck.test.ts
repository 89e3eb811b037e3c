import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyScenario, type Model, parseModel } from "../../model";
import { evaluateInProcess } from "../evaluate";
import { judgeTarget, resolveTarget } from "../targets";
import { raiseRequirement } from "./holdCheck";
import { parseShiftRules } from "./rules";
import { staffWithShifts } from "./staffWithShifts";

/** The three-tier sample at 60-minute intervals over a week, its teams at 30% shrinkage. */
function desk(): Model {
  const raw = JSON.parse(readFileSync(new URL("../../../samples/three-tier-desk.json", import.meta.url), "utf8"));
  raw.clock = { ...raw.clock, horizon: "8d", warmup: "1d", intervalMinutes: 60 };
  for (const t of raw.teams) t.shrinkage = 0.3;
  const parsed = parseModel(raw);
  if (!parsed.ok) throw new Error("the sample does not load");
  return parsed.model;
}

describe("a shift plan that holds in simulation (issue 21)", () => {
  it("raises the intervals the plan's check misses and solves again until the plan meets the target", async () => {
    const model = desk();
    const target = { kpi: "serviceLevel", node: "l1-phone", atLeast: 0.8, per: "interval", share: 0.9 } as const;
    const rules = parseShiftRules({ lengths: ["8h"], starts: { from: "00:00", to: "23:00", every: "1h" } }, 60);
    const steps: string[] = [];
    const doc = await staffWithShifts(
      model,
      { targets: [target], teams: ["l1"], replications: 2, seed: 2 },
      evaluateInProcess,
      rules,
      { onStep: (s) => steps.push("round" in s ? `${s.phase} ${s.round}` : s.phase) },
    );
    const coverage = doc.coverage;
    if (!coverage || !doc.roster) throw new Error("no plan");
    // On this seed the first plan, though it covers the requirement in every interval, misses
    // in simulation: a raise round was needed, and the plan delivered meets the target.
    expect(coverage.rounds).toBeGreaterThan(1);
    expect(steps.slice(0, 3)).toEqual(["requirement", "solve 1", "check 1"]);
    expect(coverage.raisedIntervals.l1?.length).toBeGreaterThan(0);
    expect(coverage.met).toBe(true);
    expect(coverage.note).toMatch(/raised to one agent more than the plan had there .* this one meets every target/);
    // Raised intervals are asked for more than the search's requirement.
    for (const k of coverage.raisedIntervals.l1 ?? []) {
      expect(coverage.teams.l1?.onPhones[k]).toBeGreaterThan(doc.requirement?.teams.l1?.[k] ?? 0);
    }
    // Independently: the plan's scenario, simulated as a user would, meets the target in 90% of intervals.
    const applied = applyScenario(model, doc.roster.scenario);
    if (!applied.ok) throw new Error("the plan's scenario does not apply");
    const results = await evaluateInProcess(applied.model, { seed: 2, replications: 2 });
    const verdict = judgeTarget(results, resolveTarget(target, applied.model), "ci95");
    expect(verdict.intervals?.total).toBe(168);
    expect((verdict.intervals?.met ?? 0) / (verdict.intervals?.total ?? 1)).toBeGreaterThanOrEqual(0.9);
  }, 30_000);

  it("asks for one agent more than the plan had, never less than the requirement", () => {
    const raised = raiseRequirement(
      { a: [3, 5, 2], b: [1, 1, 1] },
      { a: [4, 5, 2], b: [6, 1, 1] },
      new Map([
        ["a", new Set([0, 2])],
        ["b", new Set<number>()],
      ]),
    );
    expect(raised).toEqual({ teams: { a: [5, 5, 3], b: [1, 1, 1] }, raised: 2 });
  });
});
