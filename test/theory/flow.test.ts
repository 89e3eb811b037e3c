/**
 * Laws that hold on any flow, checked on a three-tier desk that uses every node kind:
 * Little's law on every queue, conservation of tickets, determinism, common random numbers.
 */
import { describe, expect, it } from "vitest";
import { combineReplications, runReplication, simulate } from "../../src/sim";
import { tieredDesk } from "./tieredDesk";

const DAYS = 56;

describe("a three-tier desk", () => {
  const model = tieredDesk(DAYS);
  const results = simulate(model, { seed: 5, replications: 5 });

  it("obeys Little's law on every queue (L = lambda W)", () => {
    // L: time-average queue length; lambda: contacts entering per second; W: mean time in
    // queue of answered and abandoned contacts. Tolerance 5% relative: the only gap is
    // boundary effects (contacts of warm-up tickets, contacts still queued at the horizon),
    // a few contacts against tens of thousands over 56 days.
    const seconds = DAYS * 86400;
    for (const id of ["l1-phone", "l1-email", "l2-desk", "l3-desk"]) {
      const node = results.nodes[id]!;
      const little = (node.entered.mean / seconds) * node.queueTimeMean!.mean;
      expect(node.queueMean!.mean, id).toBeGreaterThan(0);
      expect(Math.abs(node.queueMean!.mean - little) / node.queueMean!.mean, id).toBeLessThan(0.05);
    }
  });

  it("conserves tickets: created = closed + lost + open at the end", () => {
    for (let r = 0; r < 3; r++) {
      const rep = runReplication(model, 5, r);
      expect(rep.flow.created).toBeGreaterThan(10_000);
      expect(rep.flow.closed + rep.flow.lost + rep.flow.open).toBe(rep.flow.created);
    }
  });

  it("gives plausible figures for every KPI", () => {
    const k = results.kpis;
    for (const name of [
      "fcr",
      "deflectionRate",
      "escalationRate",
      "abandonRate",
      "reopenRate",
      "serviceLevel",
      "utilization",
      "csat",
    ] as const) {
      const e = k[name];
      expect(e, name).toBeDefined();
      expect(e!.mean, name).toBeGreaterThan(0);
      expect(e!.mean, name).toBeLessThan(1);
      expect(e!.ci95[0], name).toBeLessThanOrEqual(e!.mean);
      expect(e!.ci95[1], name).toBeGreaterThanOrEqual(e!.mean);
    }
    expect(k.firstResponseSeconds.p50.mean).toBeLessThanOrEqual(k.firstResponseSeconds.p90.mean);
    expect(k.resolutionSeconds.mean).toBeGreaterThan(k.firstResponseSeconds.mean);
    expect(k.costPerTicket.mean).toBeGreaterThan(0);
    expect(k.backlogPastSla.mean).toBeLessThanOrEqual(k.backlog.mean);
    expect(results.series.backlog.length).toBe(DAYS * 24);
    expect(results.histograms.resolutionSeconds.counts.length + 1).toBe(
      results.histograms.resolutionSeconds.edges.length,
    );
  });

  it("gives byte-identical results for the same seed, whatever order replications ran in", () => {
    const meta = { scenario: null, seed: 9, wallSeconds: 0 };
    const short = tieredDesk(7);
    const inOrder = [0, 1, 2, 3].map((r) => runReplication(short, 9, r));
    const reversed = [3, 2, 1, 0].map((r) => runReplication(short, 9, r)).reverse();
    const a = JSON.stringify(combineReplications(short, meta, inOrder));
    const b = JSON.stringify(combineReplications(short, meta, reversed));
    const c = JSON.stringify(simulate(short, { seed: 9, replications: 4 }));
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(JSON.stringify(simulate(short, { seed: 10, replications: 4 }))).not.toBe(a);
  });

  it("shares common random numbers between scenarios (same arrivals)", () => {
    const short = tieredDesk(7);
    const base = simulate(short, { seed: 2, replications: 3 });
    const plus2 = simulate(short, { seed: 2, replications: 3, scenario: "plus2" });
    expect(plus2.replicationKpis.tickets).toEqual(base.replicationKpis.tickets);
    expect(plus2.kpis.backlog.mean).toBeLessThan(base.kpis.backlog.mean);
  });
});
