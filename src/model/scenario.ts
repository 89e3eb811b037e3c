/**
 * Scenarios: named "what if" changes to a flow, stored in the model as `set` overrides
 * ("teams.l1.agents": 14) and `scale` factors ("nodes.phone.arrivals.perHour": 1.4).
 * A path names things by id, not by position, so it survives reordering: the first segment
 * is a collection (nodes, edges, teams, contactTypes) or a top-level field (clock, csat),
 * then an id, then the field path inside it. Applying one is immutable (immer) and works on
 * the file form, so values are written as in a file ("6m").
 */
import { type Draft, produce } from "immer";
import type { Diagnostic } from "./diagnostics";
import { parseDuration } from "./duration";
import { encodeModel, type ParseResult, parseModel } from "./parse";
import type { Model, Scenario } from "./schema";

const COLLECTIONS = ["nodes", "edges", "teams", "contactTypes"] as const;

type Json = Record<string, unknown>;

/** Where a scenario path points: the object holding the value and the key, or why it points at nothing. */
export type PathTarget = { ok: true; parent: Json | unknown[]; key: string | number } | { ok: false; reason: string };

/**
 * Resolves a scenario path against the file form of a model. The last segment may name a
 * field that is not set yet (an optional field) as long as its parent exists.
 */
export function resolveScenarioPath(file: unknown, path: string): PathTarget {
  const segments = path.split(".").filter((s) => s.length > 0);
  if (segments.length < 2) return { ok: false, reason: `"${path}" is too short; write e.g. teams.l1.agents` };
  let current: unknown = file;
  let start = 0;
  const head = segments[0] as string;
  if ((COLLECTIONS as readonly string[]).includes(head)) {
    const id = segments[1] as string;
    const list = (file as Json)[head];
    const item = Array.isArray(list) ? list.find((x) => (x as Json)?.id === id) : undefined;
    if (!item) return { ok: false, reason: `there is no ${singular(head)} with id "${id}"` };
    if (segments.length === 2)
      return { ok: false, reason: `"${path}" names a whole ${singular(head)}, not one of its fields` };
    current = item;
    start = 2;
  }
  for (let i = start; i < segments.length - 1; i++) {
    const key = segments[i] as string;
    const next = indexInto(current, key);
    if (next === undefined || next === null || typeof next !== "object") {
      return { ok: false, reason: `"${segments.slice(0, i + 1).join(".")}" does not exist` };
    }
    current = next;
  }
  const last = segments[segments.length - 1] as string;
  if (current === null || typeof current !== "object") return { ok: false, reason: `"${path}" does not exist` };
  if (Array.isArray(current)) {
    const index = Number(last);
    if (!Number.isInteger(index) || index < 0 || index >= current.length) {
      return { ok: false, reason: `"${path}" is past the end of a list` };
    }
    return { ok: true, parent: current, key: index };
  }
  return { ok: true, parent: current as Json, key: last };
}

/** Problems with a scenario's paths, as diagnostics (empty when every path points at something). */
export function checkScenarioPaths(file: unknown, scenario: Scenario, index: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (field: "set" | "scale", path: string) => {
    const target = resolveScenarioPath(file, path);
    if (!target.ok) {
      out.push({
        severity: "error",
        message: `Scenario "${scenario.name || scenario.id}" (${scenario.id}) changes ${path}, which points at nothing: ${target.reason}.`,
        path: `scenarios[${index}].${field}.${path}`,
      });
    } else if (field === "scale") {
      const value = (target.parent as Record<string | number, unknown>)[target.key];
      if (toNumber(value) === undefined) {
        out.push({
          severity: "error",
          message: `Scenario "${scenario.name || scenario.id}" (${scenario.id}) scales ${path}, which is not a number.`,
          path: `scenarios[${index}].scale.${path}`,
        });
      }
    }
  };
  for (const path of Object.keys(scenario.set)) check("set", path);
  for (const path of Object.keys(scenario.scale ?? {})) check("scale", path);
  return out;
}

/**
 * Applies a scenario to a model and decodes the result: `{ ok: true, model }`, or the
 * diagnostics of a path that points at nothing or a value the format rejects. The model
 * passed in is never changed.
 */
export function applyScenario(model: Model, scenario: Scenario | string | undefined): ParseResult {
  if (scenario === undefined) return { ok: true, model };
  const found = typeof scenario === "string" ? model.scenarios.find((s) => s.id === scenario) : scenario;
  if (!found) {
    const known = model.scenarios.map((s) => s.id).join(", ") || "none";
    return {
      ok: false,
      diagnostics: [
        {
          severity: "error",
          message: `There is no scenario "${String(scenario)}"; this flow has: ${known}.`,
          path: "scenarios",
        },
      ],
    };
  }
  const index = model.scenarios.indexOf(found);
  const file = encodeModel(model);
  const problems = checkScenarioPaths(file, found, Math.max(index, 0));
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  const changed = produce(file as Json, (draft: Draft<Json>) => {
    for (const [path, value] of Object.entries(found.set)) {
      const target = resolveScenarioPath(draft, path);
      if (target.ok) (target.parent as Record<string | number, unknown>)[target.key] = structuredClone(value);
    }
    for (const [path, factor] of Object.entries(found.scale ?? {})) {
      const target = resolveScenarioPath(draft, path);
      if (!target.ok) continue;
      const holder = target.parent as Record<string | number, unknown>;
      const value = toNumber(holder[target.key]);
      if (value !== undefined) holder[target.key] = value * factor;
    }
  });
  const result = parseModel(changed);
  if (result.ok) return result;
  return {
    ok: false,
    diagnostics: result.diagnostics.map((d) => ({
      ...d,
      message: `With scenario "${found.name || found.id}": ${d.message}`,
    })),
  };
}

// helpers

function indexInto(value: unknown, key: string): unknown {
  if (Array.isArray(value)) {
    const index = Number(key);
    if (Number.isInteger(index)) return value[index];
    return value.find((x) => (x as Json)?.id === key);
  }
  if (value !== null && typeof value === "object") return (value as Json)[key];
  return undefined;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string") return parseDuration(value);
  return undefined;
}

function singular(collection: string): string {
  return { nodes: "node", edges: "edge", teams: "team", contactTypes: "contact type" }[collection] ?? collection;
}
