import { describe, expect, it } from "vitest";
import { compareResults, DEFAULT_MIN_DIFF, pairedInterval, welchInterval } from "./compare";
import { type Estimate, KPI_NAMES, type KpiName, type Results, type TeamResults } from "./results";

describe("pairedInterval", () => {
  it("is the paired t interval of the differences", () => {
    // differences 1..5: mean 3, sd √2.5, se √0.5, t(4) = 2.776445 -> half-width 1.963243
    // (to the 4 decimals of the t table: tolerance 5e-4)
    const interval = pairedInterval([10, 10, 10, 10, 10], [11, 12, 13, 14, 15]);
    expect(interval?.difference).toBeCloseTo(3, 12);
    expect(interval?.lo).toBeCloseTo(3 - 1.963243, 3);
    expect(interval?.hi).toBeCloseTo(3 + 1.963243, 3);
    expect(interval?.n).toBe(5);
  });

  it("leaves out replications where either run has no figure", () => {
    const interval = pairedInterval([1, Number.NaN, 1, 1], [2, 5, 3, 4]);
    // differences 1, 2, 3: mean 2, sd 1, t(2) = 4.302653 -> half-width 4.302653/√3
    expect(interval?.n).toBe(3);
    expect(interval?.hi).toBeCloseTo(2 + 4.302653 / Math.sqrt(3), 3);
  });

  it("gives nothing when no replication has both figures", () => {
    expect(pairedInterval([Number.NaN], [1])).toBeUndefined();
  });
});

describe("welchInterval", () => {
  it("uses the Welch-Satterthwaite degrees of freedom, rounded down", () => {
    // a: mean 2, var 1 (n 3); b: mean 6, var 4 (n 3): se² = 1/3 + 4/3 = 5/3,
    // df = (5/3)² / ((1/3)²/2 + (4/3)²/2) = 25/9 / (17/18) = 2.94 -> 2, t(2) = 4.302653
    const interval = welchInterval([1, 2, 3], [4, 6, 8]);
    const half = 4.302653 * Math.sqrt(5 / 3);
    expect(interval?.difference).toBeCloseTo(4, 12);
    expect(interval?.lo).toBeCloseTo(4 - half, 3);
    expect(interval?.hi).toBeCloseTo(4 + half, 3);
  });
});

