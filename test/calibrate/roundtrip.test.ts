/**
 * Round trip: a desk with known truth writes a Flowcast event log; calibration reads it
 * back; the fitted handle-time means are within 5% of the truth, and the calibrated flow,
 * simulated, reproduces tickets per day, team utilisation and escalation share within a few
 * percent. 28 days at 30 tickets an hour (about 20,000 tickets): standard errors of the
 * checked figures are well under a tenth of each tolerance.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { calibrate, EventLogReader, EventLogWriter, FLOWCAST_COLUMNS } from "../../src/calibrate";
import { parseModelText } from "../../src/model";
import { runReplication, simulate } from "../../src/sim";
import { type DeskTruth, generateDeskLog } from "./generateLog";

const truth: DeskTruth = {
  perHour: 30,
  days: 28,
  l1: { agents: 7, meanSeconds: 600, sdSeconds: 400 },
  l2: { agents: 4, meanSeconds: 1800, sdSeconds: 1500 },
  escalateShare: 0.2,
  seed: 12,
};

describe("calibrating from a simulated desk's event log", () => {
  const reader = new EventLogReader({ columns: { ...FLOWCAST_COLUMNS } });
  const { busy } = generateDeskLog(truth, (text) => reader.push(text));
  reader.end();
  const result = calibrate(reader, "round trip");
  const parsed = parseModelText(JSON.stringify(result.model));
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("; "));
  const model = parsed.model;

  it("reads Flowcast's own events without guesses and finds two tiers", () => {
    expect([...reader.roles.decisions.values()].every((d) => d.how === "flowcast")).toBe(true);
    expect(model.teams.map((t) => [t.id, t.tier, t.agents])).toEqual([
      ["l1", 1, 7],
      ["l2", 2, 4],
    ]);
  });

  it("fits handle-time means within 5% of the truth", () => {
    const mean = (id: string) => {
      const node = model.nodes.find((n) => n.id === `work-${id}`);
      if (node?.kind !== "work") throw new Error(`no work node for ${id}`);
      const d = node.handleTime;
      return "mean" in d ? d.mean : Number.NaN;
    };
    expect(Math.abs(mean("l1") / truth.l1.meanSeconds - 1)).toBeLessThan(0.05);
    expect(Math.abs(mean("l2") / truth.l2.meanSeconds - 1)).toBeLessThan(0.05);
  });

  it("measures the log's escalation share and tickets per day", () => {
    const f = result.summary.figures;
    expect(Math.abs(f.escalationShare - truth.escalateShare)).toBeLessThan(0.015);
    expect(Math.abs(f.ticketsPerDay / (truth.perHour * 24) - 1)).toBeLessThan(0.03);
  });

  it("simulates to the desk's tickets per day, utilisation and escalation share", () => {
    const results = simulate(model, { replications: 2, seed: 3 });
    const days = (results.horizonSeconds - results.warmupSeconds) / 86400;
    const trueUtil = busy.map((b, i) => b / ((i === 0 ? truth.l1.agents : truth.l2.agents) * truth.days * 86400));
    expect(Math.abs(results.kpis.tickets.mean / days / (truth.perHour * 24) - 1)).toBeLessThan(0.03);
    expect(Math.abs(results.kpis.escalationRate.mean - truth.escalateShare)).toBeLessThan(0.015);
    expect(Math.abs(results.teams.l1!.utilization.mean / trueUtil[0]! - 1)).toBeLessThan(0.04);
    expect(Math.abs(results.teams.l2!.utilization.mean / trueUtil[1]! - 1)).toBeLessThan(0.06);
  });
});

describe("round trip through Flowcast's own simulator (simulate --event-log, then calibrate)", () => {
  // A two-tier desk, 28 days at 30 tickets an hour; the event log of replication 1 is
  // streamed straight into the reader. Tolerances as above; the original's KPIs are means
  // over 2 replications (their 95% intervals are within a fraction of each tolerance).
  const original = parseModelText(
    JSON.stringify({
      format: "flowcast/v1",
      name: "Known desk",
      clock: { start: "2026-01-05T00:00", horizon: "30d", warmup: "2d" },
      teams: [
        { id: "l1", tier: 1, agents: 7 },
        { id: "l2", tier: 2, agents: 4 },
      ],
      nodes: [
        { id: "phone", kind: "channel", channel: "phone", arrivals: { perHour: 30 } },
        {
          id: "a",
          kind: "work",
          team: "l1",
          handleTime: { dist: "lognormal", mean: "10m", sd: "7m" },
          outcomes: { resolved: 0.8, escalate: 0.2 },
        },
        { id: "esc", kind: "escalate", noteTime: 0 },
        {
          id: "b",
          kind: "work",
          team: "l2",
          handleTime: { dist: "gamma", mean: "30m", sd: "20m" },
          outcomes: { resolved: 1 },
        },
        { id: "done", kind: "end" },
      ],
      edges: [
        { id: "e1", from: "phone", to: "a" },
        { id: "e2", from: "a", port: "resolved", to: "done" },
        { id: "e3", from: "a", port: "escalate", to: "esc" },
        { id: "e4", from: "esc", to: "b" },
        { id: "e5", from: "b", port: "resolved", to: "done" },
      ],
    }),
  );
  if (!original.ok) throw new Error("the known desk does not decode");
  const reader = new EventLogReader({ columns: { ...FLOWCAST_COLUMNS } });
  const writer = new EventLogWriter(original.model.clock.start, (text) => reader.push(text));
  runReplication(original.model, 1, 0, undefined, writer);
  writer.flush();
  reader.end();
  const calibrated = parseModelText(JSON.stringify(calibrate(reader, "calibrated").model));
  if (!calibrated.ok) throw new Error("the calibrated flow does not decode");

  it("fits handle-time means within 5% of the flow's", () => {
    for (const [id, truthMean] of [
      ["l1", 600],
      ["l2", 1800],
    ] as const) {
      const node = calibrated.model.nodes.find((n) => n.id === `work-${id}`);
      if (node?.kind !== "work") throw new Error(`no work node for ${id}`);
      const d = node.handleTime;
      expect(Math.abs(("mean" in d ? d.mean : Number.NaN) / truthMean - 1)).toBeLessThan(0.05);
    }
  });

  it("reproduces tickets per day, team utilisation and escalation rate within a few percent", () => {
    const a = simulate(original.model, { replications: 2, seed: 5 });
    const b = simulate(calibrated.model, { replications: 2, seed: 9 });
    const perDay = (r: typeof a) => r.kpis.tickets.mean / ((r.horizonSeconds - r.warmupSeconds) / 86400);
    expect(Math.abs(perDay(b) / perDay(a) - 1)).toBeLessThan(0.03);
    expect(Math.abs(b.kpis.escalationRate.mean - a.kpis.escalationRate.mean)).toBeLessThan(0.015);
    expect(Math.abs(b.teams.l1!.utilization.mean / a.teams.l1!.utilization.mean - 1)).toBeLessThan(0.04);
    expect(Math.abs(b.teams.l2!.utilization.mean / a.teams.l2!.utilization.mean - 1)).toBeLessThan(0.06);
  });
});

describe("round trip of samples/three-tier-desk.json (triggers send some tickets straight to L2)", () => {
  // 16 days (2 warm-up) at about 85 tickets an hour: some 32,000 tickets. Escalations by
  // trigger show in the log as an escalate event before the first L2 visit; the calibrated
  // flow routes those through an escalate node of their own, so its escalation rate matches.
  const sample = parseModelText(readFileSync(new URL("../../samples/three-tier-desk.json", import.meta.url), "utf8"));
  if (!sample.ok) throw new Error("the sample does not decode");
  const horizonSeconds = 16 * 86400;
  const reader = new EventLogReader({ columns: { ...FLOWCAST_COLUMNS } });
  const writer = new EventLogWriter(sample.model.clock.start, (text) => reader.push(text));
  runReplication(sample.model, 1, 0, horizonSeconds, writer);
  writer.flush();
  reader.end();
  const calibrated = parseModelText(JSON.stringify(calibrate(reader, "three-tier calibrated").model));

  it("reproduces the escalation rate, volume and utilisation of every tier", () => {
    if (!calibrated.ok) throw new Error("the calibrated flow does not decode");
    const a = simulate(sample.model, { replications: 2, seed: 5, horizonSeconds });
    const b = simulate(calibrated.model, { replications: 2, seed: 9 });
    const perDay = (r: typeof a) => r.kpis.tickets.mean / ((r.horizonSeconds - r.warmupSeconds) / 86400);
    expect(Math.abs(perDay(b) / perDay(a) - 1)).toBeLessThan(0.03);
    expect(Math.abs(b.kpis.escalationRate.mean - a.kpis.escalationRate.mean)).toBeLessThan(0.015);
    for (const team of ["l1", "l2", "l3"]) {
      expect(Math.abs(b.teams[team]!.utilization.mean / a.teams[team]!.utilization.mean - 1)).toBeLessThan(0.06);
    }
  });
});
