/**
 * The shift side of `flowcast staff`: reading the rules file, the plan as a readable table,
 * and the flow with the plan added as a scenario (the user's file kept as written).
 */
import type { Model, Scenario } from "../model";
import type { StaffingDocument } from "../staff/document";
import { parseShiftRules, type ShiftRules, ShiftRulesError } from "../staff/shifts/rules";
import { labelsOf } from "./run";
import { readTextFile, UsageError } from "./shared";

/** Reads and checks RULES.json against the flow's planning interval; a UsageError names the file and field. */
export async function readShiftRules(path: string, model: Model): Promise<ShiftRules> {
  const text = await readTextFile(path);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  try {
    const rules = parseShiftRules(value, model.clock.intervalMinutes ?? 60);
    const unknown = Object.keys(rules.costPerHour).filter((id) => !model.teams.some((t) => t.id === id));
    if (unknown.length > 0) {
      throw new ShiftRulesError(
        `costPerHour.${unknown[0]}: there is no team "${unknown[0]}" in this flow; its teams are ${model.teams.map((t) => t.id).join(", ")}`,
      );
    }
    return rules;
  } catch (error) {
    if (error instanceof ShiftRulesError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}

/** The shift plan under the staffing table (empty without --shifts). */
export function formatShiftPlan(doc: StaffingDocument, model: Model): string {
  if (!doc.shifts || !doc.roster || !doc.coverage) return "";
  const labels = labelsOf(model);
  const lines = ["", `Shift plan — ${money(doc.roster.costPerWeek)} per week`];
  for (const [id, team] of Object.entries(doc.roster.teams)) {
    const cover = doc.coverage.teams[id];
    const over = cover ? cover.scheduled.reduce((sum, s, k) => sum + s - (cover.required[k] ?? 0), 0) : 0;
    lines.push(
      "",
      `${labels.teams?.[id] ?? id}: ${team.paidHoursPerWeek} paid hours, ${money(team.costPerWeek)} per week, ${team.headcount} people at ${doc.roster.daysPerWeek} days a week${team.optimal ? " (least cost, proved)" : ` (best found in the time limit${team.gap > 0 && team.gap < 1 ? `, at most ${(team.gap * 100).toFixed(1)}% above the least cost` : ""})`}; ${over * (doc.coverage.intervalMinutes / 60)} person-hours over the requirement`,
      "  day  start  end    hours  breaks             people",
    );
    for (const s of doc.shifts.filter((x) => x.team === id)) {
      lines.push(
        `  ${s.day}  ${s.start}  ${s.end}  ${String(s.hours).padStart(5)}  ${(s.breaks.map((b) => `${b.start}-${b.end}`).join(" ") || "—").padEnd(17)}  ${String(s.people).padStart(6)}`,
      );
    }
  }
  const people = doc.roster.people;
  if (people.length > 0) {
    lines.push(
      "",
      `Roster: ${people.length} people, each at most ${doc.roster.daysPerWeek} days a week (--roster OUT.csv writes it per person)`,
    );
  }
  lines.push(
    "",
    `Checked by simulation with the plan as the teams' schedules: ${doc.coverage.met ? "every target holds" : "a target is MISSED"}`,
    `  ${doc.coverage.note}`,
  );
  for (const t of doc.coverage.targets) lines.push(`  ${t.met ? "met   " : "MISSED"}  ${t.words ?? t.label}`);
  return `${lines.join("\n")}\n`;
}

/** The flow's JSON text with `scenario` added under `name` (an id not yet taken). */
export function withShiftScenario(flowText: string, scenario: Scenario, name: string): string {
  const flow = JSON.parse(flowText) as Record<string, unknown>;
  const scenarios: Record<string, unknown>[] = Array.isArray(flow.scenarios) ? flow.scenarios : [];
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "shift-plan";
  let id = base;
  for (let n = 2; scenarios.some((s) => s.id === id); n++) id = `${base}-${n}`;
  flow.scenarios = [...scenarios, { ...scenario, id, name }];
  return `${JSON.stringify(flow, null, 2)}\n`;
}

function money(x: number): string {
  return x.toLocaleString("en", { minimumFractionDigits: 0, maximumFractionDigits: 0 });
}
