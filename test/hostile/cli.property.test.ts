/**
 * Issues 13 and 19: hostile and absurd input. Mutated sample flows (see mutate.ts) go through every
 * CLI command in-process (main(), one worker thread, small runs), staff and the output options
 * (--out, --event-log, export files) included, and backtest on spoiled event logs; every run must end with
 * exit 0, 1 or 2, print no stack trace and no "internal error", stay within a time and
 * memory budget, and leave Object.prototype as it was. Seeds are in the test names; a
 * failing seed reruns with `fc.assert(..., { seed })`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { toMermaid } from "../../src/io/mermaid/toMermaid";
import { parseModelText } from "../../src/model";
import { generateDeskLog } from "../calibrate/generateLog";
import { type Json, mutatedText, mutationArb } from "./mutate";

const ROOT = new URL("../../", import.meta.url).pathname;
const DIR = mkdtempSync(join(tmpdir(), "flowcast-hostile-"));
const SAMPLES = ["password-reset.json", "three-tier-desk.json", "omnichannel-retail.json"].map(
  (name) => JSON.parse(readFileSync(join(ROOT, "samples", name), "utf8")) as Json,
);
/** Small runs: one replication, three days, and a ticket limit that refuses anything bigger. */
const RUN = ["--replications", "1", "--horizon", "3d", "--workers", "1", "--max-tickets", "60000"];
const COMMANDS: ((file: string, out: string) => string[])[] = [
  (file) => ["validate", file],
  (file) => ["validate", "--json", file],
  (file, out) => ["simulate", file, ...RUN, "--out", out],
  (file, out) => ["simulate", file, ...RUN, "--event-log", `${out}.csv`],
  (file, out) => ["staff", file, ...RUN.slice(0, 4), "--max-evaluations", "2", "--out", out],
  (file, out) => ["export", file, "--to", "svg", "--out", `${out}.svg`],
  (file) => ["compare", file, ...RUN],
  (file) => ["export", file, "--to", "svg"],
  (file) => ["export", file, "--to", "mermaid"],
  (file) => ["export", file, "--to", "markdown"],
  (file) => ["export", file, "--to", "html"],
];
/** Per command, on a shared two-core machine. */
const TIME_BUDGET_MS = 20_000;
const HEAP_BUDGET_BYTES = 600 * 1024 * 1024;

/** The built-in prototypes a path through "constructor" or "__proto__" could reach. */
const PROTOTYPES = [Object.prototype, Function.prototype, Array.prototype, String.prototype, Number.prototype];
const PROTOTYPE_KEYS = Reflect.ownKeys(Object.prototype);
const SNAPSHOT = snapshotPrototypes();
let counter = 0;

afterAll(() => {
  expect(Reflect.ownKeys(Object.prototype)).toEqual(PROTOTYPE_KEYS);
});

describe("every CLI command on mutated samples", () => {
  it("exits 0, 1 or 2 without a stack trace, in budget, Object.prototype untouched (seed 13013)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(SAMPLES.length - 1),
        fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        fc.nat(COMMANDS.length - 1),
        async (sample, mutations, command) => {
          const file = writeTemp(mutatedText(SAMPLES[sample] as Json, mutations), "json");
          const args = (COMMANDS[command] as (f: string, o: string) => string[])(file, `${file}.results.json`);
          await expectSafeRun(args);
        },
      ),
      { seed: 13013, numRuns: 48, endOnFailure: true },
    );
  });

  it("simulates flows with extreme numbers that the format allows, in budget (seed 4711)", async () => {
    const codes: number[] = [];
    const extreme = fc.constantFrom(0, 1e-9, 0.001, 1, 1000, 100_000, 10_000_000);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(SAMPLES.length - 1),
        fc.array(fc.tuple(fc.nat(), extreme), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        async (sample, changes, compare) => {
          const flow = structuredClone(SAMPLES[sample]) as Json;
          const leaves = numberLeaves(flow);
          for (const [at, value] of changes) {
            const [holder, key] = leaves[at % leaves.length] as [Record<string, Json>, string];
            holder[key] = value;
          }
          const file = writeTemp(JSON.stringify(flow), "json");
          const run = await expectSafeRun(compare ? ["compare", file, ...RUN] : ["simulate", file, ...RUN]);
          codes.push(run.code);
        },
      ),
      { seed: 4711, numRuns: 24, endOnFailure: true },
    );
    // The generator must reach the simulator, not only the validator.
    expect(codes.filter((c) => c === 0).length).toBeGreaterThan(3);
  });

  it("never lets a scenario path reach Object.prototype, through validate and simulate (seed 2026)", async () => {
    // A real place, then a key that reaches the prototype machinery, then anything.
    const place = fc.constantFrom("", "clock", "csat", "teams.l1", "teams.l1.schedule.0", "nodes.forgot.arrivals");
    const hostile = fc.constantFrom(
      "__proto__",
      "constructor.prototype",
      "constructor",
      "prototype",
      "__proto__.__proto__",
    );
    const tail = fc.constantFrom("polluted", "x", "toString", "agents", "0");
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(place, hostile, tail).map(([p, h, t]) => [...(p ? p.split(".") : []), ...h.split("."), t]),
        fc.constantFrom("set", "set", "add", "scale"),
        async (path, field) => {
          const flow = structuredClone(SAMPLES[0]) as Record<string, Json>;
          flow.scenarios = [
            { id: "hostile", [field]: { [path.join(".")]: field === "set" ? { polluted: "yes" } : 2 } },
          ];
          const file = writeTemp(JSON.stringify(flow), "json");
          await expectSafeRun(["validate", file]);
          await expectSafeRun(["simulate", file, "--scenario", "hostile", ...RUN]);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { seed: 2026, numRuns: 30, endOnFailure: true },
    );
  });
});

