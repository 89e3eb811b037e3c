/**
 * The event trace (trace.ts): the exact log of a ticket's steps, agent indices within the
 * team, and a run with a sink gives the same figures as one without.
 */
import { describe, expect, it } from "vitest";
import { decodeModel, edges } from "../model/testing";
import { runReplication } from "./simulate";
import type { TraceEventKind, TraceSink } from "./trace";

/** calls -> L1 (escalates everything, structured note) -> L2 -> done; L2 has 2 agents. */
const escalating = decodeModel({
  format: "flowcast/v1",
  clock: { horizon: "2d", warmup: "1d" },
  contactTypes: [{ id: "billing" }],
  teams: [
    { id: "l1", agents: 3 },
    { id: "l2", agents: 2 },
  ],
  nodes: [
    { id: "calls", kind: "channel", arrivals: { perHour: 10 }, mix: { billing: 1 }, priority: { high: 1 } },
    { id: "l1-desk", kind: "work", team: "l1", handleTime: "60s", outcomes: { escalate: 1 } },
    { id: "esc", kind: "escalate", handoff: "structured", noteTime: "30s" },
    { id: "l2-desk", kind: "work", team: "l2", handleTime: "5m", outcomes: { resolved: 1 } },
    { id: "check", kind: "followUp", wait: "1h", outcomes: { confirmed: 1 } },
    { id: "done", kind: "end" },
  ],
  edges: edges(
    "calls -> l1-desk",
    "l1-desk:escalate -> esc",
    "esc -> l2-desk",
    "l2-desk:resolved -> check",
    "check:confirmed -> done",
  ),
});

interface Row {
  ticket: number;
  time: number;
  event: TraceEventKind;
  node: string;
  team: string;
  agent: number;
  priority: string;
  channel: string;
  contactType: string;
}

function collect(): { rows: Row[]; sink: TraceSink } {
  const rows: Row[] = [];
  return {
    rows,
    sink: {
      record: (ticket, time, event, node, team, agent, priority, channel, contactType) =>
        rows.push({ ticket, time, event, node, team, agent, priority, channel, contactType }),
    },
  };
}

describe("the event trace", () => {
  it("logs each step of a ticket in order, with its traits", () => {
    const { rows, sink } = collect();
    runReplication(escalating, 1, 0, undefined, sink);
    const first = rows.filter((r) => r.ticket === 0);
    expect(first.map((r) => [r.event, r.node, r.team])).toEqual([
      ["arrival", "calls", ""],
      ["queue", "l1-desk", "l1"],
      ["start", "l1-desk", "l1"],
      ["end", "l1-desk", "l1"],
      ["escalate", "esc", ""],
      ["queue", "l2-desk", "l2"],
      ["start", "l2-desk", "l2"],
      ["end", "l2-desk", "l2"],
      ["wait", "check", ""],
      ["close", "done", ""],
    ]);
    // handle 60 s + note 30 s at L1; nobody else is in the system for the first ticket
    const at = (event: TraceEventKind) => first.find((r) => r.event === event)!.time;
    expect(at("end") - at("arrival")).toBeCloseTo(90, 9);
    expect(at("close") - at("wait")).toBeCloseTo(3600, 9);
    expect(first.every((r) => r.priority === "high" && r.channel === "phone" && r.contactType === "billing")).toBe(
      true,
    );
  });

  it("names the agent of each start and end within its team, and no agent elsewhere", () => {
    const { rows, sink } = collect();
    runReplication(escalating, 3, 0, undefined, sink);
    const held = new Map<string, number>();
    for (const r of rows) {
      if (r.event === "start" || r.event === "end") {
        expect(r.agent).toBeGreaterThanOrEqual(0);
        expect(r.agent).toBeLessThan(r.team === "l1" ? 3 : 2);
        const key = `${r.team}:${r.agent}`;
        held.set(key, (held.get(key) ?? 0) + (r.event === "start" ? 1 : -1));
        // concurrency 1: an agent never holds two contacts
        expect(held.get(key)).toBeLessThanOrEqual(1);
        expect(held.get(key)).toBeGreaterThanOrEqual(0);
      } else expect(r.agent).toBe(-1);
    }
    const starts = rows.filter((r) => r.event === "start");
    const ends = new Map(rows.filter((r) => r.event === "end").map((r) => [`${r.ticket}:${r.node}`, r.agent]));
    for (const s of starts) {
      const end = ends.get(`${s.ticket}:${s.node}`);
      if (end !== undefined) expect(end).toBe(s.agent);
    }
    expect(new Set(starts.filter((r) => r.team === "l2").map((r) => r.agent))).toEqual(new Set([0, 1]));
  });

  it("does not change the figures of the run", () => {
    const { sink } = collect();
    const traced = runReplication(escalating, 2, 0, undefined, sink);
    const plain = runReplication(escalating, 2, 0);
    expect(traced).toEqual(plain);
  });
});
