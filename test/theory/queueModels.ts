/**
 * flowcast/v1 models of textbook queues for the theory suite: a channel with a constant
 * Poisson rate, one work node with exponential handle time (optionally exponential
 * patience and an SLA), and an end. Built as files and decoded, so they take the same path
 * as a user's flow.
 */
import { type Model, parseModel } from "../../src/model";

export interface QueueSpec {
  agents: number;
  /** Arrivals per hour. */
  perHour: number;
  /** Mean handle time, seconds. */
  handleSeconds: number;
  /** Mean patience, seconds (M/M/c+M); none for M/M/c. */
  patienceSeconds?: number;
  slaSeconds?: number;
  horizonDays: number;
  warmupDays: number;
}

/** An M/M/c (or M/M/c+M) queue as a flow. */
export function queueModel(spec: QueueSpec): Model {
  return decode({
    format: "flowcast/v1",
    name: "M/M/c",
    clock: { horizon: `${spec.horizonDays}d`, warmup: `${spec.warmupDays}d`, seriesInterval: "1d" },
    teams: [{ id: "agents", agents: spec.agents }],
    nodes: [
      { id: "calls", kind: "channel", arrivals: { perHour: spec.perHour } },
      {
        id: "queue",
        kind: "work",
        team: "agents",
        handleTime: { dist: "exponential", mean: spec.handleSeconds },
        queue: {
          discipline: "fifo",
          ...(spec.patienceSeconds ? { patience: { dist: "exponential", mean: spec.patienceSeconds } } : {}),
          ...(spec.slaSeconds !== undefined ? { slaSeconds: spec.slaSeconds } : {}),
        },
        outcomes: { resolved: 1 },
      },
      { id: "done", kind: "end" },
      ...(spec.patienceSeconds ? [{ id: "hung-up", kind: "end", status: "unresolved" }] : []),
    ],
    edges: [
      { id: "in", from: "calls", to: "queue" },
      { id: "out", from: "queue", port: "resolved", to: "done" },
      ...(spec.patienceSeconds ? [{ id: "gone", from: "queue", port: "abandoned", to: "hung-up" }] : []),
    ],
  });
}

/** Decodes a flow file written in a test; throws with the diagnostics if it does not decode. */
export function decode(file: unknown): Model {
  const parsed = parseModel(file);
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => `${d.path}: ${d.message}`).join("\n"));
  return parsed.model;
}