describe("import of mutated Mermaid diagrams", () => {
  const diagram = toMermaid((parseModelText(JSON.stringify(SAMPLES[1])) as { ok: true; model: never }).model);
  const garbage = fc.constantFrom(
    "A[#99999999;] --> B",
    `${Array.from({ length: 300 }, (_, i) => `a${i}`).join(" & ")} --> ${Array.from({ length: 300 }, (_, i) => `b${i}`).join(" & ")}`,
    "__proto__ --> constructor",
    'x["\u001b[31m<script>alert(1)</script>"] --> y',
    "subgraph",
    "end",
    "A -- never closed",
    `A["${"x".repeat(100_000)}"] --> B`,
    "((((((((((((((((",
    "toString --> hasOwnProperty",
  );
  it("exits 0, 1 or 2 without a stack trace and in budget (seed 99)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), garbage), { minLength: 0, maxLength: 3 }), async (inserts) => {
        const lines = diagram.split("\n");
        for (const [at, text] of inserts) lines.splice(at % lines.length, 0, text);
        const file = writeTemp(lines.join("\n"), "mmd");
        await expectSafeRun(["import", file, "--out", `${file}.json`]);
      }),
      { seed: 99, numRuns: 12, endOnFailure: true },
    );
  });
});

describe("backtest on mutated event logs", () => {
  // Three weeks of a small desk (2 tickets an hour): quick to fit and to simulate once.
  const parts: string[] = [];
  generateDeskLog(
    {
      perHour: 2,
      days: 21,
      l1: { agents: 2, meanSeconds: 600, sdSeconds: 400 },
      l2: { agents: 1, meanSeconds: 1800, sdSeconds: 1500 },
      escalateShare: 0.2,
      seed: 3,
    },
    (t) => parts.push(t),
  );
  const LINES = parts.join("").split("\n");
  const COLUMNS = ["--case", "ticket", "--time", "time", "--activity", "event", "--team", "team"];
  const SPLIT = ["--train", "2026-01-05..2026-01-18", "--test", "2026-01-19..2026-01-25"];
  /** What a careless export or an attacker does to a log, line by line or to its bytes. */
  const lineMutation = fc.oneof(
    fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), text: fc.string({ maxLength: 40 }) }),
    fc.record({
      kind: fc.constant("time" as const),
      at: fc.nat(),
      text: fc.constantFrom("0000-01-01T00:00", "9999-12-31T23:59", "", "yesterday", "2026-02-30T25:61", "1e309"),
    }),
    fc.record({ kind: fc.constant("column" as const), at: fc.nat(), text: fc.constantFrom("", ",", ",,,,,", '"') }),
  );
  const byteMutation = fc.constantFrom("none", "latin1", "nul", "utf16", "truncate", "bom");

  it("exits 0, 1 or 2 without a stack trace and in budget; spoiled bytes named (seed 1919)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(lineMutation, { maxLength: 2 }),
        byteMutation,
        fc.boolean(),
        async (mutations, bytes, toFile) => {
          const lines = [...LINES];
          for (const m of mutations) {
            const at = m.at % lines.length;
            const cells = (lines[at] ?? "").split(",");
            if (m.kind === "replace") lines[at] = m.text;
            else if (m.kind === "time") lines[at] = cells.map((c, i) => (i === 1 ? m.text : c)).join(",");
            else lines[at] = `${lines[at]}${m.text}`;
          }
          const text = lines.join("\n");
          const file = join(DIR, `log${counter++}.csv`);
          writeFileSync(file, logBytes(text, bytes));
          const out = toFile ? ["--out", join(DIR, `backtest${counter++}.json`)] : ["--json"];
          const run = await expectSafeRun(["backtest", file, ...COLUMNS, ...SPLIT, "--replications", "1", ...out]);
          // spoiled bytes are named as the command line names them, in one short message
          if (bytes === "latin1")
            expect(run.err).toMatch(/is not valid UTF-8 text: bytes on lines 3, 4, 6, 7, 8 and more/);
          if (bytes === "nul")
            expect(run.err).toMatch(/is not a text file: it holds binary data \(a zero byte at byte 301\)/);
          if (bytes === "latin1" || bytes === "nul") expect(run.code).toBe(2);
          // the same log in UTF-16 or with a BOM reads as the plain one
          if (mutations.length === 0 && ["none", "utf16", "bom"].includes(bytes)) expect(run.code).toBe(0);
          expect(run.err.length).toBeLessThan(2000);
        },
      ),
      { seed: 1919, numRuns: 10, endOnFailure: true },
    );
  });
});

