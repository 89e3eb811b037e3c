/**
 * Overflow between pools (queue.overflow, `after: "0s"`) against the exact solution of a
 * continuous-time Markov chain.
 *
 * The model: calls to a primary pool of c1 agents (exponential handle time 1/mu1); a call
 * that finds every primary agent busy overflows at once to a backup step, served by its own
 * team of c2 agents (exponential handle time 1/mu2, its own handle time), which also takes
 * its own Poisson stream of calls and queues without limit (FIFO). The state is (i, j): busy
 * primary agents and calls at the backup (waiting or in service). Its stationary distribution
 * is solved numerically on a state space truncated at j <= J (the mass beyond is below 1e-12
 * at these loads), and gives:
 * - the share of primary calls that overflow: P(i = c1) (Poisson arrivals see time averages);
 * - the utilisation of each team: E[i] / c1 and E[min(j, c2)] / c2;
 * - the backup's mean wait (Little: E[calls waiting] / throughput) and its probability of
 *   waiting, which the overflow stream sees only in states with i = c1: this is where a
 *   wrong overflow rule (overflowing when not all primary agents are busy, or queueing at
 *   the primary) shows.
 *
 * Tolerances: 8 replications of 80 days after a two-day warm-up (about 530,000 calls). Each
 * comparison asserts that the 95% interval is narrower than half the tolerance (so the
 * tolerance is at least four standard errors: a correct engine fails with probability below
 * 1e-4 on any seed) and that the simulated mean is within the tolerance: 0.006 on the share
 * overflowed (over six standard errors), 0.01 on utilisations and the probability of waiting
 * 0.02, 12% on the mean wait (waits behind a peaky overflow stream are the noisiest figure).
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/sim";
import { decode } from "./queueModels";

const C1 = 3;
const C2 = 2;
const HANDLE1 = 300; // seconds
const HANDLE2 = 240;
const PER_HOUR_PRIMARY = 30; // offered 2.5 Erlangs to 3 agents
const PER_HOUR_BACKUP = 6;
const J = 160;
const DAYS = 80;
const REPLICATIONS = 8;

describe("overflow on arrival agrees with the exact Markov chain", () => {
  it("share overflowed, utilisations, and the backup's wait and probability of waiting", () => {
    const exact = solveChain();
    const results = simulate(overflowModel(), { seed: 11, replications: REPLICATIONS });
    const primary = results.nodes.primary!;
    const backup = results.nodes.backup!;

    // the primary never queues: a call either starts at once or overflows
    expect(primary.queueMean!.mean).toBe(0);
    expect(primary.pWait!.mean).toBe(0);
    // every overflowed call enters the backup, which answers it (no patience: none abandon)
    expect(primary.overflowed).toBeDefined();
    expect(primary.served!.mean + primary.overflowed!.mean).toBeCloseTo(primary.entered.mean, 6);

    const overflowShare = primary.overflowed!.mean / primary.entered.mean;
    expect(Math.abs(overflowShare - exact.overflowShare), `${overflowShare} vs ${exact.overflowShare}`).toBeLessThan(
      0.006,
    );
    expectClose(results.teams.primary!.utilization, exact.utilizationPrimary, 0.01);
    expectClose(results.teams.backup!.utilization, exact.utilizationBackup, 0.01);
    expectClose(backup.waitMean!, exact.backupWaitMean, 0.12 * exact.backupWaitMean);
    expectClose(backup.pWait!, exact.backupPWait, 0.02);
  });

  it("the chain's solver: the primary's marginal is Erlang's loss formula", () => {
    const exact = solveChain();
    const a = (PER_HOUR_PRIMARY / 3600) * HANDLE1;
    let term = 1;
    let total = 1;
    for (let k = 1; k <= C1; k++) {
      term *= a / k;
      total += term;
    }
    expect(exact.overflowShare).toBeCloseTo(term / total, 9);
    expect(exact.truncatedMass).toBeLessThan(1e-12);
  });
});

function overflowModel() {
  return decode({
    format: "flowcast/v1",
    name: "Overflow on arrival",
    clock: { horizon: `${DAYS + 2}d`, warmup: "2d", seriesInterval: "1d" },
    teams: [
      { id: "primary", agents: C1 },
      { id: "backup", agents: C2 },
    ],
    nodes: [
      { id: "calls", kind: "channel", arrivals: { perHour: PER_HOUR_PRIMARY } },
      { id: "direct", kind: "channel", arrivals: { perHour: PER_HOUR_BACKUP } },
      {
        id: "primary",
        kind: "work",
        team: "primary",
        handleTime: { dist: "exponential", mean: HANDLE1 },
        queue: { overflow: { after: "0s", to: "backup" } },
        outcomes: { resolved: 1 },
      },
      {
        id: "backup",
        kind: "work",
        team: "backup",
        handleTime: { dist: "exponential", mean: HANDLE2 },
        outcomes: { resolved: 1 },
      },
      { id: "done", kind: "end" },
    ],
    edges: [
      { id: "a", from: "calls", to: "primary" },
      { id: "b", from: "direct", to: "backup" },
      { id: "c", from: "primary", port: "resolved", to: "done" },
      { id: "d", from: "backup", port: "resolved", to: "done" },
    ],
  });
}

interface ChainFigures {
  overflowShare: number;
  utilizationPrimary: number;
  utilizationBackup: number;
  backupWaitMean: number;
  backupPWait: number;
  truncatedMass: number;
}

/** The stationary distribution of the (i, j) chain by Gauss-Seidel sweeps on the balance equations, and the figures. */
function solveChain(): ChainFigures {
  const l1 = PER_HOUR_PRIMARY / 3600;
  const l2 = PER_HOUR_BACKUP / 3600;
  const m1 = 1 / HANDLE1;
  const m2 = 1 / HANDLE2;
  const index = (i: number, j: number) => i * (J + 1) + j;
  const p = new Float64Array((C1 + 1) * (J + 1)).fill(1 / ((C1 + 1) * (J + 1)));
  const out = (i: number, j: number) =>
    (i < C1 ? l1 : j < J ? l1 : 0) + (j < J ? l2 : 0) + i * m1 + Math.min(j, C2) * m2;
  for (let sweep = 0; sweep < 20_000; sweep++) {
    let change = 0;
    for (let i = 0; i <= C1; i++) {
      for (let j = 0; j <= J; j++) {
        // inflow into (i, j)
        let inflow = 0;
        if (i > 0) inflow += p[index(i - 1, j)]! * l1; // primary arrival, an agent free
        if (j > 0) {
          inflow += p[index(i, j - 1)]! * l2; // backup's own arrival
          if (i === C1) inflow += p[index(i, j - 1)]! * l1; // overflow
        }
        if (i < C1) inflow += p[index(i + 1, j)]! * (i + 1) * m1;
        if (j < J) inflow += p[index(i, j + 1)]! * Math.min(j + 1, C2) * m2;
        const value = inflow / out(i, j);
        change = Math.max(change, Math.abs(value - p[index(i, j)]!));
        p[index(i, j)] = value;
      }
    }
    let total = 0;
    for (let k = 0; k < p.length; k++) total += p[k]!;
    for (let k = 0; k < p.length; k++) p[k]! /= total;
    if (change < 1e-15) break;
  }
  let overflowShare = 0;
  let busy1 = 0;
  let busy2 = 0;
  let waiting = 0;
  let waitOverflow = 0;
  let waitDirect = 0;
  let truncatedMass = 0;
  for (let i = 0; i <= C1; i++) {
    for (let j = 0; j <= J; j++) {
      const q = p[index(i, j)]!;
      if (i === C1) overflowShare += q;
      busy1 += i * q;
      busy2 += Math.min(j, C2) * q;
      waiting += Math.max(0, j - C2) * q;
      if (j >= C2) {
        waitDirect += q;
        if (i === C1) waitOverflow += q;
      }
      if (j >= J - 10) truncatedMass += q;
    }
  }
  const throughput = l1 * overflowShare + l2;
  return {
    overflowShare,
    utilizationPrimary: busy1 / C1,
    utilizationBackup: busy2 / C2,
    backupWaitMean: waiting / throughput,
    backupPWait: (l1 * waitOverflow + l2 * waitDirect) / throughput,
    truncatedMass,
  };
}

function expectClose(estimate: { mean: number; ci95: [number, number] }, exact: number, tolerance: number): void {
  const halfWidth = (estimate.ci95[1] - estimate.ci95[0]) / 2;
  expect(halfWidth, "run long enough that the 95% interval is under half the tolerance").toBeLessThan(tolerance / 2);
  expect(Math.abs(estimate.mean - exact), `simulated ${estimate.mean} vs exact ${exact}`).toBeLessThanOrEqual(
    tolerance,
  );
}
