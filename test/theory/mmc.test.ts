/**
 * M/M/c against exact Erlang C (src/sim/erlang.ts): probability of waiting, mean wait and
 * service level, from a light load to utilisation >= 0.9.
 *
 * Tolerances: each case runs R replications of D days after a one-day warm-up; per case we
 * assert (1) the 95% interval is narrower than half the tolerance, so the tolerance is at
 * least four standard errors wide and a correct engine fails with probability < 1e-4 on
 * any seed, and (2) the simulated mean is within the tolerance of the exact value. Waits are
 * far noisier than P(wait) at heavy load (long busy periods), so they get a wider band.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/sim";
import { mmc, mmcServiceLevel } from "../../src/sim/erlang";
import { queueModel } from "./queueModels";

const HANDLE = 300; // seconds

const CASES = [
  { name: "M/M/1 at 50%", agents: 1, load: 0.5, days: 400, reps: 8, sla: 60, tolP: 0.03, tolW: 0.08 },
  { name: "M/M/10 at 80%", agents: 10, load: 0.8, days: 200, reps: 8, sla: 20, tolP: 0.03, tolW: 0.08 },
  { name: "M/M/50 at 92%", agents: 50, load: 0.92, days: 90, reps: 8, sla: 20, tolP: 0.04, tolW: 0.1 },
];

describe("M/M/c agrees with Erlang C", () => {
  for (const c of CASES) {
    it(`${c.name}: P(wait), mean wait and service level`, () => {
      const perHour = (c.agents * c.load * 3600) / HANDLE;
      const model = queueModel({
        agents: c.agents,
        perHour,
        handleSeconds: HANDLE,
        slaSeconds: c.sla,
        horizonDays: c.days + 1,
        warmupDays: 1,
      });
      const results = simulate(model, { seed: 7, replications: c.reps });
      const exact = mmc({ arrivalRate: perHour / 3600, serviceRate: 1 / HANDLE, servers: c.agents });
      const sl = mmcServiceLevel({ arrivalRate: perHour / 3600, serviceRate: 1 / HANDLE, servers: c.agents }, c.sla);
      const node = results.nodes.queue!;
      // relative tolerances on P(wait) and mean wait, absolute on the service level share
      expectClose(node.pWait!, exact.pWait, c.tolP * exact.pWait);
      expectClose(node.waitMean!, exact.meanWaitServed, c.tolW * exact.meanWaitServed);
      expectClose(node.serviceLevel!, sl, 0.02);
      expectClose(results.kpis.utilization, c.load, 0.01);
    });
  }
});

function expectClose(estimate: { mean: number; ci95: [number, number] }, exact: number, tolerance: number): void {
  const halfWidth = (estimate.ci95[1] - estimate.ci95[0]) / 2;
  expect(halfWidth, "run long enough that the 95% interval is under half the tolerance").toBeLessThan(tolerance / 2);
  expect(Math.abs(estimate.mean - exact), `simulated ${estimate.mean} vs exact ${exact}`).toBeLessThanOrEqual(
    tolerance,
  );
}
