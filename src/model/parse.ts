/**
 * The edge where unknown input becomes a typed Model: JSON text or a parsed value in,
 * `{ ok: true, model }` or `{ ok: false, diagnostics }` out. Zod's issues are rewritten in
 * the words of a process designer and name the node, edge or team by label and id.
 * Nothing here throws on bad input.
 */
import { z } from "zod";
import { type Diagnostic, formatPath } from "./diagnostics";
import { boundsProblem, findField, showFieldValue } from "./fields";
import { findJsonSyntaxError } from "./jsonSyntax";
import { nodeName } from "./ports";
import { Model } from "./schema";
import { unknownFieldWarnings } from "./unknownFields";

export type ParseResult =
  | {
      ok: true;
      model: Model;
      /** Fields the schema does not know (ignored): warnings that name the path and the nearest field. */
      warnings?: Diagnostic[];
    }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Where a decoded model keeps the warnings about its file's unknown fields: a symbol key,
 * so edits that copy the model (spreads, immer) keep them while no file, share link or
 * results document ever contains them. Read them with `loadWarnings`.
 */
const LOAD_WARNINGS = Symbol("flowcast.loadWarnings");

/** The model without its load warnings (what the file it writes would decode to). */
export function withoutLoadWarnings(model: Model): Model {
  const { [LOAD_WARNINGS]: _, ...rest } = model as Model & { [LOAD_WARNINGS]?: Diagnostic[] };
  return rest as Model;
}

/**
 * `model` carrying `warnings` as its load warnings again: a model that crossed to or from a
 * Web Worker lost them, since a structured clone drops symbol keys.
 */
export function withLoadWarnings(model: Model, warnings: Diagnostic[]): Model {
  if (warnings.length > 0) (model as { [LOAD_WARNINGS]?: Diagnostic[] })[LOAD_WARNINGS] = warnings;
  return model;
}

/** Warnings about the fields the model's file held that the schema does not know (empty when none). */
export function loadWarnings(model: Model): Diagnostic[] {
  return (model as { [LOAD_WARNINGS]?: Diagnostic[] })[LOAD_WARNINGS] ?? [];
}

/**
 * Deepest nesting of objects and lists a flow may have. A real flow stays under 20 (a
 * mixture inside a mixture adds 3); refusing deeper input up front keeps the recursive
 * decoders below from running out of stack.
 */
export const MAX_NESTING = 64;

/** Decodes a parsed JSON value into a Model, with defaults filled and durations in seconds. */
export function parseModel(input: unknown): ParseResult {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return fail('The file is not a Flowcast flow: expected a JSON object with "format": "flowcast/v1".');
  }
  const deep = findDeepPath(input, MAX_NESTING);
  if (deep !== undefined) {
    return {
      ok: false,
      diagnostics: [
        {
          severity: "error",
          message: `Flow: ${deep || "the file"} is nested more than ${MAX_NESTING} levels deep; no flow needs that (a mixture inside a mixture inside a mixture is still under 20).`,
          path: deep,
        },
      ],
    };
  }
  const result = Model.safeDecode(input as z.input<typeof Model>);
  if (!result.success) return { ok: false, diagnostics: describeIssues(result.error.issues, input) };
  const layout = keepProtoLayout((input as { layout?: unknown }).layout, result.data.layout);
  if (typeof layout === "string") return fail(layout);
  const model: Model = { ...result.data, layout };
  const warnings = unknownFieldWarnings(Model, input);
  if (warnings.length === 0) return { ok: true, model, warnings };
  (model as { [LOAD_WARNINGS]?: Diagnostic[] })[LOAD_WARNINGS] = warnings;
  return { ok: true, model, warnings };
}

/** Parses the text of a flow file: JSON syntax errors name the line and column. */
export function parseModelText(text: string): ParseResult {
  // Some editors start a UTF-8 file with a byte order mark, which JSON.parse rejects.
  const clean = stripByteOrderMark(text);
  let value: unknown;
  try {
    value = JSON.parse(clean);
  } catch (error) {
    if (text.trim() === "") return fail('The file is empty: expected a JSON object with "format": "flowcast/v1".');
    return fail(`The file is not valid JSON: ${describeJsonError(clean, error)}.`);
  }
  return parseModel(value);
}

/** The file form of a model (durations as "6m"), ready for JSON.stringify. */
export function encodeModel(model: Model): z.input<typeof Model> {
  const file = z.encode(Model, model);
  const layout = keepProtoLayout(model.layout, file.layout ?? {});
  return typeof layout === "string" ? file : { ...file, layout };
}

/** Serialises a model as the pretty-printed JSON of a flowcast/v1 file. */
export function serializeModel(model: Model): string {
  return `${JSON.stringify(encodeModel(model), null, 2)}\n`;
}

