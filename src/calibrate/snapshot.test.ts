import { describe, expect, it } from "vitest";
import type { Role } from "../io/eventlog/roles";
import type { ModelFile } from "../model/schema";
import { LogAnalysis } from "./analyze";
import { TraceAnalysis } from "./simulated";
import { addPickupDelays, isSnapshotLog } from "./snapshot";
import { summarize } from "./summarize";

const H = 3_600_000;

function analysis(rows: [string, number, Role, string][]): LogAnalysis {
  const a = new LogAnalysis();
  for (const [ticket, hour, role, team] of rows) a.event(ticket, hour * H, role, team, "ann", "", "", 0);
  a.finish();
  return a;
}

describe("snapshot logs", () => {
  it("a log whose work states end with the next status is a snapshot log; one with end events is not", () => {
    const snapshot = analysis([
      ["A", 0, "queued", "l1"],
      ["A", 1, "work", "l1"],
      ["A", 30, "closed", "l1"],
    ]);
    // Ann on shift in the hours she touched it (1 and 30): 29 hours of "work" cannot be hers.
    expect(isSnapshotLog(snapshot, summarize(snapshot, snapshot.teams.list))).toBe(true);
    const lifecycle = analysis([
      ["A", 0, "queued", "l1"],
      ["A", 1, "work", "l1"],
      ["A", 1.2, "done", "l1"],
      ["A", 1.2, "closed", "l1"],
    ]);
    expect(isSnapshotLog(lifecycle, summarize(lifecycle, lifecycle.teams.list))).toBe(false);
  });

  it("a ticket table's work ended by its handle time (then a wait) is agent time, not a snapshot", () => {
    const table = analysis([
      ["A", 0, "queued", "l1"],
      ["A", 1, "work", "l1"],
      ["A", 1.5, "wait", "l1"],
      ["A", 30, "closed", "l1"],
    ]);
    expect(isSnapshotLog(table, summarize(table, table.teams.list))).toBe(false);
  });

  it("books the time queued before each visit, a reassignment while queued keeping the clock", () => {
    const a = analysis([
      ["A", 0, "queued", "l1"],
      ["A", 2, "queued", "l2"], // passed on before anyone worked it
      ["A", 5, "work", "l2"],
      ["A", 6, "work", "l1"], // straight from l2: no queue
      ["A", 9, "closed", "l1"],
    ]);
    const l1 = a.teams.list.indexOf("l1");
    const l2 = a.teams.list.indexOf("l2");
    expect(a.pickup[l2]!.sorted()).toEqual([5 * 3600]);
    expect(a.pickup[l1]!.sorted()).toEqual([0]);
  });

  it("puts the pickup delay on every way into the team's work step", () => {
    const a = analysis([
      ["A", 0, "queued", "l1"],
      ["A", 2, "work", "l1"],
      ["A", 3, "closed", "l1"],
    ]);
    const model: ModelFile = {
      format: "flowcast/v1",
      name: "t",
      teams: [{ id: "l1", name: "l1", tier: 1, agents: 1 }],
      nodes: [
        { id: "ch", kind: "channel", label: "c", channel: "phone", arrivals: { perHour: 1 } },
        { id: "work-l1", kind: "work", label: "w", team: "l1", handleTime: { dist: "fixed", value: 60 } },
        { id: "end", kind: "end", label: "e" },
      ],
      edges: [
        { id: "e1", from: "ch", to: "work-l1" },
        { id: "e2", from: "work-l1", to: "work-l1", port: "repeat" },
        { id: "e3", from: "work-l1", to: "end", port: "resolved" },
      ],
    } as ModelFile;
    const out = addPickupDelays(model, a);
    const pickup = out.nodes!.find((n) => n.id === "pickup-l1");
    expect(pickup).toMatchObject({ kind: "delay", label: "Waiting for l1 to pick it up" });
    // One value: the empirical distribution of the one sample, 2 hours.
    expect(JSON.stringify(pickup)).toMatch(/7200/);
    expect(out.edges!.map((e) => `${e.from}>${e.to}`)).toEqual([
      "ch>pickup-l1",
      "work-l1>pickup-l1",
      "work-l1>end",
      "pickup-l1>work-l1",
    ]);
  });
});

describe("a calibrated flow's trace read like the log", () => {
  it("a loop back to a team is not a reopen; the visit after a 'Closed until reopened' delay is", () => {
    const traced = new TraceAnalysis(new Map([["l1", "L1"]]), "2026-01-05T00:00");
    const sink = traced.sinkFor(0);
    const rec = (ticket: number, minutes: number, event: string, node: string, team = "") =>
      sink.record(ticket, minutes * 60, event as "start", node, team, team ? 0 : -1, "", "", "");
    // Ticket 1: worked twice in a row (the engine says "reopen" on the loop), then closed.
    rec(1, 0, "arrival", "ch");
    rec(1, 0, "queue", "work-l1", "l1");
    rec(1, 0, "start", "work-l1", "l1");
    rec(1, 10, "end", "work-l1", "l1");
    rec(1, 10, "wait", "pickup-l1");
    rec(1, 20, "reopen", "work-l1");
    rec(1, 20, "queue", "work-l1", "l1");
    rec(1, 20, "start", "work-l1", "l1");
    rec(1, 30, "end", "work-l1", "l1");
    rec(1, 30, "close", "end");
    // Ticket 2: closed, then active again.
    rec(2, 0, "arrival", "ch");
    rec(2, 0, "queue", "work-l1", "l1");
    rec(2, 0, "start", "work-l1", "l1");
    rec(2, 10, "end", "work-l1", "l1");
    rec(2, 10, "wait", "reopen-l1");
    rec(2, 100, "reopen", "work-l1");
    rec(2, 100, "queue", "work-l1", "l1");
    rec(2, 100, "start", "work-l1", "l1");
    rec(2, 110, "end", "work-l1", "l1");
    rec(2, 110, "close", "end");
    const tickets = traced.analysis.tickets;
    const one = tickets.get("0:1")!;
    expect(one.reopenMarked).toBe(false);
    expect(one.visits.map((v) => v.link)).toEqual([0, 1]); // first, direct
    const two = tickets.get("0:2")!;
    expect(two.visits.map((v) => v.link)).toEqual([0, 3]); // first, after closure
  });
});
