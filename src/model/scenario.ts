/**
 * Scenarios: named "what if" changes to a flow, stored in the model as `set` overrides
 * ("teams.l1.agents": 14), `scale` factors ("nodes.phone.arrivals.perHour": 1.4) and `add`
 * amounts ("teams.l1.agents": 2), applied in that order. A path names things by id, not by
 * position, so it survives reordering: the first segment is a collection (nodes, edges,
 * teams, contactTypes) or a top-level field (clock, csat), then an id, then the field path
 * inside it. Applying one is immutable (immer) and works on the file form, so values are
 * written as in a file ("6m").
 *
 * Paths are user input: each segment is checked against the zod schema of the format (an
 * allow-list), so a path can only name a real field, a list item or a record key the
 * format allows; "__proto__", "constructor" and "prototype" never name anything.
 */
import { type Draft, produce } from "immer";
import type { z } from "zod";
import type { Diagnostic } from "./diagnostics";
import { formatDuration, parseDuration } from "./duration";
import { encodeModel, type ParseResult, parseModel } from "./parse";
import { Model, type Scenario } from "./schema";

const COLLECTIONS = ["nodes", "edges", "teams", "contactTypes"] as const;
/** Top-level fields a scenario may not change: what the file is, and the scenarios themselves. */
const FIXED_FIELDS = ["format", "scenarios"];
/** Keys that reach an object's prototype machinery: never a field, whatever the schema says. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

type Json = Record<string, unknown>;
type Schema = z.core.$ZodType;
/** The three kinds of scenario entry, applied in this order. */
export type ScenarioField = "set" | "scale" | "add";

/** Where a scenario path points: the object holding the value and the key, or why it points at nothing. */
export type PathTarget = { ok: true; parent: Json | unknown[]; key: string | number } | { ok: false; reason: string };

/**
 * Resolves a scenario path against the file form of a model. The last segment may name a
 * field that is not set yet (an optional field) as long as its parent exists. Every segment
 * must be a field of the format at that place (see the module comment).
 */
export function resolveScenarioPath(file: unknown, path: string): PathTarget {
  const segments = path.split(".").filter((s) => s.length > 0);
  if (segments.length < 2) return { ok: false, reason: `"${path}" is too short; write e.g. teams.l1.agents` };
  const forbidden = segments.find((s) => FORBIDDEN_KEYS.has(s));
  if (forbidden !== undefined) return { ok: false, reason: `"${forbidden}" is not a field of a flow` };
  const head = segments[0] as string;
  if (FIXED_FIELDS.includes(head)) return { ok: false, reason: `a scenario cannot change "${head}"` };
  let current: unknown = file;
  let schema: Schema = Model;
  for (let i = 0; i < segments.length; i++) {
    const key = segments[i] as string;
    const last = i === segments.length - 1;
    const where = segments.slice(0, i + 1).join(".");
    const step = stepInto(schema, current, key);
    if (!step) {
      const place = i === 0 ? "a flow" : `"${segments.slice(0, i).join(".")}"`;
      return { ok: false, reason: `"${key}" is not a field of ${place}` };
    }
    if (step.kind === "item" && !step.found) {
      const collection = segments[i - 1] as string;
      if (i === 1 && (COLLECTIONS as readonly string[]).includes(collection))
        return { ok: false, reason: `there is no ${singular(collection)} with id "${key}"` };
      return { ok: false, reason: `"${where}" is past the end of a list` };
    }
    if (last) {
      if (i === 1 && (COLLECTIONS as readonly string[]).includes(head))
        return { ok: false, reason: `"${path}" names a whole ${singular(head)}, not one of its fields` };
      return { ok: true, parent: current as Json | unknown[], key: step.key };
    }
    const next = step.value;
    if (next === null || typeof next !== "object") return { ok: false, reason: `"${where}" does not exist` };
    current = next;
    schema = step.schema;
  }
  return { ok: false, reason: `"${path}" does not exist` };
}

/** Problems with a scenario's paths, as diagnostics (empty when every path points at something). */
export function checkScenarioPaths(file: unknown, scenario: Scenario, index: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const name = `Scenario "${scenario.name || scenario.id}" (${scenario.id})`;
  const check = (field: ScenarioField, path: string) => {
    const target = resolveScenarioPath(file, path);
    if (!target.ok) {
      out.push({
        severity: "error",
        message: `${name} changes ${path}, which points at nothing: ${target.reason}.`,
        path: `scenarios[${index}].${field}.${path}`,
      });
    } else if (field !== "set" && !holdsNumber(target)) {
      out.push({
        severity: "error",
        message: `${name} ${field === "scale" ? "scales" : "adds to"} ${path}, which is not a number.`,
        path: `scenarios[${index}].${field}.${path}`,
      });
    }
  };
  for (const path of Object.keys(scenario.set)) check("set", path);
  for (const path of Object.keys(scenario.scale ?? {})) check("scale", path);
  for (const [path, amount] of Object.entries(scenario.add ?? {})) {
    check("add", path);
    if (toNumber(amount) === undefined) {
      out.push({
        severity: "error",
        message: `${name} adds ${JSON.stringify(amount)} to ${path}; give a number or a duration such as "5m".`,
        path: `scenarios[${index}].add.${path}`,
      });
    }
  }
  return out;
}

/**
 * Why a scenario entry of kind `field` cannot change `path` in this file (undefined when it
 * can): the path points at nothing, or a `scale`/`add` entry names something that is not a
 * number or duration. The one check behind every path a person types (the app's scenario
 * rows), so nothing is written under a key that fails it.
 */
