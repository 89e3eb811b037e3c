/**
 * The entries of a scenario as the inspector edits them: one row per `set`, `scale` and `add`
 * entry (in the order they apply), with the text shown and parsed back. Pure functions on a
 * scenario (or its immer draft), tested headless.
 *
 * A path is user input: every write under a path first passes `scenarioEntryProblem`, the
 * model's allow-list walk over the format (src/model/scenario.ts). A path that fails it is
 * never written, whatever the caller does, so a typed "__proto__.x" or "clock.constructor"
 * cannot reach an object's prototype.
 */
import type { Draft } from "immer";
import {
  parseDuration,
  resolveScenarioPath,
  type Scenario,
  type ScenarioField,
  scenarioEntryProblem,
} from "../../model";
import { parseNumberText } from "./fields";

/** One entry of a scenario as shown: its kind, path and value as text. */
export interface ScenarioRow {
  field: ScenarioField;
  path: string;
  text: string;
}

export const FIELD_CHIP: Record<ScenarioField, { symbol: string; title: string; valueLabel: string }> = {
  set: { symbol: "=", title: "set to a value", valueLabel: "Value" },
  scale: { symbol: "×", title: "multiply by a factor", valueLabel: "Factor" },
  add: { symbol: "+", title: "add an amount (a number, or a duration such as 5m)", valueLabel: "Amount" },
};

type S = Scenario | Draft<Scenario>;

/** The rows of a scenario: set, then scale, then add (the order they apply in). */
export function scenarioRows(scenario: S): ScenarioRow[] {
  return [
    ...Object.entries(scenario.set).map(([path, value]) => ({ field: "set" as const, path, text: setText(value) })),
    ...Object.entries(scenario.scale ?? {}).map(([path, v]) => ({ field: "scale" as const, path, text: String(v) })),
    ...Object.entries(scenario.add ?? {}).map(([path, v]) => ({ field: "add" as const, path, text: String(v) })),
  ];
}

/**
 * Why `to` cannot be the path of a `field` row (currently at `from`, undefined for a new
 * row) of this scenario: empty, already in the scenario, or refused by the model's path check.
 */
export function checkRowPath(
  file: unknown,
  scenario: S,
  field: ScenarioField,
  from: string | undefined,
  to: string,
): string | undefined {
  const path = to.trim();
  if (path === "") return "Path must not be empty";
  const record = entries(scenario, field);
  if (path !== from && record !== undefined && Object.hasOwn(record, path))
    return `"${path}" is already in this scenario`;
  return scenarioEntryProblem(file, field, path);
}

/** Parses the value text of a row: any JSON or a bare word for `set`, a factor ≥ 0, or a number or duration to add. */
export function parseRowValue(text: string, field: ScenarioField): { value?: unknown; message?: string } {
  const trimmed = text.trim();
  if (field === "scale") {
    const n = parseNumberText(trimmed, { min: 0 });
    return n.ok ? { value: n.value } : { message: "A factor is a number ≥ 0, e.g. 1.4" };
  }
  if (field === "add") {
    if (trimmed === "") return { message: "Enter an amount, e.g. 2 or 5m" };
    const n = Number(trimmed);
    if (Number.isFinite(n)) return { value: n };
    // A duration keeps its unit ("5m", "-30s"), as the user wrote it.
    if (parseDuration(trimmed) !== undefined) return { value: trimmed };
    return { message: "An amount is a number or a duration, e.g. 2, -1 or 5m" };
  }
  try {
    return { value: JSON.parse(text) };
  } catch {
    // A bare word or duration ("6m") is a string.
    return trimmed === "" ? { message: "Enter a value" } : { value: trimmed };
  }
}

/** Moves a row to path `to`, keeping the order; returns false (and changes nothing) when the path check refuses `to`. */
export function renameRow(file: unknown, s: Draft<Scenario>, field: ScenarioField, from: string, to: string): boolean {
  const path = to.trim();
  if (path === from) return true;
  if (checkRowPath(file, s, field, from, path) !== undefined) return false;
  const record = entries(s, field);
  if (record === undefined || !Object.hasOwn(record, from)) return false;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) out[key === from ? path : key] = value;
  replace(s, field, out);
  return true;
}

/** Sets a row's value (parsed by parseRowValue); returns false when the row's path fails the check or the value does not fit. */
export function setRowValue(
  file: unknown,
  s: Draft<Scenario>,
  field: ScenarioField,
  path: string,
  value: unknown,
): boolean {
  const record = entries(s, field);
  if (record === undefined || !Object.hasOwn(record, path)) return false;
  if (scenarioEntryProblem(file, field, path) !== undefined) return false;
  if (field === "scale" && (typeof value !== "number" || !(value >= 0))) return false;
  if (field === "add" && typeof value !== "number" && typeof value !== "string") return false;
  record[path] = value;
  return true;
}

/** Removes a row (and an emptied `scale`/`add` record, so the file stays as a person writes it). */
export function removeRow(s: Draft<Scenario>, field: ScenarioField, path: string): void {
  const record = entries(s, field);
  if (record === undefined || !Object.hasOwn(record, path)) return;
  delete record[path];
  if (field !== "set" && Object.keys(record).length === 0) delete s[field];
}

/**
 * Adds a row of kind `field` under the first path that passes the check and is not in the
 * scenario yet (a team's agents, a channel's arrivals per hour), with a value that changes
 * nothing until edited for `set` (the current value), 1 for `scale` and 1 for `add`. Returns
 * the path, or undefined when the flow has nothing such a row could change.
 */
export function addRow(file: unknown, s: Draft<Scenario>, field: ScenarioField): string | undefined {
  const path = defaultRowPath(file, s, field);
  if (path === undefined) return undefined;
  const value = field === "set" ? currentValue(file, path) : 1;
  if (field === "set") s.set[path] = value;
  else {
    const record: Record<string, number | string> = s[field] ?? {};
    record[path] = value as number;
    s[field] = record as Record<string, number>;
  }
  return path;
}

/** The path addRow would use (undefined: none is left). */
export function defaultRowPath(file: unknown, scenario: S, field: ScenarioField): string | undefined {
  const flow = (file ?? {}) as { teams?: { id?: unknown }[]; nodes?: { id?: unknown; kind?: unknown }[] };
  const teams = (flow.teams ?? []).map((t) => `teams.${String(t.id)}.agents`);
  const channels = (flow.nodes ?? [])
    .filter((n) => n.kind === "channel")
    .map((n) => `nodes.${String(n.id)}.arrivals.perHour`);
  const candidates = field === "scale" ? [...channels, ...teams] : [...teams, ...channels];
  return candidates.find((path) => checkRowPath(file, scenario, field, undefined, path) === undefined);
}

// helpers

function entries(s: S, field: ScenarioField): Record<string, unknown> | undefined {
  return field === "set" ? s.set : s[field];
}

function replace(s: Draft<Scenario>, field: ScenarioField, record: Record<string, unknown>): void {
  if (field === "set") s.set = record;
  else if (field === "scale") s.scale = record as Record<string, number>;
  else s.add = record as Record<string, number | string>;
}

/** The value a path holds in the file now (a `set` row that starts as a no-op). */
function currentValue(file: unknown, path: string): unknown {
  const target = resolveScenarioPath(file, path);
  if (!target.ok) return 1;
  const parent = target.parent as Record<string | number, unknown>;
  return Object.hasOwn(parent, target.key) ? structuredClone(parent[target.key]) : 1;
}

/** JSON, so a value reads back as the same type ("12" stays a string). */
function setText(value: unknown): string {
  return JSON.stringify(value) ?? "";
}
