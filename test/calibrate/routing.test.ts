/**
 * Routing that depends on the visit: a desk whose L1 sends 10% of first visits on to L2, while
 * a ticket L2 sends back is sent up again 60% of the time. Only first visits' escalations
 * bring a ticket to a second team, so 10% of tickets are escalated. One set of next-step
 * shares for all of L1's visits (13% escalate, the two kinds mixed) would escalate 13% of
 * tickets; the calibrated flow keeps first and later visits apart and escalates 10%.
 * 14 days at 30 tickets an hour (about 10,000 tickets): the standard error of the fitted and
 * of the simulated share (2 replications) is about 0.4 points together, the tolerance 1.5.
 */
import { describe, expect, it } from "vitest";
import { calibrate, EventLogReader, EventLogWriter, FLOWCAST_COLUMNS } from "../../src/calibrate";
import { parseModelText } from "../../src/model";
import { runReplication, simulate } from "../../src/sim";

const desk = {
  format: "flowcast/v1",
  name: "Visit-dependent routing",
  clock: { start: "2026-01-05T00:00", horizon: "16d", warmup: "2d" },
  teams: [
    { id: "l1", tier: 1, agents: 9 },
    { id: "l2", tier: 2, agents: 4 },
  ],
  nodes: [
    { id: "phone", kind: "channel", channel: "phone", arrivals: { perHour: 30 } },
    {
      id: "first",
      kind: "work",
      team: "l1",
      handleTime: { dist: "exponential", mean: "10m" },
      outcomes: { resolved: 0.9, escalate: 0.1 },
    },
    { id: "esc", kind: "escalate", noteTime: 0 },
    {
      id: "l2",
      kind: "work",
      team: "l2",
      handleTime: { dist: "exponential", mean: "20m" },
      outcomes: { resolved: 0.5, return: 0.5 },
    },
    {
      id: "again",
      kind: "work",
      team: "l1",
      handleTime: { dist: "exponential", mean: "10m" },
      outcomes: { resolved: 0.4, escalate: 0.6 },
    },
    { id: "esc2", kind: "escalate", noteTime: 0 },
    { id: "done", kind: "end" },
  ],
  edges: [
    { id: "e1", from: "phone", to: "first" },
    { id: "e2", from: "first", port: "resolved", to: "done" },
    { id: "e3", from: "first", port: "escalate", to: "esc" },
    { id: "e4", from: "esc", to: "l2" },
    { id: "e5", from: "l2", port: "resolved", to: "done" },
    { id: "e6", from: "l2", port: "return", to: "again" },
    { id: "e7", from: "again", port: "resolved", to: "done" },
    { id: "e8", from: "again", port: "escalate", to: "esc2" },
    { id: "e9", from: "esc2", to: "l2" },
  ],
};

describe("next-step shares of a team's first and later visits", () => {
  const original = parseModelText(JSON.stringify(desk));
  if (!original.ok) throw new Error(original.diagnostics.map((d) => d.message).join("; "));
  const reader = new EventLogReader({ columns: { ...FLOWCAST_COLUMNS } });
  const writer = new EventLogWriter(original.model.clock.start, (text) => reader.push(text));
  runReplication(original.model, 1, 0, undefined, writer);
  writer.flush();
  reader.end();
  const result = calibrate(reader, "calibrated");
  const calibrated = parseModelText(JSON.stringify(result.model));
  if (!calibrated.ok) throw new Error(calibrated.diagnostics.map((d) => d.message).join("; "));

  it("gives L1's first visits a step of their own, saying why", () => {
    const steps = result.summary.entrySteps;
    expect(steps.map((s) => reader.analysis.teams.list[s.team])).toEqual(["l1"]);
    expect(steps[0]!.reason).toMatch(/first visits on to another team/);
  });

  it("escalates the log's share of tickets, not the mixed share of all visits", () => {
    const truth = simulate(original.model, { replications: 2, seed: 5 }).kpis.escalationRate.mean;
    expect(Math.abs(truth - 0.1)).toBeLessThan(0.015);
    expect(Math.abs(result.summary.figures.escalationShare - 0.1)).toBeLessThan(0.015);
    const predicted = simulate(calibrated.model, { replications: 2, seed: 5 }).kpis.escalationRate.mean;
    expect(Math.abs(predicted - 0.1)).toBeLessThan(0.015);
  });
});