describe("hostile command lines", () => {
  it.each([["toString"], ["__proto__"], ["constructor"], ["hasOwnProperty"], ["valueOf"]])(
    "refuses the command name %s with exit 2",
    async (name) => {
      const run = await expectSafeRun([name]);
      expect(run.code).toBe(2);
      expect(run.err).toContain("unknown command");
    },
  );
});

// helpers

interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process and checks everything the issue asks of any run. */
async function expectSafeRun(args: string[]): Promise<Run> {
  let out = "";
  let err = "";
  const io: CliIO = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    errIsTTY: false,
  };
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const code = await main(args, io);
  const elapsed = performance.now() - started;
  const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
  const context = `flowcast ${args.join(" ")}\n${err.slice(0, 2000)}`;
  expect([0, 1, 2], context).toContain(code);
  expect(`${out}\n${err}`, context).not.toMatch(/^\s+at .+[:(]\d+:\d+\)?$/m);
  expect(err, context).not.toContain("internal error");
  expect(elapsed, context).toBeLessThan(TIME_BUDGET_MS);
  expect(heapGrowth, context).toBeLessThan(HEAP_BUDGET_BYTES);
  expect(Reflect.ownKeys(Object.prototype), context).toEqual(PROTOTYPE_KEYS);
  expect(changedPrototypeProperties(), context).toEqual([]);
  expect(({} as Record<string, unknown>).polluted, context).toBeUndefined();
  return { code, out, err };
}

/** Every own property of the built-in prototypes, by identity of its value or getter. */
function snapshotPrototypes(): Map<string, unknown> {
  const out = new Map<string, unknown>();
  PROTOTYPES.forEach((proto, i) => {
    for (const key of Reflect.ownKeys(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key);
      out.set(`${i}:${String(key)}`, d && "value" in d ? d.value : d?.get);
    }
  });
  return out;
}

/** Properties of the built-in prototypes added, removed or replaced since the suite started. */
function changedPrototypeProperties(): string[] {
  const now = snapshotPrototypes();
  const keys = new Set([...now.keys(), ...SNAPSHOT.keys()]);
  return [...keys].filter((k) => now.get(k) !== SNAPSHOT.get(k) || now.has(k) !== SNAPSHOT.has(k));
}

/** Every (object, key) holding a number, outside lists of weights. */
function numberLeaves(root: Json): [Record<string, Json>, string][] {
  const out: [Record<string, Json>, string][] = [];
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const value = stack.pop() as Json;
    if (value === null || typeof value !== "object") continue;
    if (Array.isArray(value)) stack.push(...value);
    else
      for (const [k, v] of Object.entries(value)) {
        if (typeof v === "number") out.push([value, k]);
        else stack.push(v);
      }
  }
  return out;
}

/** The log's bytes: as UTF-8, or spoiled the way files are (Latin-1 letters, zero bytes, UTF-16, cut short). */
function logBytes(text: string, how: string): Buffer {
  const utf8 = Buffer.from(text);
  if (how === "latin1") return Buffer.from(text.replace(/,l1,/g, ",lé1,"), "latin1");
  if (how === "nul") return Buffer.concat([utf8.subarray(0, 300), Buffer.alloc(64), utf8.subarray(300)]);
  if (how === "utf16") return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  if (how === "truncate") return utf8.subarray(0, Math.floor(utf8.length / 3));
  if (how === "bom") return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
  return utf8;
}

function writeTemp(text: string, extension: string): string {
  const file = join(DIR, `case${counter++}.${extension}`);
  writeFileSync(file, text);
  return file;
}
