/**
 * Property tests (fast-check, fixed seeds named in the test titles): random edits of valid
 * flows never make parsing or validation throw, only yield diagnostics; and a flow that
 * decodes survives parse -> serialise -> parse unchanged. The flows are the validation
 * fixture and every sample in samples/ that exists.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "./diagnostics";
import { parseModel, parseModelText, serializeModel, withoutLoadWarnings } from "./parse";
import { checkModel, validateModel } from "./validate";

// biome-ignore lint/suspicious/noExplicitAny: flows are edited as plain JSON
type Json = any;

const SAMPLES_DIR = new URL("../../samples/", import.meta.url);
const FLOWS: [string, Json][] = [
  ["validate.desk.json", JSON.parse(readFileSync(new URL("./validate.desk.json", import.meta.url), "utf8"))],
  ...(existsSync(SAMPLES_DIR)
    ? readdirSync(SAMPLES_DIR)
        .filter((name) => name.endsWith(".json"))
        .sort()
        .map((name): [string, Json] => [
          `samples/${name}`,
          JSON.parse(readFileSync(new URL(name, SAMPLES_DIR), "utf8")),
        ])
    : []),
];

/** One edit of a JSON tree: replace, delete or duplicate the value at a path. */
type Edit = { pick: number; action: "replace" | "delete" | "duplicate"; value: unknown };

/** Values a person (or a bug) might leave in a file: odd numbers, wrong types, near-misses. */
const oddValue = fc.oneof(
  fc.constantFrom(
    0,
    -1,
    1,
    0.5,
    1.5,
    24,
    1e9,
    "",
    "6m",
    "-5m",
    "soon",
    "24:00",
    "25:00",
    "out",
    "otherwise",
    "l1",
    null,
    true,
    [],
    {},
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.string({ maxLength: 8 }),
  fc.jsonValue({ maxDepth: 2 }),
);
const edit: fc.Arbitrary<Edit> = fc.record({
  pick: fc.nat(),
  action: fc.constantFrom("replace", "replace", "delete", "duplicate"),
  value: oddValue,
});

describe.each(FLOWS)("%s", (_name, flow) => {
  it("decodes, validates clean and round-trips parse -> serialise -> parse identically", () => {
    const first = parseModel(structuredClone(flow));
    if (!first.ok) throw new Error(first.diagnostics.map((d) => d.message).join("\n"));
    expect(validateModel(first.model).filter((d) => d.severity === "error")).toEqual([]);
    const again = parseModelText(serializeModel(first.model));
    expect(again).toEqual(first);
  });

  it("survives random edits of its file without throwing (seed 20261123)", () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const file = structuredClone(flow);
        for (const e of edits) applyEdit(file, e);
        const text = JSON.stringify(file);
        const result = checkModel(text);
        expectDiagnostics(result.diagnostics);
        if (result.model) {
          expectEveryRuleRan(result.diagnostics);
          // Whatever decodes also round-trips (unknown fields, reported once, are not written).
          const again = parseModelText(serializeModel(result.model));
          expect(again.ok && again.model).toEqual(withoutLoadWarnings(result.model));
        }
      }),
      { seed: 20261123, numRuns: 250 },
    );
  });

  it("survives rewiring and number changes that keep the file decodable (seed 777)", () => {
    // Swapping a string for another string of the same flow (ids, ports, labels) and a number
    // for another number mostly keeps the file decodable, so the semantic rules get exercised.
    const strings = [...new Set(leaves(flow).flatMap(([, v]) => (typeof v === "string" ? [v] : [])))];
    const swap = fc.record({
      pick: fc.nat(),
      text: fc.constantFrom(...strings),
      number: fc.constantFrom(0, 0.3, 1, 2, 24, 1e6),
    });
    let decoded = 0;
    fc.assert(
      fc.property(fc.array(swap, { minLength: 1, maxLength: 4 }), (swaps) => {
        const file = structuredClone(flow);
        for (const s of swaps) {
          const all = leaves(file);
          const [path, value] = all[s.pick % all.length] as [(string | number)[], unknown];
          const parent = path.slice(0, -1).reduce((node: Json, key) => node[key], file);
          parent[path[path.length - 1] as string] = typeof value === "number" ? s.number : s.text;
        }
        const result = checkModel(file);
        expectDiagnostics(result.diagnostics);
        if (result.model) {
          decoded++;
          expectEveryRuleRan(result.diagnostics);
        }
      }),
      { seed: 777, numRuns: 200 },
    );
    // The property is only worth something if many edited flows reach the semantic rules
    // (about 40-50% decode on the samples; a quarter leaves a wide margin).
    expect(decoded).toBeGreaterThanOrEqual(50);
  });

  it("survives random edits of the decoded model, past the schema (seed 4242)", () => {
    const decoded = parseModel(structuredClone(flow));
    if (!decoded.ok) throw new Error("flow does not decode");
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const model = structuredClone(decoded.model) as Json;
        for (const e of edits) applyEdit(model, e);
        expectDiagnostics(validateModel(model));
      }),
      { seed: 4242, numRuns: 250 },
    );
  });
});

// helpers

function expectDiagnostics(diagnostics: Diagnostic[]): void {
  expect(Array.isArray(diagnostics)).toBe(true);
  for (const d of diagnostics) {
    expect(["error", "warning"]).toContain(d.severity);
    expect(typeof d.message).toBe("string");
    expect(d.message.length).toBeGreaterThan(0);
    expect(typeof d.path).toBe("string");
  }
}

/** On a decoded model no rule may give up (the "could not be checked" safety net stays unused). */
function expectEveryRuleRan(diagnostics: Diagnostic[]): void {
  expect(diagnostics.filter((d) => d.message.includes("could not be checked"))).toEqual([]);
}

/** Every path into a JSON tree (objects and arrays), root excluded. */
function paths(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([...prefix, i]);
      paths(item, [...prefix, i], out);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      out.push([...prefix, key]);
      paths(item, [...prefix, key], out);
    }
  }
  return out;
}

/** Every leaf (string, number, boolean) of a JSON tree with its path. */
function leaves(value: unknown): [(string | number)[], unknown][] {
  return paths(value)
    .map((path): [(string | number)[], unknown] => [path, path.reduce((node: Json, key) => node[key], value)])
    .filter(([, v]) => v === null || typeof v !== "object");
}

function applyEdit(root: Json, e: Edit): void {
  const all = paths(root);
  if (all.length === 0) return;
  const path = all[e.pick % all.length] as (string | number)[];
  const parent = path.slice(0, -1).reduce((node: Json, key) => node[key], root);
  const key = path[path.length - 1] as string | number;
  if (e.action === "replace") parent[key] = structuredClone(e.value);
  else if (e.action === "delete") {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key as number]));
  else parent[`${key}-copy`] = structuredClone(parent[key]);
}