describe("compareResults", () => {
  it("pairs replications of runs with the same seed and marks a clear drop in wait as better", () => {
    const base = results({ firstResponseSeconds: [100, 120, 90, 110] }, { seed: 7 });
    const other = results({ firstResponseSeconds: [80, 101, 69, 92] }, { seed: 7, scenario: "plus2" });
    const comparison = compareResults(base, other);
    const wait = kpi(comparison, "firstResponseSeconds");
    // differences -20, -19, -21, -18: mean -19.5, sd 1.2910, t(3) 3.182446 -> half 2.0543 (±5e-4)
    expect(comparison.paired).toBe(true);
    expect(wait.base).toBeCloseTo(105, 12);
    expect(wait.other).toBeCloseTo(85.5, 12);
    expect(wait.difference).toBeCloseTo(-19.5, 12);
    expect(wait.ci95[0]).toBeCloseTo(-19.5 - 2.0543, 3);
    expect(wait.ci95[1]).toBeCloseTo(-19.5 + 2.0543, 3);
    expect(wait.significant).toBe(true);
    expect(wait.verdict).toBe("better");
  });

  it("finds a small change significant when paired that independent intervals would miss", () => {
    // Replication-to-replication noise (±30) dwarfs the effect (+2), but it is common to both runs.
    const base = results({ fcr: [0.5, 0.8, 0.2, 0.65, 0.35] });
    const other = results({ fcr: [0.52, 0.82, 0.22, 0.665, 0.375] });
    const fcr = kpi(compareResults(base, other), "fcr");
    expect(fcr.significant).toBe(true);
    expect(fcr.verdict).toBe("better");
    const unpaired = welchInterval(base.replicationKpis.fcr ?? [], other.replicationKpis.fcr ?? []);
    expect(unpaired && unpaired.lo < 0 && unpaired.hi > 0).toBe(true);
  });

  it("reports an interval holding zero as the same, and a higher cost as worse", () => {
    const base = results({ csat: [0.8, 0.82, 0.81], costPerTicket: [10, 11, 12] });
    const other = results({ csat: [0.81, 0.81, 0.82], costPerTicket: [12, 13, 14.5] });
    const comparison = compareResults(base, other);
    expect(kpi(comparison, "csat").significant).toBe(false);
    expect(kpi(comparison, "csat").verdict).toBe("same");
    expect(kpi(comparison, "costPerTicket").verdict).toBe("worse");
  });

  it("calls a significant change in utilisation neither better nor worse", () => {
    const base = results({ utilization: [0.9, 0.92, 0.91] });
    const other = results({ utilization: [0.8, 0.81, 0.8] });
    expect(kpi(compareResults(base, other), "utilization").verdict).toBe("changed");
  });

  it("never calls one replication significant", () => {
    const comparison = compareResults(results({ backlog: [10] }), results({ backlog: [5] }));
    const backlog = kpi(comparison, "backlog");
    expect(backlog.difference).toBe(-5);
    expect(backlog.significant).toBe(false);
  });

  it("falls back to Welch when the runs used different seeds", () => {
    const base = results({ backlog: [10, 12, 11] }, { seed: 1 });
    const other = results({ backlog: [20, 22, 21] }, { seed: 2 });
    const comparison = compareResults(base, other);
    expect(comparison.paired).toBe(false);
    const backlog = kpi(comparison, "backlog");
    const expected = welchInterval([10, 12, 11], [20, 22, 21]);
    expect(backlog.ci95[0]).toBeCloseTo(expected?.lo ?? Number.NaN, 12);
    expect(backlog.significant).toBe(true);
  });

  it("does not flag a difference inside the practical threshold, however narrow its interval", () => {
    // Issue 9: "Backlog −0.0017, ✔ better" and "CSAT +6.7e-15 pp". Both intervals exclude
    // zero (the differences hardly vary), but neither change is one a manager would notice.
    const base = results({ backlog: [7.2, 8.1, 6.9, 7.5], csat: [0.8, 0.81, 0.79, 0.8] });
    const other = results({
      backlog: [7.2 - 0.0016, 8.1 - 0.0018, 6.9 - 0.0017, 7.5 - 0.0017],
      csat: [0.8 + 6.7e-15, 0.81 + 6.7e-15, 0.79 + 6.7e-15, 0.8 + 6.7e-15],
    });
    const comparison = compareResults(base, other);
    const backlog = kpi(comparison, "backlog");
    expect(backlog.excludesZero).toBe(true);
    expect(backlog.minDiff).toBe(1);
    expect(backlog.significant).toBe(false);
    expect(backlog.verdict).toBe("same");
    const csat = kpi(comparison, "csat");
    expect(csat.significant).toBe(false);
    expect(csat.verdict).toBe("same");
  });

  it("flags a real difference beyond the threshold", () => {
    // differences -3.1, -2.9, -3.0, -3.0 tickets: interval about -3 ± 0.13, far from 0 and past 1 ticket.
    const base = results({ backlog: [12, 15, 11, 14] });
    const other = results({ backlog: [8.9, 12.1, 8, 11] });
    const backlog = kpi(compareResults(base, other), "backlog");
    expect(backlog.excludesZero).toBe(true);
    expect(backlog.significant).toBe(true);
    expect(backlog.verdict).toBe("better");
  });

  it("needs the difference itself, not only its interval, past the threshold", () => {
    // 0.4 pp, interval clear of zero: under the 0.5 pp default; 0.6 pp is over it.
    const base = results({ fcr: [0.5, 0.6, 0.7] });
    const under = kpi(compareResults(base, results({ fcr: [0.504, 0.604, 0.704] })), "fcr");
    expect(under.excludesZero).toBe(true);
    expect(under.significant).toBe(false);
    const over = kpi(compareResults(base, results({ fcr: [0.506, 0.606, 0.706] })), "fcr");
    expect(over.significant).toBe(true);
  });

  it("takes thresholds given per KPI and keeps the defaults for the others", () => {
    const base = results({ fcr: [0.5, 0.8, 0.2, 0.65, 0.35], backlog: [12, 15, 11, 14, 13] });
    const other = results({ fcr: [0.52, 0.82, 0.22, 0.665, 0.375], backlog: [9, 12, 8, 11, 10] });
    const comparison = compareResults(base, other, { fcr: 0.05, backlog: Number.NaN });
    expect(comparison.minDiff.fcr).toBe(0.05);
    expect(comparison.minDiff.backlog).toBe(DEFAULT_MIN_DIFF.backlog);
    expect(kpi(comparison, "fcr").significant).toBe(false);
    expect(kpi(comparison, "backlog").significant).toBe(true);
  });

  it("leaves out a KPI a run does not report (service level without an SLA queue)", () => {
    const base = results({});
    const other = results({});
    delete (base.kpis as Partial<Results["kpis"]>).serviceLevel;
    delete (other.kpis as Partial<Results["kpis"]>).serviceLevel;
    const comparison = compareResults(base, other);
    expect(comparison.kpis.map((k) => k.kpi)).not.toContain("serviceLevel");
    expect(comparison.kpis).toHaveLength(KPI_NAMES.length - 1);
    expect(comparison.unmatched).toEqual([]);
  });

  it("does not compare abandonment when only the scenario can lose callers, and keeps the rest paired", () => {
    // The base has no patience (no abandon rate at all); the scenario adds one.
    const base = results({ backlog: [12, 15, 11, 14, 13] }, { seed: 3 });
    const other = results({ backlog: [9, 12, 8, 11, 10], abandonRate: [0.05, 0.06, 0.04, 0.05, 0.05] }, { seed: 3 });
    delete (base.kpis as Partial<Results["kpis"]>).abandonRate;
    delete base.replicationKpis.abandonRate;
    const comparison = compareResults(base, other);
    expect(comparison.kpis.map((k) => k.kpi)).not.toContain("abandonRate");
    expect(comparison.unmatched).toEqual([{ kpi: "abandonRate", reportedBy: "other" }]);
    // the KPIs both runs report are still paired on common random numbers
    expect(comparison.paired).toBe(true);
    expect(kpi(comparison, "backlog").verdict).toBe("better");
    // and the other way round
    expect(compareResults(other, base).unmatched).toEqual([{ kpi: "abandonRate", reportedBy: "base" }]);
  });

  it("pairs team utilisation when both runs hold per-replication team figures", () => {
    const base = results({}, { teams: { l1: team(0.9, 0.05) } });
    const other = results({}, { teams: { l1: team(0.89, 0.05) } });
    // Shared noise of ±5 pp, a steady 1 pp drop: Welch cannot see it, pairing can.
    base.replicationTeamUtilization = { l1: [0.85, 0.95, 0.9] };
    other.replicationTeamUtilization = { l1: [0.84, 0.94, 0.89] };
    const paired = compareResults(base, other);
    expect(paired.teamsPaired).toBe(true);
    expect(paired.teams[0]?.paired).toBe(true);
    expect(paired.teams[0]?.significant).toBe(true);
    delete other.replicationTeamUtilization;
    const unpaired = compareResults(base, other);
    expect(unpaired.teamsPaired).toBe(false);
    expect(unpaired.teams[0]?.paired).toBe(false);
    expect(unpaired.teams[0]?.significant).toBe(false);
  });

  it("compares team utilisation from each run's interval", () => {
    const base = results({}, { teams: { l1: team(0.9, 0.01) } });
    const other = results({}, { teams: { l1: team(0.7, 0.01), l2: team(0.5, 0.01) } });
    const comparison = compareResults(base, other);
    expect(comparison.teams).toHaveLength(1);
    expect(comparison.teams[0]?.team).toBe("l1");
    expect(comparison.teams[0]?.difference).toBeCloseTo(-0.2, 12);
    expect(comparison.teams[0]?.significant).toBe(true);
    expect(comparison.teams[0]?.verdict).toBe("changed");
  });
});

