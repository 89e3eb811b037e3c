/**
 * Records keyed by contact type (per-type deflection, handle times and outcomes) are read by
 * own key only: a contact type named like an Object.prototype member ("toString",
 * "constructor", "valueOf") that a record does not list gets the node's default, never the
 * inherited function.
 */
import { describe, expect, it } from "vitest";
import { PRIORITIES } from "../model";
import { decodeModel, edges } from "../model/testing";
import { compileModel, handleIndex, NORMAL_PRIORITY } from "./compile";
import { runReplication } from "./simulate";
import { workPerTicket } from "./ticketWork";

/** Three contact types; only "plain" has its own deflection, handle time and outcomes. */
const flow = decodeModel({
  format: "flowcast/v1",
  clock: { horizon: "4d", warmup: "1d" },
  contactTypes: [{ id: "toString" }, { id: "constructor" }, { id: "plain" }],
  teams: [{ id: "t", agents: 20 }],
  nodes: [
    {
      id: "in",
      kind: "channel",
      arrivals: { perHour: 30 },
      mix: { toString: 0.4, constructor: 0.3, plain: 0.3 },
    },
    { id: "bot", kind: "selfService", duration: { dist: "fixed", value: 60 }, deflection: { plain: 0.5 } },
    {
      id: "w",
      kind: "work",
      team: "t",
      handleTime: { dist: "fixed", value: 300 },
      handleTimeByType: { plain: { dist: "fixed", value: 600 } },
      outcomes: { resolved: 1 },
      outcomesByType: { plain: { resolved: 0.5, other: 0.5 } },
    },
    { id: "done", kind: "end" },
    { id: "elsewhere", kind: "end" },
  ],
  edges: edges("in -> bot", "bot:contact -> w", "bot:resolved -> done", "w:resolved -> done", "w:other -> elsewhere"),
});

describe("compiling records keyed by contact type", () => {
  const cm = compileModel(flow, flow.clock.horizon);
  const bot = cm.selfService[flow.nodes.findIndex((n) => n.id === "bot")]!;
  const work = cm.work[flow.nodes.findIndex((n) => n.id === "w")]!;
  const type = (id: string) => cm.typeIds.indexOf(id);

  it("gives a type the record does not list the default, even when its id is an Object.prototype name", () => {
    expect(bot.deflection[type("toString")]).toBe(0);
    expect(bot.deflection[type("constructor")]).toBe(0);
    expect(bot.deflection[type("plain")]).toBe(0.5);
    const handle = (id: string) => work.handle[handleIndex(type(id), NORMAL_PRIORITY)]!.mean;
    expect(handle("toString")).toBe(300);
    expect(handle("constructor")).toBe(300);
    expect(handle("plain")).toBe(600);
    // the node's own outcomes: one port, all of it
    expect(Array.from(work.outcomeCum[type("toString")]!)).toEqual([1]);
    expect(Array.from(work.outcomeCum[type("constructor")]!)).toEqual([1]);
    expect(work.outcomeCum[type("plain")]!.length).toBe(2);
  });

  it("runs such a flow, and the traffic equations read the same defaults", () => {
    const rep = runReplication(flow, 3, 0);
    expect(rep.unfinished).toBe(0);
    expect(rep.kpis.tickets).toBeGreaterThan(1000);
    // only "plain" (30% of contacts) is deflected, half the time: 15% of tickets
    expect(rep.kpis.deflectionRate).toBeGreaterThan(0.12);
    expect(rep.kpis.deflectionRate).toBeLessThan(0.18);
    // agent seconds per ticket: 0.4 x 300 + 0.3 x 300 + 0.3 x (1 - 0.5) x 600 = 300
    const channel = flow.nodes.find((n) => n.kind === "channel");
    if (channel?.kind !== "channel") throw new Error("fixture");
    const work = workPerTicket(flow, channel);
    expect((work.now.get("t") ?? 0) + (work.later.get("t") ?? 0)).toBeCloseTo(300, 9);
  });
});

describe("handle time per priority (issue 20)", () => {
  it("takes a contact type's own handle time first, then the priority's, then the step's", () => {
    const m = decodeModel({
      format: "flowcast/v1",
      contactTypes: [{ id: "plain" }, { id: "billing" }],
      teams: [{ id: "t", agents: 2 }],
      nodes: [
        {
          id: "in",
          kind: "channel",
          arrivals: { perHour: 1 },
          mix: { plain: 0.5, billing: 0.5 },
          priority: { urgent: 0.2, normal: 0.8 },
        },
        {
          id: "w",
          kind: "work",
          team: "t",
          handleTime: { dist: "fixed", value: 300 },
          handleTimeByType: { billing: { dist: "fixed", value: 600 } },
          handleTimeByPriority: { urgent: { dist: "fixed", value: 900 } },
          outcomes: { resolved: 1 },
        },
        { id: "done", kind: "end" },
      ],
      edges: edges("in -> w", "w:resolved -> done"),
    });
    const cm = compileModel(m, m.clock.horizon);
    const w = cm.work[1]!;
    const at = (type: string, priority: string) =>
      w.handle[handleIndex(cm.typeIds.indexOf(type), PRIORITIES.indexOf(priority as "urgent"))]!.mean;
    expect([at("plain", "urgent"), at("plain", "normal"), at("billing", "urgent"), at("billing", "low")]).toEqual([
      900, 300, 600, 600,
    ]);
    expect(w.handle[handleIndex(cm.nTypes, PRIORITIES.indexOf("urgent"))]!.mean).toBe(900);
    // The analytic estimate agrees: 0.5 x 600 + 0.5 x (0.2 x 900 + 0.8 x 300) = 510 seconds a ticket.
    const channel = m.nodes[0]!;
    if (channel.kind !== "channel") throw new Error("fixture");
    const work = workPerTicket(m, channel);
    expect((work.now.get("t") ?? 0) + (work.later.get("t") ?? 0)).toBeCloseTo(510, 9);
  });
});
