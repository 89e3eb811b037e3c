import { describe, expect, it } from "vitest";
import { applyScenario } from "../../model";
import { FlowStore } from "../state/store";
import { deskModel } from "./results.fixture";
import { addScenarioRecipe, emptyWhatIf, isEmptyScenario, slugOf, whatIfToScenario } from "./whatIf";

describe("whatIfToScenario", () => {
  it("turns +2 L1 agents and volume +20% into add and scale overrides (issue 9: stored as said)", () => {
    const model = deskModel();
    const scenario = whatIfToScenario(model, {
      ...emptyWhatIf("+2 L1 agents"),
      agentsDelta: { l1: 2, l2: 0 },
      volumePercent: 120,
    });
    // "plus2" is taken by the fixture's own scenario; this one is "plus2-l1-agents".
    expect(scenario).toEqual({
      id: "plus2-l1-agents",
      name: "+2 L1 agents",
      set: {},
      scale: { "nodes.phone.arrivals.perHour": 1.2 },
      add: { "teams.l1.agents": 2 },
    });
    const applied = applyScenario({ ...model, scenarios: [scenario] }, scenario.id);
    expect(applied.ok && applied.model.teams[0]?.agents).toBe(14);
    expect(applied.ok && (applied.model.nodes[0] as { arrivals: { perHour: number } }).arrivals.perHour).toBeCloseTo(
      72,
      10,
    );
  });

  it("reshapes outcomes so they still sum to 1 and sets hand-off modes", () => {
    const model = deskModel();
    const scenario = whatIfToScenario(model, {
      ...emptyWhatIf("Better L1"),
      resolvedShare: { "l1-phone": 0.9 },
      handoff: { esc: "none" },
    });
    const outcomes = scenario.set["nodes.l1-phone.outcomes"] as Record<string, number>;
    expect(outcomes.resolved).toBe(0.9);
    expect(outcomes.escalate).toBeCloseTo(0.1, 12);
    expect(scenario.set["nodes.esc.handoff"]).toBe("none");
    const applied = applyScenario({ ...model, scenarios: [scenario] }, scenario.id);
    expect(applied.ok).toBe(true);
  });

  it("writes nothing for values left as in the flow", () => {
    const scenario = whatIfToScenario(deskModel(), {
      ...emptyWhatIf(),
      handoff: { esc: "structured" },
      agentsDelta: { l1: 0 },
    });
    expect(isEmptyScenario(scenario)).toBe(true);
    expect(scenario.id).toBe("what-if");
  });
});

describe("addScenarioRecipe", () => {
  it("adds the scenario as one undoable, redoable edit", () => {
    const store = new FlowStore(deskModel());
    const scenario = whatIfToScenario(store.getState().model, { ...emptyWhatIf("+2 L1"), agentsDelta: { l1: 2 } });
    store.edit("Add scenario", addScenarioRecipe(scenario));
    expect(store.getState().model.scenarios.map((s) => s.id)).toEqual(["plus2", "plus2-l1"]);
    store.undo();
    expect(store.getState().model.scenarios.map((s) => s.id)).toEqual(["plus2"]);
    store.redo();
    expect(store.getState().model.scenarios[1]?.add).toEqual({ "teams.l1.agents": 2 });
  });

  it("keeps meaning +2 agents after the base flow's staffing changes (issue 9)", () => {
    const model = deskModel();
    const scenario = whatIfToScenario(model, { ...emptyWhatIf("+2 L1"), agentsDelta: { l1: 2 } });
    const changed = { ...model, teams: model.teams.map((t) => (t.id === "l1" ? { ...t, agents: 3 } : t)) };
    const applied = applyScenario({ ...changed, scenarios: [scenario] }, scenario.id);
    expect(applied.ok && applied.model.teams.find((t) => t.id === "l1")?.agents).toBe(5);
  });
});

describe("slugOf", () => {
  it("makes ids from names", () => {
    expect(slugOf("+2 L1 agents")).toBe("plus2-l1-agents");
    expect(slugOf("Volume 140%")).toBe("volume-140pct");
    expect(slugOf("!!!")).toBe("scenario");
  });
});
