/**
 * M/M/c+M (exponential patience) against exact Erlang A (src/sim/erlang.ts): the share of
 * callers who hang up, the mean wait of answered calls, and the mean time in queue of all
 * callers (answered and abandoned), at a moderate load and in overload (offered load above
 * the agents), where only abandonment keeps the queue finite.
 *
 * Tolerance: as in mmc.test.ts, the 95% interval must be under half the tolerance (>= 4
 * standard errors), then the mean must sit within it. Patience keeps queues short, so these
 * runs converge faster than pure Erlang C at the same load.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/sim";
import { erlangA } from "../../src/sim/erlang";
import { queueModel } from "./queueModels";

const HANDLE = 240;
const PATIENCE = 120;

const CASES = [
  { name: "20 agents at 95% offered load", agents: 20, load: 0.95, days: 25 },
  { name: "20 agents at 115% offered load", agents: 20, load: 1.15, days: 15 },
];

describe("M/M/c+M agrees with Erlang A", () => {
  for (const c of CASES) {
    it(`${c.name}: abandonment share and mean waits`, () => {
      const perHour = (c.agents * c.load * 3600) / HANDLE;
      const model = queueModel({
        agents: c.agents,
        perHour,
        handleSeconds: HANDLE,
        patienceSeconds: PATIENCE,
        horizonDays: c.days + 1,
        warmupDays: 1,
      });
      const results = simulate(model, { seed: 11, replications: 8 });
      const exact = erlangA({
        arrivalRate: perHour / 3600,
        serviceRate: 1 / HANDLE,
        servers: c.agents,
        abandonRate: 1 / PATIENCE,
      });
      const node = results.nodes.queue!;
      // abandonment: 6% relative (at least 0.003 absolute for small shares)
      expectClose(results.kpis.abandonRate!, exact.pAbandon, Math.max(0.06 * exact.pAbandon, 0.003));
      // waits: 6% relative
      expectClose(node.waitMean!, exact.meanWaitServed, 0.06 * exact.meanWaitServed);
      expectClose(node.queueTimeMean!, exact.meanWait, 0.06 * exact.meanWait);
      // Little's law's L: time-average callers waiting
      expectClose(node.queueMean!, exact.meanQueue, 0.06 * exact.meanQueue);
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
