/**
 * backlogPastSla pauses the resolution clock while a ticket waits on the customer at a
 * followUp step ("pending customer"), and a ticket's age leaves those waits out.
 *
 * Every ticket here takes the same fixed path with no queueing (50 agents for 2 contacts an
 * hour): 1 h of L1 work, 10 h waiting on the customer, 1 h of L2 work, then it closes, 12 h
 * after it arrived. With a resolution target of 90 min its clock reads 1 h when the wait
 * starts and 1 h again when it ends, so it is past target for the last 30 min of L2 work only:
 * from 11.5 h to 12 h after arrival. (Counting the wait, as before, it was past target from
 * 1.5 h to 12 h; counting only time outside the wait but a wall-clock age, the whole hour of
 * L2 work.) The expected figures follow from the arrival times of the run alone, so the test
 * checks them exactly; on average they are 2/h x 0.5 h = 1 ticket past target, 2/h x 12 h =
 * 24 open.
 */
import { describe, expect, it } from "vitest";
import { decodeModel, edges } from "../model/testing";
import { runReplication } from "./simulate";
import type { TraceSink } from "./trace";

const H = 3600;
const WARMUP = 1 * 86400;
const HORIZON = 15 * 86400;

const pending = decodeModel({
  format: "flowcast/v1",
  clock: { horizon: HORIZON, warmup: WARMUP },
  resolutionTargets: { normal: "90m" },
  teams: [
    { id: "t1", agents: 50 },
    { id: "t2", agents: 50 },
  ],
  nodes: [
    { id: "in", kind: "channel", arrivals: { perHour: 2 } },
    { id: "l1", kind: "work", team: "t1", handleTime: { dist: "fixed", value: "1h" }, outcomes: { followUp: 1 } },
    { id: "confirm", kind: "followUp", wait: { dist: "fixed", value: "10h" }, outcomes: { confirmed: 1 } },
    { id: "l2", kind: "work", team: "t2", handleTime: { dist: "fixed", value: "1h" }, outcomes: { resolved: 1 } },
    { id: "done", kind: "end" },
  ],
  edges: edges("in -> l1", "l1:followUp -> confirm", "confirm:confirmed -> l2", "l2:resolved -> done"),
});

/** Length of [a, b] inside the measured window [WARMUP, HORIZON] (seconds). */
function inWindow(a: number, b: number): number {
  return Math.max(0, Math.min(b, HORIZON) - Math.max(a, WARMUP));
}

describe("backlogPastSla with tickets pending the customer", () => {
  const arrivals: number[] = [];
  const closes: number[] = [];
  const sink: TraceSink = {
    record(_ticket, time, event) {
      if (event === "arrival") arrivals.push(time);
      if (event === "close") closes.push(time);
    },
  };
  const rep = runReplication(pending, 11, 0, undefined, sink);
  const span = HORIZON - WARMUP;

  it("runs the fixed path without queueing (the premise of the hand calculation)", () => {
    expect(arrivals.length).toBeGreaterThan(600);
    expect(closes.length).toBe(arrivals.length);
    expect(rep.nodes.waitMean.every((w) => !(w > 0))).toBe(true);
  });

  it("counts only the time past target outside the customer's wait, with the wait left out of the age", () => {
    const expected = arrivals.reduce((sum, c) => sum + inWindow(c + 11.5 * H, c + 12 * H), 0) / span;
    expect(rep.kpis.backlogPastSla).toBeCloseTo(expected, 9);
    // what the old rule gave, and the rule that only skips the wait: both clearly different
    const old = arrivals.reduce((sum, c) => sum + inWindow(c + 1.5 * H, c + 12 * H), 0) / span;
    const wallAge = arrivals.reduce((sum, c) => sum + inWindow(c + 11 * H, c + 12 * H), 0) / span;
    expect(expected).toBeGreaterThan(0.8);
    expect(expected).toBeLessThan(1.2);
    expect(old).toBeGreaterThan(15 * expected);
    expect(wallAge).toBeGreaterThan(1.8 * expected);
  });

  it("still counts tickets waiting on the customer in the backlog", () => {
    const expected = arrivals.reduce((sum, c) => sum + inWindow(c, c + 12 * H), 0) / span;
    expect(rep.kpis.backlog).toBeCloseTo(expected, 9);
  });

  it("counts a series point only while the ticket's clock runs past target", () => {
    const interval = pending.clock.seriesInterval;
    const points = rep.series.backlogPastSla.length;
    for (let k = 0; k < points; k++) {
      const t = WARMUP + k * interval;
      const open = arrivals.filter((c) => t >= c + 11.5 * H && t < c + 12 * H).length;
      expect(rep.series.backlogPastSla[k]).toBe(open);
    }
  });
});
