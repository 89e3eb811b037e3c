/**
 * Overflow between pools after a wait (queue.overflow with `after` > 0), followed ticket by
 * ticket through the event trace: a contact still waiting at the first step `after` seconds
 * after joining moves to the backup step's queue, is served there with the backup's handle
 * time and leaves by the backup's outcomes; one answered in time never moves; the caller's
 * patience runs on across the move. (Overflow on arrival is checked against the exact Markov
 * chain in test/theory/overflow.test.ts.)
 */
import { describe, expect, it } from "vitest";
import type { Model } from "../model";
import { decodeModel, edges } from "../model/testing";
import { runReplication } from "./simulate";
import type { TraceEventKind, TraceSink } from "./trace";

const AFTER = 60;
const PATIENCE = 150;

function flow(): Model {
  return decodeModel({
    format: "flowcast/v1",
    clock: { horizon: "3d", warmup: "1d" },
    teams: [
      { id: "front", agents: 1 },
      { id: "pool", agents: 1 },
    ],
    nodes: [
      { id: "calls", kind: "channel", arrivals: { perHour: 10 } },
      {
        id: "first",
        kind: "work",
        team: "front",
        handleTime: "5m",
        queue: { patience: `${PATIENCE}s`, overflow: { after: `${AFTER}s`, to: "backup" } },
        outcomes: { resolved: 1 },
      },
      { id: "backup", kind: "work", team: "pool", handleTime: "2m", outcomes: { resolved: 1 } },
      { id: "done-first", kind: "end" },
      { id: "done-backup", kind: "end" },
      { id: "hung-up", kind: "end", status: "unresolved" },
    ],
    edges: edges(
      "calls -> first",
      "first:resolved -> done-first",
      "first:abandoned -> hung-up",
      "backup:resolved -> done-backup",
      "backup:abandoned -> hung-up",
    ),
  });
}

interface Row {
  time: number;
  event: TraceEventKind;
  node: string;
}

function traced(model: Model): { tickets: Map<number, Row[]>; result: ReturnType<typeof runReplication> } {
  const tickets = new Map<number, Row[]>();
  const sink: TraceSink = {
    record: (ticket, time, event, node) => {
      const rows = tickets.get(ticket) ?? [];
      rows.push({ time, event, node });
      tickets.set(ticket, rows);
    },
  };
  const result = runReplication(model, 5, 0, undefined, sink);
  return { tickets, result };
}

describe("overflow after a wait", () => {
  const model = flow();
  const { tickets, result } = traced(model);
  const closed = [...tickets.values()].filter((rows) => rows.at(-1)?.event === "close");
  const paths = closed.map((rows) => rows.map((r) => `${r.event} ${r.node}`).join(", "));

  it("moves contacts still waiting after the wait, and only those", () => {
    let moved = 0;
    for (const rows of closed) {
      const joined = rows.find((r) => r.event === "queue" && r.node === "first")!.time;
      const atBackup = rows.find((r) => r.event === "queue" && r.node === "backup");
      const startFirst = rows.find((r) => r.event === "start" && r.node === "first");
      if (atBackup) {
        moved++;
        expect(atBackup.time - joined).toBeCloseTo(AFTER, 9);
        expect(startFirst).toBeUndefined();
      } else if (startFirst) expect(startFirst.time - joined).toBeLessThanOrEqual(AFTER + 1e-9);
    }
    // enough of both kinds that the checks above mean something
    expect(moved).toBeGreaterThan(20);
    expect(closed.length - moved).toBeGreaterThan(100);
  });

  it("serves a moved contact with the backup's handle time and outcomes", () => {
    expect(paths).toContain("arrival calls, queue first, queue backup, start backup, end backup, close done-backup");
    for (const rows of closed) {
      const start = rows.find((r) => r.event === "start" && r.node === "backup");
      const end = rows.find((r) => r.event === "end" && r.node === "backup");
      if (start && end) {
        expect(end.time - start.time).toBeCloseTo(120, 9);
        expect(rows.at(-1)!.node).toBe("done-backup");
      }
    }
  });

  it("keeps the caller's patience across the move", () => {
    const hungUp = closed.filter((rows) => rows.some((r) => r.event === "abandon"));
    expect(hungUp.some((rows) => rows.find((r) => r.event === "abandon")!.node === "backup")).toBe(true);
    for (const rows of hungUp) {
      const joined = rows.find((r) => r.event === "queue" && r.node === "first")!.time;
      expect(rows.find((r) => r.event === "abandon")!.time - joined).toBeCloseTo(PATIENCE, 9);
    }
  });

  it("counts the contacts that overflowed at the first step and as entering the backup", () => {
    const first = model.nodes.findIndex((n) => n.id === "first");
    const backup = model.nodes.findIndex((n) => n.id === "backup");
    const overflowed = result.nodes.overflowed[first]!;
    expect(overflowed).toBeGreaterThan(0);
    expect(result.nodes.entered[backup]).toBe(overflowed);
    expect(result.nodes.overflowed[backup]).toBe(0);
  });
});
