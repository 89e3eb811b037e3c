/**
 * What the results say beyond the engine's arithmetic (issue 9): service level absent when
 * nothing has an answer target, short abandons left out of it, the chat slowdown applied by
 * chats held (checked on the exact event log), and warnings in the results document.
 */
import { describe, expect, it } from "vitest";
import type { Model } from "../model";
import { decodeModel } from "../model/testing";
import type { Results } from "./results";
import { runReplication, simulate } from "./simulate";
import type { TraceEventKind } from "./trace";

/** calls -> desk -> done, with the team and queue given. */
function desk(options: {
  perHour: number;
  team: Record<string, unknown>;
  handle: unknown;
  queue?: Record<string, unknown>;
  clock?: Record<string, unknown>;
}): Model {
  return decodeModel({
    format: "flowcast/v1",
    clock: options.clock ?? { horizon: "4d", warmup: "1d" },
    teams: [{ id: "t", name: "Front line", ...options.team }],
    nodes: [
      { id: "calls", kind: "channel", channel: "chat", arrivals: { perHour: options.perHour } },
      {
        id: "desk",
        kind: "work",
        team: "t",
        handleTime: options.handle,
        queue: options.queue ?? {},
        outcomes: { resolved: 1 },
      },
      { id: "done", kind: "end" },
      ...(options.queue?.patience ? [{ id: "gone", kind: "end", status: "unresolved" }] : []),
    ],
    edges: [
      { id: "in", from: "calls", to: "desk" },
      { id: "out", from: "desk", port: "resolved", to: "done" },
      ...(options.queue?.patience ? [{ id: "hung-up", from: "desk", port: "abandoned", to: "gone" }] : []),
    ],
  });
}

describe("service level", () => {
  it("is absent when no queue has an answer target, present when one has", () => {
    const without = simulate(desk({ perHour: 10, team: { agents: 2 }, handle: "6m" }), { replications: 2 });
    expectLeftOut(without, "serviceLevel");
    const withSla = simulate(desk({ perHour: 10, team: { agents: 2 }, handle: "6m", queue: { slaSeconds: 60 } }), {
      replications: 2,
    });
    expect(withSla.kpis.serviceLevel?.mean).toBeGreaterThan(0.5);
    expect(withSla.replicationKpis.serviceLevel).toHaveLength(2);
  });

  it("counts callers who hang up sooner than shortAbandonSeconds neither met nor missed", () => {
    // one agent busy an hour per call: nearly every caller hangs up after exactly 5 s; the
    // few answered at once meet the 20 s target
    const queue = { patience: "5s", slaSeconds: 20 };
    const short = runReplication(
      desk({ perHour: 10, team: { agents: 1 }, handle: "1h", queue: { ...queue, shortAbandonSeconds: 10 } }),
      1,
      0,
    );
    const desk1 = 1;
    expect(short.nodes.abandoned[desk1]).toBeGreaterThan(100);
    expect(short.nodes.shortAbandoned[desk1]).toBe(short.nodes.abandoned[desk1]);
    expect(short.nodes.serviceLevel[desk1]).toBe(1);
    // with a 3 s threshold the 5 s hang-ups count as missed, as before
    const counted = runReplication(
      desk({ perHour: 10, team: { agents: 1 }, handle: "1h", queue: { ...queue, shortAbandonSeconds: 3 } }),
      1,
      0,
    );
    const served = counted.nodes.served[desk1]!;
    expect(counted.nodes.shortAbandoned[desk1]).toBe(0);
    expect(counted.nodes.serviceLevel[desk1]).toBe(served / (served + counted.nodes.abandoned[desk1]!));
    // the abandon rate still counts every caller who hung up (docs/metrics.md)
    expect(short.kpis.abandonRate).toBe(counted.kpis.abandonRate);
  });
});

