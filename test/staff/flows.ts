/** Small flowcast/v1 flows whose staffing queueing theory knows exactly (M/M/c, M/M/c+M, Jackson). */
import { type Model, parseModel } from "../../src/model";

const clock = { start: "2026-01-05T00:00", horizon: "8d", warmup: "1d" };

/** One M/M/c queue: `perHour` Poisson arrivals, exponential handle time `ahtSeconds`, SLA 20 s. */
export function singleQueue(perHour: number, ahtSeconds: number, patienceSeconds?: number): Model {
  return decode({
    format: "flowcast/v1",
    name: "Single queue",
    clock,
    teams: [{ id: "a", agents: 3, costPerHour: 30 }],
    nodes: [
      { id: "in", kind: "channel", arrivals: { perHour } },
      {
        id: "q",
        kind: "work",
        team: "a",
        handleTime: { dist: "exponential", mean: ahtSeconds },
        queue: {
          slaSeconds: 20,
          ...(patienceSeconds ? { patience: { dist: "exponential", mean: patienceSeconds } } : {}),
        },
        outcomes: { resolved: 1 },
      },
      { id: "done", kind: "end" },
    ],
    edges: [
      { id: "e1", from: "in", to: "q" },
      { id: "e2", from: "q", port: "resolved", to: "done" },
      ...(patienceSeconds ? [{ id: "e3", from: "q", port: "abandoned", to: "done" }] : []),
    ],
  });
}

/**
 * An open Jackson network with feedback: 30/h into A (6 min), a quarter escalate to B
 * (12 min), a fifth of B's contacts come back to A. Teams a and b staff one node each.
 */
export function jacksonPair(): Model {
  return decode({
    format: "flowcast/v1",
    name: "Jackson pair",
    clock,
    teams: [
      { id: "a", agents: 9, costPerHour: 30 },
      { id: "b", agents: 6, costPerHour: 45 },
    ],
    nodes: [
      { id: "in", kind: "channel", arrivals: { perHour: 30 } },
      {
        id: "qa",
        kind: "work",
        team: "a",
        handleTime: { dist: "exponential", mean: 360 },
        queue: { slaSeconds: 20 },
        outcomes: { resolved: 0.75, escalate: 0.25 },
      },
      {
        id: "qb",
        kind: "work",
        team: "b",
        handleTime: { dist: "exponential", mean: 720 },
        queue: { slaSeconds: 60 },
        outcomes: { resolved: 0.8, back: 0.2 },
      },
      { id: "done", kind: "end" },
    ],
    edges: [
      { id: "e1", from: "in", to: "qa" },
      { id: "e2", from: "qa", port: "resolved", to: "done" },
      { id: "e3", from: "qa", port: "escalate", to: "qb" },
      { id: "e4", from: "qb", port: "resolved", to: "done" },
      { id: "e5", from: "qb", port: "back", to: "qa" },
    ],
  });
}

function decode(file: unknown): Model {
  const parsed = parseModel(file);
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
  return parsed.model;
}
