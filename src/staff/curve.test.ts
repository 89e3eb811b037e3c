import { describe, expect, it } from "vitest";
import { applyScenario, parseModel } from "../model";
import { curveScenario, curveSchedule, scheduledPerHour } from "./curve";

describe("staffing curve shifts", () => {
  it("merges equal hours into shifts per day and leaves zero hours out", () => {
    const agents = new Array<number>(168).fill(0);
    for (let h = 9; h < 17; h++) agents[h] = 2; // Monday 09-17
    agents[12] = 3; // Monday 12-13
    agents[6 * 24 + 23] = 1; // Sunday 23-24
    expect(curveSchedule(agents)).toEqual([
      { days: ["mon"], from: "09:00", to: "12:00", agents: 2 },
      { days: ["mon"], from: "12:00", to: "13:00", agents: 3 },
      { days: ["mon"], from: "13:00", to: "17:00", agents: 2 },
      { days: ["sun"], from: "23:00", to: "24:00", agents: 1 },
    ]);
  });

  it("reads a schedule back into the same hours, night shifts past midnight included", () => {
    const agents = new Array<number>(168).fill(0);
    agents[2 * 24 + 8] = 4;
    agents[2 * 24 + 9] = 4;
    expect(scheduledPerHour(curveSchedule(agents))).toEqual(agents);
    const night = scheduledPerHour([{ days: ["sun"], from: "22:00", to: "02:00", agents: 1 }]);
    expect([night[6 * 24 + 22], night[6 * 24 + 23], night[0], night[1], night[2]]).toEqual([1, 1, 1, 1, 0]);
  });

  it("gives shifts the flow format accepts, and a scenario that applies them", () => {
    const agents = new Array<number>(168).fill(1);
    const parsed = parseModel({ format: "flowcast/v1", teams: [{ id: "t", schedule: curveSchedule(agents) }] });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    agents[5] = 3;
    const scenario = curveScenario(parsed.model, "t", agents);
    const applied = applyScenario({ ...parsed.model, scenarios: [scenario] }, scenario.id);
    expect(applied.ok && scheduledPerHour(applied.model.teams[0]?.schedule ?? [])).toEqual(agents);
  });
});
