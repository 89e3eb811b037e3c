/**
 * Schedules and priorities: nobody is served while nobody is staffed, staffing follows the
 * shifts on the flow's own calendar, and high-priority contacts wait less than others when
 * one team serves both queues.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/sim";
import { decode } from "./queueModels";

describe("a team on a weekly schedule", () => {
  // 2026-01-05 is a Monday. Emails arrive around the clock; the team works 09:00-17:00 on
  // weekdays; handle time is a fixed 60 s, so a contact started before 17:00 ends by 17:01.
  const model = decode({
    format: "flowcast/v1",
    clock: { start: "2026-01-05T00:00", horizon: "15d", warmup: "1d", seriesInterval: "1h" },
    teams: [
      {
        id: "office",
        schedule: [{ days: ["mon", "tue", "wed", "thu", "fri"], from: "09:00", to: "17:00", agents: 3 }],
      },
    ],
    nodes: [
      { id: "mail", kind: "channel", channel: "email", arrivals: { perHour: 20 } },
      { id: "answer", kind: "work", team: "office", handleTime: "60s", outcomes: { resolved: 1 } },
      { id: "done", kind: "end" },
    ],
    edges: [
      { id: "e1", from: "mail", to: "answer" },
      { id: "e2", from: "answer", port: "resolved", to: "done" },
    ],
  });
  const results = simulate(model, { seed: 4, replications: 2 });
  const staffed = results.series.staffed.office!;
  const utilization = results.series.utilization.office!;
  const queue = results.series.queue.answer!;

  it("staffs the shifts on the right days and hours", () => {
    // series points are hourly from the end of the warm-up: Tuesday 00:00
    const at = (day: number, hour: number) => staffed[day * 24 + hour];
    expect(at(0, 8)).toBe(0); // Tuesday 08:00
    expect(at(0, 9)).toBe(3); // Tuesday 09:00
    expect(at(0, 16)).toBe(3);
    expect(at(0, 17)).toBe(0);
    expect(at(4, 12)).toBe(0); // Saturday noon
    expect(at(5, 12)).toBe(0); // Sunday noon
    expect(at(6, 12)).toBe(3); // Monday noon
  });

  it("serves nobody while nobody is staffed", () => {
    let unstaffedHours = 0;
    for (let k = 1; k < staffed.length - 1; k++) {
      // hours that start and end unstaffed (an hour after a shift ends, contacts are done)
      if (staffed[k] === 0 && staffed[k + 1] === 0 && staffed[k - 1] === 0) {
        unstaffedHours++;
        expect(utilization[k], `hour ${k}`).toBe(0);
      }
    }
    expect(unstaffedHours).toBeGreaterThan(100);
    // the overnight queue builds up, and the morning shift clears it
    expect(queue[9 + 24 * 6 - 1]!).toBeGreaterThan(100); // Monday 08:00 after a weekend
    expect(queue[12]!).toBeLessThan(queue[8]!);
  });
});

describe("priorities", () => {
  // One team serves two queues, high-priority and normal contacts; the team is busy (90%).
  const flow = (discipline: "priority" | "fifo") =>
    decode({
      format: "flowcast/v1",
      clock: { horizon: "31d", warmup: "1d" },
      teams: [{ id: "desk", agents: 10 }],
      nodes: [
        { id: "calls", kind: "channel", arrivals: { perHour: 108 }, priority: { high: 0.3, normal: 0.7 } },
        { id: "split", kind: "route", rules: [{ if: { priority: "high" }, port: "vip" }] },
        {
          id: "vip-queue",
          kind: "work",
          team: "desk",
          handleTime: { dist: "exponential", mean: "5m" },
          queue: { discipline },
          outcomes: { resolved: 1 },
        },
        {
          id: "queue",
          kind: "work",
          team: "desk",
          handleTime: { dist: "exponential", mean: "5m" },
          queue: { discipline },
          outcomes: { resolved: 1 },
        },
        { id: "done", kind: "end" },
      ],
      edges: [
        { id: "e1", from: "calls", to: "split" },
        { id: "e2", from: "split", port: "vip", to: "vip-queue" },
        { id: "e3", from: "split", port: "otherwise", to: "queue" },
        { id: "e4", from: "vip-queue", port: "resolved", to: "done" },
        { id: "e5", from: "queue", port: "resolved", to: "done" },
      ],
    });

  it("makes high-priority contacts wait less", () => {
    const results = simulate(flow("priority"), { seed: 8, replications: 4 });
    const vip = results.nodes["vip-queue"]!.waitMean!;
    const normal = results.nodes.queue!.waitMean!;
    expect(results.nodes["vip-queue"]!.entered.mean).toBeGreaterThan(0.25 * results.kpis.tickets.mean);
    // intervals apart, and by a wide margin (priority queueing cuts the high class's wait
    // several-fold at 90% load)
    expect(vip.ci95[1]).toBeLessThan(normal.ci95[0]);
    expect(vip.mean).toBeLessThan(0.5 * normal.mean);
  });

  it("serves both classes alike when both queues are first-come first-served", () => {
    const results = simulate(flow("fifo"), { seed: 8, replications: 4 });
    const vip = results.nodes["vip-queue"]!.waitMean!.mean;
    const normal = results.nodes.queue!.waitMean!.mean;
    // oldest first across the two queues: same wait up to noise (15%)
    expect(Math.abs(vip - normal) / normal).toBeLessThan(0.15);
  });
});
