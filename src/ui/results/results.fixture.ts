/**
 * Hand-made fixtures for the dashboard's unit tests: a small tiered desk (phone -> L1 ->
 * escalate -> L2) and a results document of it with round, known figures.
 */
import { type Model, parseModel } from "../../model";
import type { Estimate, KpiName, Results } from "../../sim/results";
import { KPI_NAMES } from "../../sim/results";

/** The desk: teams l1 ("L1 front line", 12 agents) and l2 ("L2 specialists", 3 agents). */
export function deskModel(): Model {
  const parsed = parseModel({
    format: "flowcast/v1",
    name: "Desk",
    teams: [
      { id: "l1", name: "L1 front line", agents: 12, costPerHour: 28 },
      { id: "l2", name: "L2 specialists", agents: 3, costPerHour: 40 },
    ],
    nodes: [
      { id: "phone", kind: "channel", label: "Phone", arrivals: { perHour: 60 } },
      {
        id: "l1-phone",
        kind: "work",
        label: "L1 answers",
        team: "l1",
        handleTime: "6m",
        queue: { slaSeconds: 20, patience: "3m" },
        outcomes: { resolved: 0.8, escalate: 0.2 },
      },
      { id: "esc", kind: "escalate", label: "Hand to L2" },
      {
        id: "l2-work",
        kind: "work",
        label: "L2 investigates",
        team: "l2",
        handleTime: "30m",
        outcomes: { resolved: 1 },
      },
      { id: "done", kind: "end" },
    ],
    edges: [
      { id: "e1", from: "phone", to: "l1-phone" },
      { id: "e2", from: "l1-phone", port: "resolved", to: "done" },
      { id: "e3", from: "l1-phone", port: "escalate", to: "esc" },
      { id: "e4", from: "esc", to: "l2-work" },
      { id: "e5", from: "l2-work", port: "resolved", to: "done" },
    ],
    scenarios: [{ id: "plus2", name: "+2 L1 agents", set: { "teams.l1.agents": 14 } }],
  });
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
  return parsed.model;
}

/** An estimate with a symmetric interval of ± `half`. */
export function est(mean: number, half = 0): Estimate {
  return { mean, ci95: [mean - half, mean + half] };
}

/**
 * Results of the desk: L1 80% busy with a 15 s mean wait, L2 97% busy with a 3.4 h wait;
 * three replications whose KPI values are mean−d, mean, mean+d (d = `spread` × mean).
 */
export function deskResults(options: { scenario?: string | null; shift?: number; spread?: number } = {}): Results {
  const shift = options.shift ?? 0;
  const spread = options.spread ?? 0.05;
  const kpi = (mean: number) => est(mean + shift, Math.abs(mean) * 0.05);
  const time = (mean: number) => ({ ...kpi(mean), p50: kpi(mean * 0.7), p90: kpi(mean * 2) });
  const kpis = {
    tickets: kpi(1200),
    fcr: kpi(0.72),
    deflectionRate: kpi(0),
    escalationRate: kpi(0.2),
    abandonRate: kpi(0.04),
    reopenRate: kpi(0.03),
    serviceLevel: kpi(0.81),
    firstResponseSeconds: time(30),
    resolutionSeconds: time(5400),
    backlog: kpi(42),
    backlogPastSla: kpi(12),
    utilization: kpi(0.85),
    csat: kpi(0.78),
    costPerTicket: kpi(4.2),
  };
  const replicationKpis = {} as Record<KpiName, number[]>;
  for (const name of KPI_NAMES) {
    const mean = kpis[name].mean;
    replicationKpis[name] = [mean * (1 - spread), mean, mean * (1 + spread)];
  }
  return {
    format: "flowcast-results/v1",
    model: "Desk",
    scenario: options.scenario ?? null,
    seed: 1,
    replications: 3,
    horizonSeconds: 7 * 86400,
    warmupSeconds: 86400,
    events: 123456,
    wallSeconds: 0.5,
    kpis,
    nodes: {
      phone: { kind: "channel", entered: est(1200) },
      "l1-phone": {
        kind: "work",
        entered: est(1200),
        served: est(1150),
        abandoned: est(50),
        waitMean: est(15, 2),
        pWait: est(0.3),
        serviceLevel: est(0.81),
        queueMean: est(0.4),
      },
      esc: { kind: "escalate", entered: est(230) },
      "l2-work": {
        kind: "work",
        entered: est(230),
        served: est(200),
        abandoned: est(0),
        waitMean: est(3.4 * 3600, 600),
        pWait: est(0.9),
        queueMean: est(25),
      },
      done: { kind: "end", entered: est(1150) },
    },
    teams: {
      l1: { utilization: est(0.8, 0.02), staffedHours: est(2016), busyHours: est(1613), cost: est(56448) },
      l2: { utilization: est(0.97, 0.01), staffedHours: est(504), busyHours: est(489), cost: est(20160) },
    },
    edges: { e1: est(1200), e2: est(920), e3: est(230), e4: est(230), e5: est(200) },
    series: {
      intervalSeconds: 3600,
      startSeconds: 86400,
      backlog: [10, 20, 30, 40],
      backlogPastSla: [1, 2, 3, 4],
      arrivals: [60, 30, 90, 60],
      queue: { "l1-phone": [0, 1, 2, 1], "l2-work": [5, 10, 20, 30] },
      staffed: { l1: [12, 12, 0, 12], l2: [3, 3, 0, 3] },
      utilization: { l1: [0.7, 0.8, 0, 0.9], l2: [1, 1, 0, 0.95] },
      serviceLevel: [0.9, 0.8, null, 0.7],
    },
    histograms: {
      resolutionSeconds: { edges: [0, 60, 600, 3600, 36000], counts: [10, 40, 30, 20] },
      firstResponseSeconds: { edges: [0, 20, 60, 600], counts: [70, 20, 10] },
    },
    replicationKpis,
  };
}