describe("abandonment", () => {
  it("is absent when no queue has a patience: nobody can hang up, which is not 0%", () => {
    const without = simulate(desk({ perHour: 10, team: { agents: 1 }, handle: "6m" }), { replications: 2 });
    expectLeftOut(without, "abandonRate");
    // the step's count of hang-ups is an event count, and genuinely 0
    expect(without.nodes.desk?.abandoned?.mean).toBe(0);
  });

  it("with a patience is the hang-ups over the contacts that joined that queue, counted by hand", () => {
    const model = desk({
      perHour: 10,
      team: { agents: 1 },
      handle: "6m",
      queue: { patience: "3m" },
      clock: { horizon: "1d", warmup: "0s" },
    });
    const run = simulate(model, { seed: 5, replications: 2 });
    const desk1 = 1;
    const shares = [0, 1].map((i) => {
      const rep = runReplication(model, 5, i);
      return rep.nodes.abandoned[desk1]! / rep.nodes.entered[desk1]!;
    });
    // one agent at 100% offered load with a 3-minute patience: a good share hang up
    expect(shares.every((s) => s > 0.1)).toBe(true);
    expect(run.replicationKpis.abandonRate).toEqual(shares);
    expect(run.kpis.abandonRate?.mean).toBeCloseTo((shares[0]! + shares[1]!) / 2, 12);
  });
});

describe("chat slowdown", () => {
  it("multiplies each chat's handle time by the factor for the chats its agent holds", () => {
    const factors = [1, 1.5, 2];
    const model = desk({
      perHour: 30,
      team: { agents: 2, concurrency: 3, concurrencySlowdown: factors },
      handle: "6m",
      clock: { horizon: "2d", warmup: "1d" },
    });
    const held = new Map<number, number>();
    const started = new Map<number, { time: number; factor: number }>();
    let checked = 0;
    const atStart = new Map<number, number>();
    runReplication(model, 4, 0, undefined, {
      record(ticket: number, time: number, event: TraceEventKind, _n: string, _t: string, agent: number) {
        if (event === "start") {
          const now = (held.get(agent) ?? 0) + 1;
          held.set(agent, now);
          expect(now).toBeLessThanOrEqual(3);
          started.set(ticket, { time, factor: factors[now - 1]! });
          atStart.set(now, (atStart.get(now) ?? 0) + 1);
        } else if (event === "end") {
          held.set(agent, held.get(agent)! - 1);
          const s = started.get(ticket)!;
          expect(time - s.time).toBeCloseTo(360 * s.factor, 6);
          checked++;
        }
      },
    });
    expect(checked).toBeGreaterThan(1000);
    // chats started as the first, second and third an agent holds all occur
    for (const k of [1, 2, 3]) expect(atStart.get(k), `started as chat ${k}`).toBeGreaterThan(10);
  });

  it("changes nothing when absent or all ones", () => {
    const plain = desk({ perHour: 30, team: { agents: 2, concurrency: 3 }, handle: "6m" });
    const ones = desk({ perHour: 30, team: { agents: 2, concurrency: 3, concurrencySlowdown: [1, 1] }, handle: "6m" });
    expect(runReplication(ones, 2, 0)).toEqual(runReplication(plain, 2, 0));
  });
});

describe("warnings in the results", () => {
  it("flags an overloaded flow before the run and its growing backlog after it", () => {
    // 40 chats/h x 6 min on 3 agents: 133% offered load, nobody hangs up; three whole weeks
    const results = simulate(
      desk({ perHour: 40, team: { agents: 3 }, handle: "6m", clock: { horizon: "22d", warmup: "1d" } }),
      {
        replications: 2,
      },
    );
    expect(results.warnings?.map((w) => w.code)).toEqual(["overload", "backlog-growing"]);
    expect(results.warnings?.[0]?.message).toBe(
      "Front line is offered 133% of its capacity: the queue will grow without limit.",
    );
    expect(results.warnings?.[1]?.message).toMatch(
      /^The backlog grew every week of the run, from about \d+ to \d+ open tickets/,
    );
  });

  it("has none for a flow at 87% load (long waits are warned of from 90%)", () => {
    const results = simulate(
      desk({ perHour: 26, team: { agents: 3 }, handle: "6m", clock: { horizon: "22d", warmup: "1d" } }),
      {
        replications: 2,
      },
    );
    expect(results.warnings).toEqual([]);
    expect(results.unfinished).toEqual({ mean: 0, ci95: [0, 0] });
  });
});

/** A KPI the flow cannot measure is left out of the results (and their JSON), never written as 0. */
function expectLeftOut(results: Results, kpi: "serviceLevel" | "abandonRate"): void {
  expect(results.kpis[kpi]).toBeUndefined();
  expect(results.replicationKpis[kpi]).toBeUndefined();
  expect(kpi in JSON.parse(JSON.stringify(results.kpis))).toBe(false);
}