export function scenarioEntryProblem(file: unknown, field: ScenarioField, path: string): string | undefined {
  const target = resolveScenarioPath(file, path);
  if (!target.ok) return target.reason;
  if (field !== "set" && !holdsNumber(target))
    return `"${path}" is not a number here, so it cannot be ${field === "scale" ? "scaled" : "added to"}`;
  return undefined;
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
      if (target.ok) assign(target.parent, target.key, structuredClone(value));
    }
    for (const [path, factor] of Object.entries(found.scale ?? {})) {
      const target = resolveScenarioPath(draft, path);
      const value = target.ok ? toNumber(ownValue(target.parent, target.key)) : undefined;
      if (target.ok && value !== undefined) assign(target.parent, target.key, value * factor);
    }
    for (const [path, amount] of Object.entries(found.add ?? {})) {
      const target = resolveScenarioPath(draft, path);
      if (!target.ok) continue;
      const before = ownValue(target.parent, target.key);
      const value = toNumber(before);
      const delta = toNumber(amount);
      if (value === undefined || delta === undefined) continue;
      // A duration written with a unit stays one ("6m" + "1m" -> "7m").
      const sum = value + delta;
      assign(target.parent, target.key, typeof before === "string" ? formatDuration(sum) : sum);
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

type Step =
  | { kind: "field"; key: string; value: unknown; schema: Schema }
  | { kind: "item"; key: number; found: boolean; value: unknown; schema: Schema };

/**
 * One segment of a path: the value and schema it leads to, or undefined when `key` is not
 * something the schema allows at this place. Lists are entered by id or by position.
 */
function stepInto(schema: Schema, value: unknown, key: string): Step | undefined {
  for (const option of shapesOf(schema, value)) {
    const def = option._zod.def as unknown as Json;
    switch (def.type) {
      case "object": {
        const shape = def.shape as Record<string, Schema>;
        if (!Object.hasOwn(shape, key)) continue;
        return { kind: "field", key, value: ownValue(value, key), schema: shape[key] as Schema };
      }
      case "record": {
        const keyType = def.keyType as z.ZodType;
        if (!keyType.safeParse(key).success) continue;
        return { kind: "field", key, value: ownValue(value, key), schema: def.valueType as Schema };
      }
      case "array": {
        if (!Array.isArray(value)) continue;
        const element = def.element as Schema;
        if (/^\d+$/.test(key)) {
          const index = Number(key);
          return { kind: "item", key: index, found: index < value.length, value: value[index], schema: element };
        }
        const index = value.findIndex((x) => x !== null && typeof x === "object" && (x as Json).id === key);
        return { kind: "item", key: index, found: index >= 0, value: value[index], schema: element };
      }
    }
  }
  return undefined;
}

/**
 * The object, record and list schemas `schema` may stand for, given the value found there:
 * wrappers (optional, default, lazy, codecs) are looked through, and of a union only the
 * options that fit the value (for a discriminated union, the one its discriminator names).
 */
function shapesOf(schema: Schema, value: unknown, depth = 0): Schema[] {
  if (depth > 20) return [];
  const def = schema._zod.def as unknown as Json;
  switch (def.type) {
    case "object":
    case "record":
    case "array":
      return [schema];
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "nonoptional":
    case "catch":
      return shapesOf(def.innerType as Schema, value, depth + 1);
    case "lazy":
      return shapesOf((def.getter as () => Schema)(), value, depth + 1);
    case "pipe":
      // The file side of a codec is its input.
      return shapesOf(def.in as Schema, value, depth + 1);
    case "union": {
      const options = def.options as Schema[];
      const discriminator = def.discriminator as string | undefined;
      if (discriminator && value !== null && typeof value === "object" && !Array.isArray(value)) {
        const tag = ownValue(value, discriminator);
        const chosen = options.filter((o) => {
          const shape = (o._zod.def as unknown as { shape?: Record<string, Schema> }).shape;
          const literal = shape?.[discriminator]?._zod.def as unknown as { values?: unknown[] } | undefined;
          return literal?.values?.includes(tag);
        });
        return chosen.flatMap((o) => shapesOf(o, value, depth + 1));
      }
      return options.flatMap((o) => shapesOf(o, value, depth + 1));
    }
    default:
      return [];
  }
}

/** Reads an own property only: an inherited one ("toString") is not in the file. */
function ownValue(holder: unknown, key: string | number): unknown {
  if (holder === null || typeof holder !== "object") return undefined;
  return Object.hasOwn(holder, key) ? (holder as Record<string | number, unknown>)[key] : undefined;
}

/** Writes a value under a key that resolveScenarioPath allowed; refuses a prototype key again, in case. */
function assign(parent: Json | unknown[], key: string | number, value: unknown): void {
  if (typeof key === "string" && FORBIDDEN_KEYS.has(key)) return;
  (parent as Record<string | number, unknown>)[key] = value;
}

/** Whether a resolved path holds a number (or a duration) now. */
function holdsNumber(target: PathTarget & { ok: true }): boolean {
  return toNumber(ownValue(target.parent, target.key)) !== undefined;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string") return parseDuration(value);
  return undefined;
}

function singular(collection: string): string {
  return { nodes: "node", edges: "edge", teams: "team", contactTypes: "contact type" }[collection] ?? collection;
}
