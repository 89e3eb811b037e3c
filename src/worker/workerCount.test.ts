import { describe, expect, it } from "vitest";
import { parseModelText } from "../model";
import { chooseWorkerCount, estimateEvents, MIN_EVENTS_PER_WORKER } from "./workerCount";

const MMC = JSON.stringify({
  format: "flowcast/v1",
  name: "One queue",
  clock: { start: "2026-01-05T00:00", horizon: "10h" },
  teams: [{ id: "agents", agents: 10 }],
  nodes: [
    { id: "phone", kind: "channel", channel: "phone", arrivals: { perHour: 100 } },
    {
      id: "answer",
      kind: "work",
      team: "agents",
      handleTime: { dist: "exponential", mean: "5m" },
      outcomes: { resolved: 1 },
    },
    { id: "done", kind: "end", status: "resolved" },
  ],
  edges: [
    { id: "e1", from: "phone", to: "answer" },
    { id: "e2", from: "answer", port: "resolved", to: "done" },
  ],
});

describe("estimateEvents", () => {
  it("is the channels' mean rate times the horizon times 2.5 events per ticket", () => {
    const parsed = parseModelText(MMC);
    if (!parsed.ok) throw new Error("fixture does not decode");
    // 100 tickets/hour for 10 hours
    expect(estimateEvents(parsed.model, 10 * 3600)).toBeCloseTo(1000 * 2.5, 6);
    expect(estimateEvents(parsed.model, 20 * 3600)).toBeCloseTo(2000 * 2.5, 6);
  });
});

describe("chooseWorkerCount", () => {
  it("runs a small run on the calling thread, whatever the cores", () => {
    expect(chooseWorkerCount(10_000, 10, 8)).toBe(1);
    expect(chooseWorkerCount(MIN_EVENTS_PER_WORKER / 10 - 1, 10, 8)).toBe(1);
  });

  it("adds a worker per MIN_EVENTS_PER_WORKER events of the whole run, up to the cores", () => {
    expect(chooseWorkerCount(MIN_EVENTS_PER_WORKER / 10, 20, 8)).toBe(2);
    expect(chooseWorkerCount(MIN_EVENTS_PER_WORKER, 10, 8)).toBe(8);
    expect(chooseWorkerCount(MIN_EVENTS_PER_WORKER, 10, 2)).toBe(2);
  });

  it("never starts more workers than replications", () => {
    expect(chooseWorkerCount(50 * MIN_EVENTS_PER_WORKER, 1, 8)).toBe(1);
    expect(chooseWorkerCount(50 * MIN_EVENTS_PER_WORKER, 3, 8)).toBe(3);
  });

  it("honours an explicit choice, capped by the replications", () => {
    expect(chooseWorkerCount(10, 10, 2, 4)).toBe(4);
    expect(chooseWorkerCount(10, 3, 2, 4)).toBe(3);
    expect(chooseWorkerCount(10, 10, 2, 1)).toBe(1);
  });
});
