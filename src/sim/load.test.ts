/**
 * The pre-run overload check (load.ts): offered load from the traffic equations against
 * staffed capacity, and warnings in the user's words (issue 9).
 */
import { describe, expect, it } from "vitest";
import type { Model } from "../model";
import { decodeModel, edges } from "../model/testing";
import { offeredLoadWarnings, teamLoads } from "./load";
import { daysInWords, describeWeekHours } from "./weekHours";

/** One phone line into one team: perHour calls of `handle` each, optional patience and profile. */
function line(options: {
  perHour: number;
  agents: number;
  handle?: string;
  patience?: string;
  hourly?: number[];
  weekly?: number[];
  team?: Record<string, unknown>;
}): Model {
  return decodeModel({
    format: "flowcast/v1",
    teams: [{ id: "l1", name: "L1 front line", agents: options.agents, ...options.team }],
    nodes: [
      {
        id: "calls",
        kind: "channel",
        channel: "phone",
        arrivals: { perHour: options.perHour, hourly: options.hourly, weekly: options.weekly },
      },
      {
        id: "answer",
        kind: "work",
        team: "l1",
        handleTime: options.handle ?? "6m",
        queue: options.patience ? { patience: options.patience } : {},
        outcomes: { resolved: 1 },
      },
      { id: "done", kind: "end" },
    ],
    edges: edges("calls -> answer", "answer:resolved -> done"),
  });
}

describe("offered load warnings", () => {
  it("warns that the queue grows without limit at 133% offered load", () => {
    // 40 calls/h x 0.1 h = 4 Erlangs on 3 agents
    expect(offeredLoadWarnings(line({ perHour: 40, agents: 3 }))).toEqual([
      {
        code: "overload",
        team: "l1",
        message: "L1 front line is offered 133% of its capacity: the queue will grow without limit.",
      },
    ]);
  });

  it("says nothing below 90%, and warns of long waits from 90%", () => {
    // 26.5 calls/h x 0.1 h = 2.65 Erlangs on 3 agents: 88%
    expect(offeredLoadWarnings(line({ perHour: 26.5, agents: 3 }))).toEqual([]);
    // 28.5 calls/h: 95%
    expect(offeredLoadWarnings(line({ perHour: 28.5, agents: 3 }))).toEqual([
      {
        code: "high-load",
        team: "l1",
        message: "L1 front line at 95% of its capacity all week: expect long waits; service level falls steeply.",
      },
    ]);
  });

  it("says how many callers will hang up when the queue has patience", () => {
    const [warning] = offeredLoadWarnings(line({ perHour: 40, agents: 3, patience: "2m" }));
    // at least 1 - 3/4 of the offered work cannot be done
    expect(warning?.message).toBe(
      "L1 front line is offered 133% of its capacity: at least 25% of its contacts will hang up before an agent answers.",
    );
  });

  it("names the hours of the week where a live team is overloaded", () => {
    // weekdays twice the weekend volume, 09:00-12:00 three times a quiet hour; weights are
    // normalised to mean 1, so the weekday peak is perHour x (3 x 24/30) x (2 x 7/12) = 2.8 x perHour
    const hourly = Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 12 ? 3 : 1));
    const weekly = [2, 2, 2, 2, 2, 1, 1];
    const model = line({ perHour: 20, agents: 6, hourly, weekly });
    const load = teamLoads(model)[0]!;
    // 56 calls/h x 0.1 h = 5.6 Erlangs on 6 agents: 93%
    expect(load.offered[9]! / load.capacity[9]!).toBeCloseTo(0.9333, 3);
    expect(offeredLoadWarnings(model)).toEqual([
      {
        code: "high-load",
        team: "l1",
        message:
          "L1 front line at 93% of its capacity on weekdays 09:00-12:00: expect long waits; service level falls steeply.",
      },
    ]);
    const busier = line({ perHour: 25, agents: 6, hourly, weekly });
    // x 1.25: 117% on weekdays 09:00-12:00, 58% at weekend peaks
    expect(offeredLoadWarnings(busier)).toEqual([
      {
        code: "peak-overload",
        team: "l1",
        message:
          "L1 front line is offered 117% of its capacity on weekdays 09:00-12:00: the queue builds up during those hours.",
      },
    ]);
  });

  it("counts a chat slowdown against capacity", () => {
    // 3 chats at once, the third at 1.6 x: an agent gives at best 3 / 1.6 = 1.875 chats' worth
    const team = { concurrency: 3, concurrencySlowdown: [1, 1.25, 1.6] };
    const load = teamLoads(line({ perHour: 10, agents: 2, team }))[0]!;
    expect(load.capacity[0]).toBeCloseTo(2 * 1.875, 9);
    expect(teamLoads(line({ perHour: 10, agents: 2, team: { concurrency: 3 } }))[0]!.capacity[0]).toBe(6);
    // 40 chats/h x 0.1 h = 4 Erlangs: fine on 6 seats at full speed, too much with the slowdown
    expect(offeredLoadWarnings(line({ perHour: 40, agents: 2, team: { concurrency: 3 } }))).toEqual([]);
    expect(offeredLoadWarnings(line({ perHour: 40, agents: 2, team }))[0]?.message).toBe(
      "L1 front line is offered 107% of its capacity: the queue will grow without limit.",
    );
  });

  it("finds the offered load of a queue with reopen feedback", () => {
    // 10 contacts/h, 6 min each, 25% come back once more (and again): 10 / 0.75 x 0.1 h = 1.333 Erlangs
    const model = decodeModel({
      format: "flowcast/v1",
      teams: [{ id: "t", agents: 2 }],
      nodes: [
        { id: "in", kind: "channel", arrivals: { perHour: 10 } },
        { id: "w", kind: "work", team: "t", handleTime: "6m", outcomes: { done: 0.75, again: 0.25 } },
        { id: "end", kind: "end" },
      ],
      edges: edges("in -> w", "w:done -> end", "w:again -> w"),
    });
    expect(teamLoads(model)[0]!.offered[100]).toBeCloseTo(10 / 0.75 / 10, 6);
  });

  it("splits on an attribute threshold by the attribute's distribution", () => {
    // refund ~ exponential(mean 50): P(refund > 100) = e^-2; 36/h, 10 min each
    const model = decodeModel({
      format: "flowcast/v1",
      contactTypes: [{ id: "b", attributes: { refund: { dist: "exponential", mean: 50 } } }],
      teams: [
        { id: "big", agents: 2 },
        { id: "small", agents: 2 },
      ],
      nodes: [
        { id: "in", kind: "channel", arrivals: { perHour: 36 }, mix: { b: 1 } },
        { id: "r", kind: "route", rules: [{ if: { attributes: { refund: { gt: 100 } } }, port: "big" }] },
        { id: "wb", kind: "work", team: "big", handleTime: "10m", outcomes: { done: 1 } },
        { id: "ws", kind: "work", team: "small", handleTime: "10m", outcomes: { done: 1 } },
        { id: "end", kind: "end" },
      ],
      edges: edges("in -> r", "r:big -> wb", "r:otherwise -> ws", "wb:done -> end", "ws:done -> end"),
    });
    const [big, small] = teamLoads(model);
    expect(big!.offered[0]).toBeCloseTo((36 * Math.exp(-2)) / 6, 6);
    expect(small!.offered[0]).toBeCloseTo((36 * (1 - Math.exp(-2))) / 6, 6);
  });
});

