import { describe, expect, it } from "vitest";
import { applyScenario, parseModel } from "../model";
import { agentHoursPerWeek, applyPlan, planAdditions, planCostPerWeek } from "./plan";

const parsed = parseModel({
  format: "flowcast/v1",
  teams: [
    { id: "fixed", agents: 4, costPerHour: 10 },
    { id: "shifts", costPerHour: 20, schedule: [{ days: ["mon", "tue"], from: "08:00", to: "12:00", agents: 2 }] },
  ],
});
if (!parsed.ok) throw new Error("fixture");
const model = parsed.model;

describe("staffing plans", () => {
  it("sets a headcount, or adds agents to every shift of a schedule", () => {
    const staffed = applyPlan(model, { fixed: 6, shifts: 1 });
    expect(staffed.teams[0]?.agents).toBe(6);
    expect(staffed.teams[1]?.schedule?.[0]?.agents).toBe(3);
    expect(model.teams[0]?.agents).toBe(4); // the model itself is untouched
  });

  it("costs agent-hours per week", () => {
    expect(agentHoursPerWeek(model.teams[1]!)).toBe(2 * 4 * 2);
    expect(planCostPerWeek(model, { fixed: 4, shifts: 0 })).toBe(4 * 168 * 10 + 16 * 20);
  });

  it("writes scenario amounts (add) that staff the flow the same way, and still add after the base changes", () => {
    const add = planAdditions(model, { fixed: 6, shifts: -1 });
    expect(add).toEqual({ "teams.fixed.agents": 2, "teams.shifts.schedule.0.agents": -1 });
    const applied = applyScenario({ ...model, scenarios: [{ id: "s", name: "", set: {}, add }] }, "s");
    expect(applied.ok && applied.model.teams.map((t) => t.agents)).toEqual([6, 1]);
    expect(applied.ok && applied.model.teams[1]?.schedule?.[0]?.agents).toBe(1);
    // "+2 agents" on a base that now has 5: 7, not the 6 a `set` would have frozen
    const grown = applyPlan(model, { fixed: 5 });
    const again = applyScenario({ ...grown, scenarios: [{ id: "s", name: "", set: {}, add }] }, "s");
    expect(again.ok && again.model.teams[0]?.agents).toBe(7);
  });

  it("adds no more than a shift has when taking agents away, and nothing for an unchanged team", () => {
    expect(planAdditions(model, { fixed: 4, shifts: -5 })).toEqual({ "teams.shifts.schedule.0.agents": -2 });
    expect(planAdditions(model, { fixed: 4, shifts: 0 })).toEqual({});
  });
});