// helpers

/**
 * zod drops a record key "__proto__", yet "__proto__" is a valid node id. Layouts are
 * therefore kept in objects without a prototype, where "__proto__" is an ordinary own key
 * and assigning through any node id cannot reach Object.prototype. Returns a message when
 * the "__proto__" entry is not a position.
 */
function keepProtoLayout(
  input: unknown,
  decoded: Record<string, { x: number; y: number }>,
): Record<string, { x: number; y: number }> | string {
  const layout: Record<string, { x: number; y: number }> = Object.create(null);
  for (const [id, at] of Object.entries(decoded)) layout[id] = at;
  if (input !== null && typeof input === "object" && Object.hasOwn(input, "__proto__")) {
    // biome-ignore lint/suspicious/noProto: reads the own "__proto__" key that JSON.parse made, on purpose
    const at = (input as Record<string, unknown>).__proto__ as { x?: unknown; y?: unknown } | null;
    const isCoordinate = (v: unknown) => typeof v === "number" && Number.isFinite(v) && Math.abs(v) <= 1e7;
    if (!at || typeof at !== "object" || !isCoordinate(at.x) || !isCoordinate(at.y)) {
      return 'Flow: layout.__proto__ must be a position { "x": number, "y": number } within 10,000,000 pixels of the origin.';
    }
    Object.defineProperty(layout, "__proto__", {
      value: { x: at.x as number, y: at.y as number },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return layout;
}

/**
 * The path of the first value nested deeper than `max` levels, or undefined. Iterative, so
 * that a file nested 100,000 deep cannot overflow the stack here either.
 */
function findDeepPath(root: unknown, max: number): string | undefined {
  type Entry = { value: unknown; depth: number; key: PropertyKey; parent: Entry | undefined };
  const stack: Entry[] = [{ value: root, depth: 0, key: "", parent: undefined }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { value, depth } = entry;
    if (value === null || typeof value !== "object") continue;
    if (depth >= max) {
      const path: PropertyKey[] = [];
      for (let e: Entry | undefined = entry; e?.parent; e = e.parent) path.unshift(e.key);
      return formatPath(path.slice(0, 8)) + (path.length > 8 ? "…" : "");
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], depth: depth + 1, key: i, parent: entry });
    } else
      for (const [k, v] of Object.entries(value)) stack.push({ value: v, depth: depth + 1, key: k, parent: entry });
  }
  return undefined;
}

function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function fail(message: string): ParseResult {
  return { ok: false, diagnostics: [{ severity: "error", message, path: "" }] };
}

type Issue = z.core.$ZodIssue;

