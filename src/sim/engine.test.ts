/**
 * Customer-service semantics of the engine on small flows: attempts on loops back,
 * escalation hand-offs, self-service deflection, routing rules, lost contacts, and the
 * run API (invalid flows, progress, abort).
 */
import { describe, expect, it } from "vitest";
import type { Model } from "../model";
import { parseDuration } from "../model/duration";
import { decodeModel, edges } from "../model/testing";
import { prepareRun, runReplication, SimulationInputError, simulate } from "./simulate";

/** One agent desk: calls -> work (fixed 60 s) -> outcomes; extra nodes and edges appended. */
function desk(
  extra: { nodes?: unknown[]; edges?: unknown[]; outcomes?: Record<string, number>; clock?: unknown } = {},
): Model {
  return decodeModel({
    format: "flowcast/v1",
    clock: extra.clock ?? { horizon: "11d", warmup: "1d" },
    teams: [{ id: "t", agents: 5 }],
    nodes: [
      { id: "calls", kind: "channel", arrivals: { perHour: 20 } },
      { id: "desk", kind: "work", team: "t", handleTime: "60s", outcomes: extra.outcomes ?? { resolved: 1 } },
      { id: "done", kind: "end" },
      ...(extra.nodes ?? []),
    ],
    edges: [
      { id: "in", from: "calls", to: "desk" },
      { id: "ok", from: "desk", port: "resolved", to: "done" },
      ...(extra.edges ?? []),
    ],
  });
}

function decodeSeconds(text: string): number {
  const seconds = parseDuration(text);
  if (seconds === undefined) throw new Error(`bad duration ${text}`);
  return seconds;
}

