/**
 * Fields a flow file holds that the flowcast/v1 schema does not know: a typo ("agnets" on a
 * team, "handelTime" on a step) or a field of a newer Flowcast. The schema drops them when
 * it decodes, so without a word the flow would run on defaults. They are reported as
 * warnings naming the path and the nearest known field; they never change the exit code of
 * `flowcast validate`. The walk follows the zod schema itself (objects, lists, records,
 * unions, defaults, codecs), so a field added to the schema is known here at once.
 */
import type { z } from "zod";
import { type Diagnostic, formatPath } from "./diagnostics";

/** At most this many are listed; a file with more gets one line saying how many more. */
const MAX_LISTED = 50;

/**
 * Fields that later versions of the format are known to add: named as such, not as typos.
 * A field here that the schema now knows is simply known.
 */
const NEWER_FIELDS = new Set(["intervals", "skills", "breaks", "skillGroups"]);

type Schema = z.core.$ZodType;
type Def = {
  type: string;
  innerType?: Schema;
  in?: Schema;
  getter?: () => Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  valueType?: Schema;
  options?: Schema[];
  discriminator?: string;
  catchall?: Schema;
  values?: unknown[];
};

/** Warnings for every field of `input` (a parsed flow file) that `schema` does not know. */
export function unknownFieldWarnings(schema: Schema, input: unknown): Diagnostic[] {
  const found: { path: PropertyKey[]; key: string; known: string[] }[] = [];
  let total = 0;
  const visit = (s: Schema, value: unknown, path: PropertyKey[]): void => {
    const def = unwrap(s);
    if (!def || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      if (def.type === "array" && def.element) {
        for (let i = 0; i < value.length; i++) visit(def.element, value[i], [...path, i]);
      }
      return;
    }
    const record = value as Record<string, unknown>;
    if (def.type === "record" && def.valueType) {
      for (const key of Object.keys(record)) visit(def.valueType, record[key], [...path, key]);
      return;
    }
    if (def.type === "union" && def.options) {
      const option = pickOption(def, record);
      if (option) visit(option, value, path);
      return;
    }
    if (def.type !== "object" || !def.shape) return;
    const shape = def.shape;
    for (const key of Object.keys(record)) {
      if (Object.hasOwn(shape, key)) visit(shape[key] as Schema, record[key], [...path, key]);
      else if (!def.catchall || unwrap(def.catchall)?.type === "never") {
        total++;
        if (found.length < MAX_LISTED) found.push({ path: [...path, key], key, known: Object.keys(shape) });
      }
    }
  };
  visit(schema, input, []);
  const warnings = found.map(({ path, key, known }) => warning(input, path, key, known));
  if (total > found.length) {
    warnings.push({
      severity: "warning",
      path: "",
      message: `${total - found.length} more unknown fields are not listed; they are ignored.`,
    });
  }
  return warnings;
}

/** The known field nearest to `key` (a typo's likely intent), or undefined when none is close. */
export function nearestField(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of known) {
    const distance = name.toLowerCase() === lower ? 0 : editDistance(lower, name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  // one edit in three characters, at most three; a one- or two-letter key matches only by case
  const allowed = key.length < 3 ? 0 : Math.max(1, Math.min(3, Math.floor(key.length / 3)));
  return bestDistance <= allowed ? best : undefined;
}

// helpers

function warning(input: unknown, path: PropertyKey[], key: string, known: string[]): Diagnostic {
  const near = nearestField(key, known);
  const message = near
    ? `unknown field; did you mean ${near}? It is ignored.`
    : NEWER_FIELDS.has(key)
      ? "a field of a newer Flowcast format, unknown to this version; it is ignored."
      : `unknown field; it is ignored (known here: ${known.slice(0, 12).join(", ")}${known.length > 12 ? ", …" : ""}).`;
  const diagnostic: Diagnostic = { severity: "warning", path: formatPath(path), message };
  // the team or step it sits in, so the app can select it
  const [top, index] = path;
  if ((top === "teams" || top === "nodes" || top === "edges") && typeof index === "number") {
    const list = (input as Record<string, unknown>)[top];
    const id = Array.isArray(list) ? (list[index] as { id?: unknown } | undefined)?.id : undefined;
    if (typeof id === "string") {
      if (top === "teams") diagnostic.teamId = id;
      else if (top === "nodes") diagnostic.nodeId = id;
      else diagnostic.edgeId = id;
    }
  }
  return diagnostic;
}

/** The definition under optional, default, nullable, codec and lazy wrappers. */
function unwrap(schema: Schema | undefined): Def | undefined {
  let s = schema;
  for (let i = 0; i < 20 && s; i++) {
    const def = (s as unknown as { _zod: { def: Def } })._zod.def;
    if (def.innerType) s = def.innerType;
    else if (def.type === "pipe" && def.in) s = def.in;
    else if (def.type === "lazy" && def.getter) s = def.getter();
    else return def;
  }
  return undefined;
}

/** The union member an object value is meant for: by its discriminator, else the closest object. */
function pickOption(def: Def, value: Record<string, unknown>): Schema | undefined {
  const options = (def.options ?? []).filter((o) => {
    const type = unwrap(o)?.type;
    return type === "object" || type === "record" || type === "union";
  });
  if (def.discriminator !== undefined) {
    const tag = value[def.discriminator];
    const match = options.find((o) => {
      const field = unwrap(o)?.shape?.[def.discriminator as string];
      return field !== undefined && (unwrap(field)?.values ?? []).includes(tag);
    });
    // an unknown kind is the schema's error to report, not a list of unknown fields
    return match;
  }
  const record = options.find((o) => unwrap(o)?.type === "record");
  if (record) return record;
  // a nested union told apart by a field this value has (a distribution's "dist")
  const tagged = options.find((o) => {
    const inner = unwrap(o);
    return inner?.type === "union" && inner.discriminator !== undefined && Object.hasOwn(value, inner.discriminator);
  });
  if (tagged) return tagged;
  let best: Schema | undefined;
  let fewest = Number.POSITIVE_INFINITY;
  for (const option of options) {
    const shape = unwrap(option)?.shape;
    if (!shape) continue;
    const unknown = Object.keys(value).filter((k) => !Object.hasOwn(shape, k)).length;
    if (unknown < fewest) {
      best = option;
      fewest = unknown;
    }
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Number.POSITIVE_INFINITY;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}