describe("hours of the week in words", () => {
  const hours = (pick: (day: number, hour: number) => boolean) =>
    Array.from({ length: 168 }, (_, h) => pick(Math.floor(h / 24), h % 24));

  it("groups days with the same hours", () => {
    expect(describeWeekHours(hours((d, h) => d < 5 && h >= 9 && h < 12))).toBe("weekdays 09:00-12:00");
    expect(describeWeekHours(hours((_, h) => h >= 9 && h < 16))).toBe("every day 09:00-16:00");
    expect(describeWeekHours(hours((d, h) => d >= 5 && h >= 10 && h < 14))).toBe("weekends 10:00-14:00");
    expect(
      describeWeekHours(hours((d, h) => (d === 0 && ((h >= 9 && h < 11) || h === 15)) || (d === 5 && h === 10))),
    ).toBe("Mondays 09:00-11:00, 15:00-16:00 and Saturdays 10:00-11:00");
    expect(describeWeekHours(hours((d, h) => d === 6 && h >= 22))).toBe("Sundays 22:00-24:00");
    expect(describeWeekHours(hours(() => false))).toBe("");
  });

  it("names sets of days as people do", () => {
    expect(daysInWords([0, 1, 2, 3])).toBe("Monday to Thursday");
    expect(daysInWords([1, 3])).toBe("Tuesdays and Thursdays");
    expect(daysInWords([0, 2, 4])).toBe("Mon, Wed and Fri");
    expect(daysInWords([0, 1, 2, 3, 4])).toBe("weekdays");
  });
});

describe("overflow between pools", () => {
  /** 40 calls/h of 6 min (4 Erlangs) at L1 with `l1Agents`, overflowing to a pool of `poolAgents` whose handle time is 9 min. */
  function pooled(l1Agents: number, poolAgents: number, overflow = true): Model {
    return decodeModel({
      format: "flowcast/v1",
      teams: [
        { id: "l1", name: "L1 front line", agents: l1Agents },
        { id: "pool", name: "Backup pool", agents: poolAgents },
      ],
      nodes: [
        { id: "calls", kind: "channel", channel: "phone", arrivals: { perHour: 40 } },
        {
          id: "answer",
          kind: "work",
          team: "l1",
          handleTime: "6m",
          queue: overflow ? { overflow: { after: "30s", to: "backup" } } : {},
          outcomes: { resolved: 1 },
        },
        { id: "backup", kind: "work", team: "pool", handleTime: "9m", outcomes: { resolved: 1 } },
        { id: "done", kind: "end" },
      ],
      edges: edges("calls -> answer", "answer:resolved -> done", "backup:resolved -> done"),
    });
  }

  it("moves the first team's excess to the backup team at the backup's handle time", () => {
    const [l1, pool] = teamLoads(pooled(3, 4));
    // 4 Erlangs on 3 agents: 1 Erlang of 6-minute calls spills, worth 1.5 Erlangs of 9-minute ones
    expect(l1!.offered[10]).toBeCloseTo(3, 9);
    expect(pool!.offered[10]).toBeCloseTo(1.5, 9);
    expect(offeredLoadWarnings(pooled(3, 4))).toEqual([]);
  });

  it("warns about the backup team when the spill overloads it, not about the first team", () => {
    expect(offeredLoadWarnings(pooled(3, 1)).map((w) => [w.code, w.team])).toEqual([["overload", "pool"]]);
    // the same flow without overflow: the first team is the one overloaded
    expect(offeredLoadWarnings(pooled(3, 1, false)).map((w) => [w.code, w.team])).toEqual([["overload", "l1"]]);
  });

  it("moves nothing while the first team has room", () => {
    const [l1, pool] = teamLoads(pooled(5, 1));
    expect(l1!.offered[10]).toBeCloseTo(4, 9);
    expect(pool!.offered[10]).toBe(0);
  });
});
