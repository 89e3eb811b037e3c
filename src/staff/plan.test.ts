import { describe, expect, it } from "vitest";
import { applyScenario, parseModel } from "../model";
import { agentHoursPerWeek, applyPlan, planCostPerWeek, planOverrides } from "./plan";

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

  it("writes scenario overrides that staff the flow the same way", () => {
    const set = planOverrides(model, { fixed: 6, shifts: -1 });
    expect(set).toEqual({ "teams.fixed.agents": 6, "teams.shifts.schedule.0.agents": 1 });
    const applied = applyScenario({ ...model, scenarios: [{ id: "s", name: "", set }] }, "s");
    expect(applied.ok && applied.model.teams.map((t) => t.agents)).toEqual([6, 1]);
    expect(applied.ok && applied.model.teams[1]?.schedule?.[0]?.agents).toBe(1);
  });
});
