/**
 * The staffing search against exact theory. Loads are light and runs long enough (8 days,
 * 7 measured, 6 replications: ~6,700 contacts a replication at 40/h) that the 95% interval
 * is a few points wide, while the theoretical minimum clears its target by at least 5 points
 * and one agent fewer misses it by at least 5: the interval check is decisive both ways.
 * Expected answers are computed here from src/sim/erlang.ts, never written down.
 */
import { describe, expect, it } from "vitest";
import { erlangA, mmcServiceLevel, solveTrafficEquations } from "../../src/sim/erlang";
import { evaluateInProcess } from "../../src/staff/evaluate";
import { applyPlan } from "../../src/staff/plan";
import { findStaffing } from "../../src/staff/search";
import { judgeTarget, resolveTarget } from "../../src/staff/targets";
import { jacksonPair, singleQueue } from "./flows";

const RUN = { replications: 6, seed: 11 };

/** Fewest servers with f(c) true, from 1. */
function fewest(f: (c: number) => boolean): number {
  let c = 1;
  while (!f(c)) c++;
  return c;
}

describe("staffing search on exact cases", () => {
  it("finds the Erlang C minimum for an 80/20 service level on one M/M/c queue", async () => {
    const lambda = 40 / 3600;
    const expected = fewest(
      (c) => lambda < c / 360 && mmcServiceLevel({ arrivalRate: lambda, serviceRate: 1 / 360, servers: c }, 20) >= 0.8,
    );
    const answer = await findStaffing(
      singleQueue(40, 360),
      { targets: [{ kpi: "serviceLevel", node: "q", atLeast: 0.8 }], ...RUN },
      evaluateInProcess,
    );
    expect(expected).toBe(7);
    expect(answer.met).toBe(true);
    expect(answer.erlang.a).toBe(expected);
    expect(answer.answer.plan.a).toBe(expected);
    // the flow as it is, the Erlang start, and one agent fewer (which misses) settle it
    expect(answer.evaluations).toBe(3);
    // the answer's figures come from every replication
    expect(answer.answer.results.replications).toBe(RUN.replications);
  }, 60_000);

  it("finds the Erlang A minimum for an abandonment target with exponential patience", async () => {
    const lambda = 40 / 3600;
    const expected = fewest(
      (c) => erlangA({ arrivalRate: lambda, serviceRate: 1 / 360, servers: c, abandonRate: 1 / 180 }).pAbandon <= 0.1,
    );
    const answer = await findStaffing(
      singleQueue(40, 360, 180),
      { targets: [{ kpi: "abandonRate", atMost: 0.1 }], ...RUN },
      evaluateInProcess,
    );
    expect(expected).toBe(6);
    expect(answer.answer.plan.a).toBe(expected);
  }, 60_000);

  it("finds the per-node minima of a Jackson network with feedback, and each is minimal", async () => {
    const model = jacksonPair();
    const rates = solveTrafficEquations(
      [30 / 3600, 0],
      [
        [0, 0.25],
        [0.2, 0],
      ],
    );
    const minA = fewest(
      (c) =>
        (rates[0] as number) < c / 360 &&
        mmcServiceLevel({ arrivalRate: rates[0] as number, serviceRate: 1 / 360, servers: c }, 20) >= 0.8,
    );
    const minB = fewest(
      (c) =>
        (rates[1] as number) < c / 720 &&
        mmcServiceLevel({ arrivalRate: rates[1] as number, serviceRate: 1 / 720, servers: c }, 60) >= 0.85,
    );
    const targets = [
      { kpi: "serviceLevel", node: "qa", atLeast: 0.8 },
      { kpi: "serviceLevel", node: "qb", atLeast: 0.85 },
    ];
    const answer = await findStaffing(model, { targets, ...RUN }, evaluateInProcess);
    expect([minA, minB]).toEqual([6, 4]);
    expect(answer.answer.plan).toEqual({ a: minA, b: minB });

    // Minimality on the search's seed: one agent fewer on either team misses a target.
    const resolved = targets.map((t) => resolveTarget(t, model));
    for (const team of ["a", "b"]) {
      const plan = { ...answer.answer.plan, [team]: (answer.answer.plan[team] as number) - 1 };
      const results = await evaluateInProcess(applyPlan(model, plan), {
        seed: RUN.seed,
        replications: RUN.replications,
      });
      expect(resolved.some((t) => !judgeTarget(results, t).met)).toBe(true);
    }
    // A fresh seed: the answer still meets every target (by its mean).
    const fresh = await evaluateInProcess(applyPlan(model, answer.answer.plan), {
      seed: 9001,
      replications: RUN.replications,
    });
    for (const t of resolved) expect(judgeTarget(fresh, t, "mean").met).toBe(true);
  }, 90_000);

  it("staffs a network for flow-wide targets minimally, and the answer holds on a fresh seed", async () => {
    // Starting under-staffed (a 5, b 3), so the search must add agents for flow-wide targets.
    const base = jacksonPair();
    const model = { ...base, teams: base.teams.map((t) => ({ ...t, agents: t.id === "a" ? 5 : 3 })) };
    const targets = [
      { kpi: "serviceLevel", atLeast: 0.85 },
      { kpi: "resolutionSeconds", atMost: 900 },
    ];
    const answer = await findStaffing(model, { targets, ...RUN }, evaluateInProcess);
    expect(answer.met).toBe(true);
    const resolved = targets.map((t) => resolveTarget(t, model));
    for (const team of ["a", "b"]) {
      const plan = { ...answer.answer.plan, [team]: (answer.answer.plan[team] as number) - 1 };
      const results = await evaluateInProcess(applyPlan(model, plan), {
        seed: RUN.seed,
        replications: RUN.replications,
      });
      expect(resolved.some((t) => !judgeTarget(results, t).met)).toBe(true);
    }
    const fresh = await evaluateInProcess(applyPlan(model, answer.answer.plan), {
      seed: 4242,
      replications: RUN.replications,
    });
    for (const t of resolved) expect(judgeTarget(fresh, t, "mean").met).toBe(true);
  }, 90_000);
});
