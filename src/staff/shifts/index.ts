/** Shift plans from a per-interval requirement (docs/staffing.md, "Shifts and rosters"). */

export { assignPeople, type Person, peopleCsv } from "./people";
export { type PlannedShift, planShifts, type ShiftPlan, type TeamCoverage, type TeamFacts } from "./plan";
export { planScenario, planSchedules, rosterCsv } from "./roster";
export { parseShiftRules, type ShiftRules, ShiftRulesError } from "./rules";
export { MAX_PLAN_ROUNDS, type ShiftStep, staffWithShifts } from "./staffWithShifts";