// helpers

const REPLICATIONS_DEFAULT = 3;

function kpi(comparison: ReturnType<typeof compareResults>, name: KpiName) {
  const found = comparison.kpis.find((k) => k.kpi === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}

function team(mean: number, half: number): TeamResults {
  const e = (m: number): Estimate => ({ mean: m, ci95: [m - half, m + half] });
  return { utilization: e(mean), staffedHours: e(100), busyHours: e(100 * mean), cost: e(1000) };
}

/** Results whose KPIs are the given per-replication figures (others: a constant 1). */
function results(
  perReplication: Partial<Record<KpiName, number[]>>,
  options: { seed?: number; scenario?: string; teams?: Results["teams"] } = {},
): Results {
  const n = Object.values(perReplication)[0]?.length ?? REPLICATIONS_DEFAULT;
  const replicationKpis = {} as Record<KpiName, number[]>;
  const kpis = {} as Record<KpiName, Estimate>;
  for (const name of KPI_NAMES) {
    const values = perReplication[name] ?? new Array<number>(n).fill(1);
    replicationKpis[name] = values;
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    kpis[name] = { mean, ci95: [mean, mean] };
  }
  const time = (e: Estimate) => ({ ...e, p50: e, p90: e });
  const empty = { edges: [0, 1], counts: [0] };
  return {
    format: "flowcast-results/v1",
    model: "fixture",
    scenario: options.scenario ?? null,
    seed: options.seed ?? 1,
    replications: n,
    horizonSeconds: 86400,
    warmupSeconds: 0,
    events: 0,
    wallSeconds: 0,
    kpis: {
      ...kpis,
      firstResponseSeconds: time(kpis.firstResponseSeconds),
      resolutionSeconds: time(kpis.resolutionSeconds),
    },
    nodes: {},
    teams: options.teams ?? {},
    edges: {},
    series: {
      intervalSeconds: 3600,
      startSeconds: 0,
      backlog: [],
      backlogPastSla: [],
      arrivals: [],
      queue: {},
      staffed: {},
      utilization: {},
      serviceLevel: [],
    },
    histograms: { resolutionSeconds: empty, firstResponseSeconds: empty },
    replicationKpis,
  };
}