describe("engine semantics", () => {
  it("counts a loop back as a new attempt (reopen rate) and breaks FCR", () => {
    const model = desk({
      outcomes: { resolved: 0.7, again: 0.3 },
      edges: [{ id: "loop", from: "desk", port: "again", to: "desk" }],
    });
    const rep = runReplication(model, 1, 0);
    // a ticket reopens with probability 0.3 (first pass); FCR = P(resolved on the first visit) = 0.7
    expect(Math.abs(rep.kpis.reopenRate - 0.3)).toBeLessThan(0.02);
    expect(Math.abs(rep.kpis.fcr - 0.7)).toBeLessThan(0.02);
  });

  it("counts open tickets past their priority's resolution target in backlogPastSla", () => {
    const withTarget = (target: string) => {
      const model = desk({
        nodes: [{ id: "wait", kind: "delay", duration: "2h" }],
        edges: [{ id: "w", from: "desk", port: "resolved", to: "wait" }],
      });
      const edges = model.edges.filter((e) => e.id !== "ok").concat({ id: "w2", from: "wait", to: "done" });
      return runReplication({ ...model, edges, resolutionTargets: { normal: decodeSeconds(target) } }, 1, 0);
    };
    // Every ticket is open for 2 h + ~60 s of handling. With a 3 h target none is ever past it.
    expect(withTarget("3h").kpis.backlogPastSla).toBe(0);
    // With a 1 h target each ticket spends all but its first hour past it, so by Little's law
    // backlog - backlogPastSla = arrival rate x 1 h = 20 tickets (±1.5: about 5 sd of the
    // empirical rate over 10 days of 20 tickets an hour).
    const rep = withTarget("1h");
    expect(Math.abs(rep.kpis.backlog - rep.kpis.backlogPastSla - 20)).toBeLessThan(1.5);
  });

  it("adds the structured hand-off note to the escalating agent's handle time", () => {
    const model = desk({
      outcomes: { resolved: 0.5, escalate: 0.5 },
      nodes: [{ id: "esc", kind: "escalate", handoff: "structured", noteTime: "120s" }],
      edges: [
        { id: "x1", from: "desk", port: "escalate", to: "esc" },
        { id: "x2", from: "esc", to: "done" },
      ],
    });
    const rep = runReplication(model, 1, 0);
    // mean service at the desk = 60 + 0.5 x 120 = 120 s: time-average in service = rate x 120 s
    const inService = rep.nodes.inServiceMean[1]!;
    expect(Math.abs(inService / ((20 / 3600) * 120) - 1)).toBeLessThan(0.05);
    expect(Math.abs(rep.kpis.escalationRate - 0.5)).toBeLessThan(0.03);
  });

  it("makes the next agent re-explain after a hand-off without context, and costs CSAT", () => {
    const model = desk({
      outcomes: { resolved: 0.5, escalate: 0.5 },
      nodes: [
        { id: "esc", kind: "escalate", handoff: "none", reexplainTime: "180s" },
        { id: "tier2", kind: "work", team: "t", handleTime: "60s", outcomes: { resolved: 1 } },
      ],
      edges: [
        { id: "x1", from: "desk", port: "escalate", to: "esc" },
        { id: "x2", from: "esc", to: "tier2" },
        { id: "x3", from: "tier2", port: "resolved", to: "done" },
      ],
    });
    const rep = runReplication(model, 1, 0);
    const tier2 = 4;
    expect(Math.abs(rep.nodes.inServiceMean[tier2]! / (0.5 * (20 / 3600) * 240) - 1)).toBeLessThan(0.06);
    // base 0.9; half the tickets lose 0.2: csat = 0.9 - 0.5 x 0.2 = 0.8
    expect(Math.abs(rep.kpis.csat - 0.8)).toBeLessThan(0.02);
  });

  it("deflects per contact type at self-service and routes by rules", () => {
    const model = decodeModel({
      format: "flowcast/v1",
      clock: { horizon: "11d", warmup: "1d" },
      contactTypes: [{ id: "reset" }, { id: "billing" }],
      teams: [{ id: "t", agents: 5 }],
      nodes: [
        {
          id: "web",
          kind: "channel",
          channel: "webform",
          arrivals: { perHour: 20 },
          mix: { reset: 0.5, billing: 0.5 },
        },
        { id: "bot", kind: "selfService", deflection: { reset: 0.6 }, duration: "30s" },
        { id: "triage", kind: "route", rules: [{ if: { contactType: "billing" }, port: "money" }] },
        { id: "money-desk", kind: "work", team: "t", handleTime: "60s", outcomes: { resolved: 1 } },
        { id: "desk", kind: "work", team: "t", handleTime: "60s", outcomes: { resolved: 1 } },
        { id: "done", kind: "end" },
      ],
      edges: edges(
        "web -> bot",
        "bot:resolved -> done",
        "bot:contact -> triage",
        "triage:money -> money-desk",
        "triage:otherwise -> desk",
        "money-desk:resolved -> done",
        "desk:resolved -> done",
      ),
    });
    const rep = runReplication(model, 2, 0);
    const tickets = rep.kpis.tickets;
    expect(Math.abs(rep.kpis.deflectionRate - 0.3)).toBeLessThan(0.02);
    // every billing contact goes to money-desk, the undeflected resets (20%) to desk
    expect(Math.abs(rep.nodes.entered[3]! / tickets - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(rep.nodes.entered[4]! / tickets - 0.2)).toBeLessThan(0.02);
  });

  it("loses a contact that abandons with no abandoned edge", () => {
    const model = decodeModel({
      format: "flowcast/v1",
      clock: { horizon: "6d", warmup: "1d" },
      teams: [{ id: "t", agents: 1 }],
      nodes: [
        { id: "calls", kind: "channel", arrivals: { perHour: 30 } },
        {
          id: "desk",
          kind: "work",
          team: "t",
          handleTime: { dist: "exponential", mean: "3m" },
          queue: { patience: { dist: "exponential", mean: "1m" } },
          outcomes: { resolved: 1 },
        },
        { id: "done", kind: "end" },
      ],
      edges: [
        { id: "in", from: "calls", to: "desk" },
        { id: "ok", from: "desk", port: "resolved", to: "done" },
      ],
    });
    const rep = runReplication(model, 1, 0);
    expect(rep.flow.lost).toBeGreaterThan(100);
    expect(rep.flow.closed + rep.flow.lost + rep.flow.open).toBe(rep.flow.created);
    expect(rep.kpis.abandonRate).toBeGreaterThan(0.2);
  });
});

describe("running a flow", () => {
  it("rejects an unknown scenario with diagnostics, not a crash", () => {
    const prepared = prepareRun(desk(), { scenario: "nope" });
    expect(prepared.ok).toBe(false);
    expect(() => simulate(desk(), { scenario: "nope" })).toThrow(SimulationInputError);
  });

  it("reports progress per replication and stops when aborted", () => {
    const model = desk({ clock: { horizon: "2d", warmup: "1d" } });
    const seen: number[] = [];
    const results = simulate(model, { replications: 3, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([1, 2, 3]);
    expect(results.replications).toBe(3);
    expect(results.replicationKpis.tickets).toHaveLength(3);
    const controller = new AbortController();
    expect(() =>
      simulate(model, { replications: 5, signal: controller.signal, onProgress: () => controller.abort() }),
    ).toThrow(/aborted/);
  });

  it("honours a horizon override", () => {
    const model = desk();
    const results = simulate(model, { replications: 2, horizonSeconds: 3 * 86400 });
    expect(results.horizonSeconds).toBe(3 * 86400);
    expect(results.series.backlog).toHaveLength(48);
  });
});
