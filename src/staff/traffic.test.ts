import { describe, expect, it } from "vitest";
import { jacksonPair, singleQueue } from "../../test/staff/flows";
import { parseModel } from "../model";
import type { Results } from "../sim/results";
import { erlangAgents, stableAgents } from "./erlangStart";
import { resolveTarget } from "./targets";
import { channelRatesAt, solveVisits, teamLoads } from "./traffic";

describe("offered load from the traffic equations", () => {
  it("counts feedback visits: lambda_a = 30/h / (1 - 0.25 x 0.2), lambda_b = lambda_a / 4", () => {
    const model = jacksonPair();
    const loads = teamLoads(model, solveVisits(model));
    const a = loads.get("a")!;
    const b = loads.get("b")!;
    expect(a.arrivalRate * 3600).toBeCloseTo(30 / 0.95, 9);
    expect(b.arrivalRate * 3600).toBeCloseTo(30 / 0.95 / 4, 9);
    expect(a.offeredAgents).toBeCloseTo(((30 / 0.95) * 360) / 3600, 9);
    expect(stableAgents(a)).toBe(4); // 3.16 Erlangs
  });

  it("starts an SL target at the Erlang C minimum and an abandonment target at the Erlang A one", () => {
    const model = singleQueue(40, 360, 180);
    const load = teamLoads(model, solveVisits(model)).get("a")!;
    const sl = resolveTarget({ kpi: "serviceLevel", node: "q", atLeast: 0.8 });
    const abandon = resolveTarget({ kpi: "abandonRate", atMost: 0.1 });
    // With 3 min patience, Erlang A: 5 agents answer 71.6% within 20 s, 6 answer 84.0%.
    expect(erlangAgents(load, [sl])).toBe(6);
    expect(erlangAgents(load, [abandon])).toBe(6);
    expect(erlangAgents(load, [])).toBe(stableAgents(load));
  });

  it("scales hours of the week by the hourly and weekly weights (normalised to mean 1)", () => {
    const model = singleQueue(24, 360);
    const channel = model.nodes[0]!;
    if (channel.kind !== "channel") throw new Error("fixture");
    channel.arrivals.hourly = Array.from({ length: 24 }, (_, h) => (h < 12 ? 0 : 2));
    const visits = solveVisits(model);
    expect(channelRatesAt(visits, 3)[0]).toBe(0);
    expect((channelRatesAt(visits, 24 + 13)[0] ?? 0) * 3600).toBeCloseTo(48, 9);
  });

  it("sends the share of contacts a run saw overflow to the overflow step, at its handle time", () => {
    const parsed = parseModel({
      format: "flowcast/v1",
      teams: [
        { id: "a", agents: 4 },
        { id: "b", agents: 2 },
      ],
      nodes: [
        { id: "calls", kind: "channel", arrivals: { perHour: 40 } },
        {
          id: "first",
          kind: "work",
          team: "a",
          handleTime: "6m",
          queue: { overflow: { after: "0s", to: "backup" } },
          outcomes: { resolved: 1 },
        },
        { id: "backup", kind: "work", team: "b", handleTime: "9m", outcomes: { resolved: 1 } },
        { id: "done", kind: "end" },
      ],
      edges: [
        { id: "in", from: "calls", to: "first" },
        { id: "x", from: "first", port: "resolved", to: "done" },
        { id: "y", from: "backup", port: "resolved", to: "done" },
      ],
    });
    if (!parsed.ok) throw new Error("fixture");
    const model = parsed.model;
    // before a run: everything is served at the first step
    expect(teamLoads(model, solveVisits(model)).get("b")!.arrivalRate).toBe(0);
    const observed = {
      nodes: { first: { kind: "work", entered: { mean: 1000 }, overflowed: { mean: 250 } } },
      edges: {},
    } as unknown as Results;
    const loads = teamLoads(model, solveVisits(model, observed));
    expect(loads.get("a")!.arrivalRate * 3600).toBeCloseTo(30, 9);
    expect(loads.get("b")!.arrivalRate * 3600).toBeCloseTo(10, 9);
    expect(loads.get("b")!.offeredAgents).toBeCloseTo((10 * 540) / 3600, 9);
  });
});
