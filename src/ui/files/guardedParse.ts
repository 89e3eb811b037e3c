/**
 * The app's one door for flow text from outside (a file opened or dropped, a share link, the
 * autosave, a recent flow): decode and validate it while the page's built-in prototypes are
 * watched. Whatever a flow tries (a scenario path through `__proto__`, nesting deep enough
 * to overflow the stack, a size no flow has) ends as a refusal in words with the text kept
 * for download, never as a polluted `Object.prototype`, an uncaught error or a blank app.
 */
import { type Diagnostic, formatDiagnostic, type Model, parseModelText, validateModel } from "../../model";

/** Text longer than this (characters) is not a flow a person drew. */
export const MAX_FLOW_CHARS = 20_000_000;
/** Deepest `[`/`{` nesting accepted; the format itself needs about a dozen levels. */
export const MAX_FLOW_DEPTH = 100;

export type GuardedParse =
  | { ok: true; model: Model }
  | {
      ok: false;
      /** One line per problem, naming the place. */
      problems: string[];
      /** The text tried to change the page's built-in objects (and was stopped). */
      hostile: boolean;
    };

/** Decodes and validates flow text without letting it touch the page's prototypes. */
export function parseFlowGuarded(text: string): GuardedParse {
  if (text.length > MAX_FLOW_CHARS) {
    return refuse(`The file holds ${(text.length / 1e6).toFixed(0)} million characters; a flow has far fewer.`);
  }
  const depth = nestingDepth(text);
  if (depth > MAX_FLOW_DEPTH) {
    return refuse(`The file is nested ${depth} levels deep (a flow needs at most ${MAX_FLOW_DEPTH}).`);
  }
  const forbidden = forbiddenScenarioPaths(text);
  if (forbidden.length > 0) {
    return {
      ok: false,
      hostile: true,
      problems: [
        `Scenario paths ${forbidden.slice(0, 3).join(", ")} reach into JavaScript internals ` +
          "(__proto__, constructor, prototype), so the flow was refused. A scenario path names fields of the flow.",
      ],
    };
  }
  const guarded = withCleanPrototypes(() => {
    const parsed = parseModelText(text);
    // Validation applies every scenario: it must run under the same watch as decoding.
    if (parsed.ok) validateModel(parsed.model);
    return parsed;
  });
  if (guarded.changed.length > 0) return refuseHostile(guarded.changed);
  if (!guarded.ok) return refuse(`The flow could not be read: ${describeError(guarded.error)}.`);
  const parsed = guarded.value;
  if (!parsed.ok) return { ok: false, problems: describe(parsed.diagnostics), hostile: false };
  return { ok: true, model: parsed.model };
}

export type Watched<T> = { ok: true; value: T; changed: string[] } | { ok: false; error: unknown; changed: string[] };

/**
 * Runs `run` and undoes any change it made to the built-in prototypes (keys added, replaced
 * or removed), returning what changed (e.g. `Object.prototype.polluted`). Errors thrown by
 * `run` (a stack overflow on deep input) are caught and returned.
 */
export function withCleanPrototypes<T>(run: () => T): Watched<T> {
  const before = PROTOTYPES.map(([, proto]) => snapshot(proto));
  let result: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    result = { ok: true, value: run() };
  } catch (error) {
    result = { ok: false, error };
  }
  const changed = PROTOTYPES.flatMap(([name, proto], i) => restore(name, proto, before[i] as Snapshot));
  return { ...result, changed };
}

/** The deepest nesting of arrays and objects in JSON text (strings skipped), in one pass. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

/** Scenario `set`/`scale` paths in the flow text with a segment that is no field of any flow. */
export function forbiddenScenarioPaths(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return []; // The parser says what is wrong with the JSON.
  }
  const scenarios = (value as { scenarios?: unknown } | null)?.scenarios;
  if (!Array.isArray(scenarios)) return [];
  const out: string[] = [];
  for (const [i, scenario] of scenarios.entries()) {
    for (const field of ["set", "scale"]) {
      const paths = (scenario as Record<string, unknown> | null)?.[field];
      if (paths === null || typeof paths !== "object") continue;
      for (const path of Object.keys(paths)) {
        if (path.split(".").some((segment) => FORBIDDEN_SEGMENTS.has(segment)))
          out.push(`scenarios[${i}].${field} "${path}"`);
      }
    }
  }
  return out;
}

// helpers

const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);

const PROTOTYPES: readonly (readonly [string, object])[] = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
  ["String.prototype", String.prototype],
  ["Number.prototype", Number.prototype],
];

type Snapshot = Map<PropertyKey, PropertyDescriptor>;

function snapshot(proto: object): Snapshot {
  return new Map(Reflect.ownKeys(proto).map((key) => [key, Reflect.getOwnPropertyDescriptor(proto, key)!]));
}

function restore(name: string, proto: object, before: Snapshot): string[] {
  const changed: string[] = [];
  for (const key of Reflect.ownKeys(proto)) {
    const was = before.get(key);
    const now = Reflect.getOwnPropertyDescriptor(proto, key)!;
    if (was && sameDescriptor(was, now)) continue;
    changed.push(`${name}.${String(key)}`);
    if (was) Reflect.defineProperty(proto, key, was);
    else Reflect.deleteProperty(proto, key);
  }
  for (const [key, was] of before) {
    if (Reflect.getOwnPropertyDescriptor(proto, key)) continue;
    changed.push(`${name}.${String(key)}`);
    Reflect.defineProperty(proto, key, was);
  }
  return changed;
}

function sameDescriptor(a: PropertyDescriptor, b: PropertyDescriptor): boolean {
  return a.value === b.value && a.get === b.get && a.set === b.set && a.writable === b.writable;
}

function refuse(problem: string): GuardedParse {
  return { ok: false, problems: [problem], hostile: false };
}

function refuseHostile(changed: string[]): GuardedParse {
  return {
    ok: false,
    hostile: true,
    problems: [
      `The flow tried to change the page's built-in objects (${changed.slice(0, 3).join(", ")}), so it was refused. ` +
        "A scenario path may only name fields of the flow, never __proto__, constructor or prototype.",
    ],
  };
}

function describeError(error: unknown): string {
  if (error instanceof RangeError) return "it is too deeply nested or too large";
  return error instanceof Error ? error.message : String(error);
}

function describe(diagnostics: Diagnostic[]): string[] {
  const lines = diagnostics.slice(0, 8).map(formatDiagnostic);
  if (diagnostics.length > 8) lines.push(`… and ${diagnostics.length - 8} more`);
  return lines;
}