/** Turns zod issues into diagnostics, one per distinct place. */
function describeIssues(issues: readonly Issue[], input: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const issue of flattenIssues(issues, [])) {
    const diagnostic = describeIssue(issue, input);
    const key = `${diagnostic.path}|${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic);
  }
  return out;
}

/** Unions report every branch's failure; keep the branch that got furthest. */
function flattenIssues(issues: readonly Issue[], prefix: PropertyKey[]): { issue: Issue; path: PropertyKey[] }[] {
  const out: { issue: Issue; path: PropertyKey[] }[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const best = pickBranch(issue.errors);
      if (best) {
        out.push(...flattenIssues(best, path));
        continue;
      }
    }
    out.push({ issue, path });
  }
  return out;
}

function pickBranch(branches: Issue[][]): Issue[] | undefined {
  let best: Issue[] | undefined;
  let bestScore = -1;
  for (const branch of branches) {
    if (branch.length === 0) continue;
    // A branch that failed only on the type of the whole value is the least informative.
    const score = Math.max(...branch.map((i) => i.path.length * 10 + (i.code === "invalid_type" ? 0 : 5)));
    if (score > bestScore) {
      bestScore = score;
      best = branch;
    }
  }
  return best;
}

function describeIssue({ issue, path }: { issue: Issue; path: PropertyKey[] }, input: unknown): Diagnostic {
  const where = locate(path, input);
  const field = where.field ? `${where.field} ` : "";
  const bounds = specBoundsProblem(issue, path, input);
  const message = endSentence(`${where.subject}: ${bounds ?? `${field}${explain(issue, path, input)}`}`);
  return {
    severity: "error",
    message,
    path: formatPath(path),
    ...(where.nodeId ? { nodeId: where.nodeId } : {}),
    ...(where.edgeId ? { edgeId: where.edgeId } : {}),
    ...(where.teamId ? { teamId: where.teamId } : {}),
  };
}

const COLLECTIONS: Record<string, string> = {
  nodes: "Step",
  edges: "Connection",
  teams: "Team",
  contactTypes: "Contact type",
  scenarios: "Scenario",
};

/** Names the thing a path points into, e.g. `Step "L1 answers" (l1-phone)`, and the field within it. */
function locate(
  path: PropertyKey[],
  input: unknown,
): { subject: string; field: string; nodeId?: string; edgeId?: string; teamId?: string } {
  const [collection, index, ...rest] = path;
  if (typeof collection === "string" && collection in COLLECTIONS && typeof index === "number") {
    const item = getAt(input, [collection, index]) as { id?: unknown; label?: unknown; name?: unknown } | undefined;
    const id = typeof item?.id === "string" ? item.id : undefined;
    const label = typeof item?.label === "string" ? item.label : typeof item?.name === "string" ? item.name : undefined;
    const kind = COLLECTIONS[collection];
    const subject = id ? `${kind} ${nodeName({ id, label })}` : `${kind} number ${index + 1}`;
    const field = formatPath(rest);
    return {
      subject,
      field,
      ...(collection === "nodes" && id ? { nodeId: id } : {}),
      ...(collection === "edges" && id ? { edgeId: id } : {}),
      ...(collection === "teams" && id ? { teamId: id } : {}),
    };
  }
  return { subject: "Flow", field: formatPath(path) };
}

/**
 * A number out of its field's bounds, worded from the field spec as the inspector words it
 * ("Agents must be at least 0 agents (it is -3)", "Series interval
 * must be at least 1 min (it is 30 s)"); undefined for other issues and for values
 * the spec has no field for (a distribution's parameters, a share by name).
 */
function specBoundsProblem(issue: Issue, path: PropertyKey[], input: unknown): string | undefined {
  const value = getAt(input, path);
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
  const isBound = issue.code === "too_small" || issue.code === "too_big";
  if (!isBound && !(issue.code === "invalid_type" && issue.expected === "int")) return undefined;
  const spec = findField(specPath(path, input));
  const problem = spec && boundsProblem(spec, value);
  return problem && `${problem} (it is ${showFieldValue(spec, value)})`;
}

/** The field-spec path of a value: list indices dropped, a step's fields under its kind ("nodes.work.queue.slaSeconds"). */
function specPath(path: PropertyKey[], input: unknown): string {
  const names = path.filter((key) => typeof key === "string");
  if (path[0] === "nodes" && typeof path[1] === "number") {
    const kind = (getAt(input, ["nodes", path[1], "kind"]) as string | undefined) ?? "*";
    names.splice(1, 0, kind);
  }
  return names.join(".");
}

function explain(issue: Issue, path: PropertyKey[], input: unknown): string {
  switch (issue.code) {
    case "invalid_type": {
      const value = getAt(input, path);
      if (value === undefined) return "is missing";
      if (issue.expected === "int") return `must be a whole number, not ${describeValue(value)}`;
      if (typeof value === "number") return `must be a finite number, not ${describeValue(value)}`;
      return `must be ${article(issue.expected)}, not ${describeValue(value)}`;
    }
    case "invalid_value":
      if (getAt(input, path) === undefined) {
        return `is missing; it must be ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`;
      }
      if (issue.values.length === 1)
        return `must be ${JSON.stringify(issue.values[0])}, not ${describeValue(getAt(input, path))}`;
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, not ${describeValue(getAt(input, path))}`;
    case "unrecognized_keys":
      return `has unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_union":
      if ("discriminator" in issue && issue.discriminator) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        // zod 4 puts the discriminator at the end of the path; older issues stop at the object.
        const at = path[path.length - 1] === issue.discriminator ? path : [...path, issue.discriminator];
        const value = getAt(input, at);
        const known = options.map(String).join(", ");
        return value === undefined
          ? `is missing; give one of ${known}`
          : `${describeValue(value)} is not one of the known kinds; use one of ${known}`;
      }
      return "has a value of the wrong shape";
    case "too_small":
    case "too_big": {
      const value = getAt(input, path);
      const text = cleanMessage(issue.message);
      return typeof value === "number" ? `${text} (it is ${value})` : text;
    }
    case "custom":
    case "invalid_format":
      return cleanMessage(issue.message);
    default:
      return cleanMessage(issue.message);
  }
}

function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function cleanMessage(message: string): string {
  return message.replace(/^Invalid input: /, "");
}

function article(expected: string): string {
  const words: Record<string, string> = {
    number: "a number",
    string: "text",
    object: "an object",
    array: "a list",
    boolean: "true or false",
    int: "a whole number",
  };
  return words[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return String(value);
}

function getAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeJsonError(text: string, error: unknown): string {
  const found = findJsonSyntaxError(text);
  if (found) return `${found.reason} at line ${found.line}, column ${found.column}`;
  return (error instanceof Error ? error.message : String(error)).replace(/^JSON\.parse: /, "");
}
