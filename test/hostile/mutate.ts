/**
 * Hostile edits of flow files for the property suites: delete a value, give it the wrong
 * type, a non-finite, huge, tiny or negative number, plant "__proto__" / "constructor" /
 * "prototype" keys at any level, nest far too deep, or write very long and control-character
 * strings; and scenarios whose paths try to reach Object.prototype. The result is the text
 * of a file, since some of these (NaN, 1e999) exist only as text.
 */
import fc from "fast-check";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const OPS = [
  "delete",
  "wrongType",
  "number",
  "protoKey",
  "deep",
  "longString",
  "controlString",
  "scenarioPath",
] as const;
export type Op = (typeof OPS)[number];

export interface Mutation {
  op: Op;
  /** Which place in the file (an index into every place, modulo their count). */
  pick: number;
  /** Which variant of the op. */
  variant: number;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom(...OPS),
  pick: fc.nat(),
  variant: fc.nat(),
});

/** Special numbers, written as JSON text (NaN is not JSON: the file is then unreadable). */
const NUMBERS = [
  "NaN",
  "1e999",
  "-1e999",
  "1e308",
  "-1e308",
  "-1",
  "0",
  "1e9",
  "2147483648",
  "3e9",
  "1e-9",
  "0.5",
  "-0",
];
const WRONG_TYPES: Json[] = ["x", [], {}, null, true, 0, "6m", "-3d"];
const PROTO_KEYS = ["__proto__", "constructor", "prototype"];
const CONTROL = [
  "\u0000",
  "\u001b[31m",
  "\u001b]0;title\u0007",
  "\r",
  "\n# heading\n",
  "\u009b2J",
  "<script>x</script>",
];
/** Scenario paths that must never reach Object.prototype. */
const HOSTILE_PATHS = [
  "clock.__proto__.polluted",
  "__proto__.polluted",
  "constructor.prototype.polluted",
  "teams.__proto__.polluted",
  "nodes.__proto__.agents",
  "csat.constructor.prototype.polluted",
  "teams.l1.__proto__.polluted",
  "layout.__proto__.x",
  "nodes.0.outcomes.__proto__",
  "clock.toString",
  "teams.l1.hasOwnProperty",
];

/** Applies mutations to a copy of `file` and returns the text of the result. */
export function mutatedText(file: Json, mutations: readonly Mutation[]): string {
  const copy = structuredClone(file);
  for (const m of mutations) mutate(copy, m);
  return JSON.stringify(copy).replace(/"@@NUM:([^@"]+)@@"/g, "$1");
}

/** Nested lists `depth` levels deep, built without recursion. */
export function nested(depth: number): Json {
  let value: Json = 1;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { x: value };
  return value;
}

// helpers

function mutate(root: Json, m: Mutation): void {
  // Numbers replace numbers and strings replace strings, so that many mutated files stay
  // valid and reach the simulator and the exporters with absurd values.
  const all = placesOf(root);
  const wanted =
    m.op === "number" ? "number" : m.op === "longString" || m.op === "controlString" ? "string" : undefined;
  const fitting = wanted ? all.filter(([p, k]) => typeof (p as Record<string | number, Json>)[k] === wanted) : all;
  const places = fitting.length > 0 ? fitting : all;
  const place = places[m.pick % places.length];
  if (!place) return;
  const [parent, key] = place;
  const set = (value: Json) => {
    (parent as Record<string | number, Json>)[key] = value;
  };
  switch (m.op) {
    case "delete":
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete (parent as Record<string, Json>)[key];
      return;
    case "wrongType":
      set(structuredClone(pick(WRONG_TYPES, m.variant)));
      return;
    case "number":
      set(`@@NUM:${pick(NUMBERS, m.variant)}@@`);
      return;
    case "protoKey": {
      const holder = (parent as Record<string | number, Json>)[key];
      const target = holder !== null && typeof holder === "object" && !Array.isArray(holder) ? holder : parent;
      if (Array.isArray(target)) return;
      Object.defineProperty(target, pick(PROTO_KEYS, m.variant), {
        value: { polluted: "yes", prototype: { polluted: "yes" }, x: 1, y: 2 },
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return;
    }
    case "deep":
      set(nested(m.variant % 2 === 0 ? 70 : 1500));
      return;
    case "longString":
      set("x".repeat(m.variant % 2 === 0 ? 5_000 : 200_000));
      return;
    case "controlString":
      set(`label ${pick(CONTROL, m.variant)} end`);
      return;
    case "scenarioPath": {
      if (root === null || typeof root !== "object" || Array.isArray(root)) return;
      const path = pick(HOSTILE_PATHS, m.variant);
      const field = pick(["set", "add", "scale"], m.variant >> 4);
      const scenarios = Array.isArray(root.scenarios) ? root.scenarios : [];
      scenarios.push({
        id: `hostile${scenarios.length}`,
        [field]: { [path]: field === "set" ? { polluted: "yes" } : 2 },
      });
      root.scenarios = scenarios;
      return;
    }
  }
}

/** Every (container, key) in the tree, the root's own keys first. */
function placesOf(root: Json): [Json[] | Record<string, Json>, string | number][] {
  const out: [Json[] | Record<string, Json>, string | number][] = [];
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const value = stack.pop() as Json;
    if (value === null || typeof value !== "object") continue;
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        out.push([value, i]);
        stack.push(v);
      });
    } else {
      for (const [k, v] of Object.entries(value)) {
        out.push([value, k]);
        stack.push(v);
      }
    }
  }
  return out;
}

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}
