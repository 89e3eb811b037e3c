/**
 * An open network of M/M/c stations with probabilistic routing and feedback against
 * Jackson's traffic equations (src/sim/erlang.ts `jacksonNetwork`): the throughput and
 * utilisation of each station, and (product form) each station's mean wait as an M/M/c
 * queue at its total arrival rate.
 *
 * Network: calls (60/h) reach L1 (6 agents, 3 min); L1 resolves 50%, repeats the contact
 * at L1 20% (a loop back to itself), hands 30% to L2 (3 agents, 5 min); L2 resolves 60% and
 * sends 40% back to L1. Both stations run at 73.5% utilisation.
 *
 * Tolerance: throughput and utilisation 3% relative, waits 10% relative; each interval must
 * be under half its tolerance (>= 4 standard errors). 200 days x 6 replications give about
 * 1.7 million L1 visits in all.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/sim";
import { jacksonNetwork } from "../../src/sim/erlang";
import { decode } from "./queueModels";

const DAYS = 200;

const network = decode({
  format: "flowcast/v1",
  name: "Jackson network",
  clock: { horizon: `${DAYS + 1}d`, warmup: "1d", seriesInterval: "1d" },
  teams: [
    { id: "l1", agents: 6 },
    { id: "l2", agents: 3 },
  ],
  nodes: [
    { id: "calls", kind: "channel", arrivals: { perHour: 60 } },
    {
      id: "l1-desk",
      kind: "work",
      team: "l1",
      handleTime: { dist: "exponential", mean: "3m" },
      outcomes: { resolved: 0.5, repeat: 0.2, escalate: 0.3 },
    },
    {
      id: "l2-desk",
      kind: "work",
      team: "l2",
      handleTime: { dist: "exponential", mean: "5m" },
      outcomes: { resolved: 0.6, back: 0.4 },
    },
    { id: "done", kind: "end" },
  ],
  edges: [
    { id: "in", from: "calls", to: "l1-desk" },
    { id: "l1-done", from: "l1-desk", port: "resolved", to: "done" },
    { id: "l1-repeat", from: "l1-desk", port: "repeat", to: "l1-desk" },
    { id: "l1-l2", from: "l1-desk", port: "escalate", to: "l2-desk" },
    { id: "l2-done", from: "l2-desk", port: "resolved", to: "done" },
    { id: "l2-l1", from: "l2-desk", port: "back", to: "l1-desk" },
  ],
});

describe("an open network with feedback agrees with Jackson's traffic equations", () => {
  it("gives each station's throughput, utilisation and mean wait", () => {
    const results = simulate(network, { seed: 3, replications: 6 });
    const exact = jacksonNetwork(
      [
        { servers: 6, serviceRate: 1 / 180 },
        { servers: 3, serviceRate: 1 / 300 },
      ],
      [60 / 3600, 0],
      [
        [0.2, 0.3],
        [0.4, 0],
      ],
    );
    const seconds = DAYS * 86400;
    const stations = [
      { node: "l1-desk", team: "l1", i: 0 },
      { node: "l2-desk", team: "l2", i: 1 },
    ];
    for (const s of stations) {
      const node = results.nodes[s.node]!;
      const rate = exact.arrivalRates[s.i]!;
      // throughput: contacts entering per second of the measured period
      const throughput = {
        mean: node.entered.mean / seconds,
        ci95: node.entered.ci95.map((x) => x / seconds) as [number, number],
      };
      expectClose(throughput, rate, 0.03 * rate);
      expectClose(results.teams[s.team]!.utilization, exact.utilisation[s.i]!, 0.03 * exact.utilisation[s.i]!);
      const wait = exact.stations[s.i]!.meanWaitServed;
      expectClose(node.waitMean!, wait, 0.1 * wait);
    }
  });
});

function expectClose(estimate: { mean: number; ci95: [number, number] }, exact: number, tolerance: number): void {
  const halfWidth = (estimate.ci95[1] - estimate.ci95[0]) / 2;
  expect(halfWidth, "run long enough that the 95% interval is under half the tolerance").toBeLessThan(tolerance / 2);
  expect(Math.abs(estimate.mean - exact), `simulated ${estimate.mean} vs exact ${exact}`).toBeLessThanOrEqual(
    tolerance,
  );
}
