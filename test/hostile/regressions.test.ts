/**
 * Issue 13, one reproducing input per finding: each test failed before the fix. Most run the
 * CLI in-process through main(); a few run the real command in a child process.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { progressReporter } from "../../src/cli/checks";
import { type CliIO, escapeControls } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { fromMermaid } from "../../src/io/mermaid/fromMermaid";
import { MAX_EDGES, parseMermaid } from "../../src/io/mermaid/parseMermaid";
import { toMermaid } from "../../src/io/mermaid/toMermaid";
import { pngSize } from "../../src/io/node/rasterise";
import { toRunbookMarkdown } from "../../src/io/runbook/runbookMarkdown";
import { layoutFlow } from "../../src/layout/layoutFlow";
import { applyScenario, type Model, parseModel, parseModelText, serializeModel } from "../../src/model";
import { estimateRunSize, refuseRunSize } from "../../src/sim/estimate";
import { runCli } from "../cli/run-cli";

const DIR = mkdtempSync(join(tmpdir(), "flowcast-issue13-"));
const DESK_TEXT = readFileSync(new URL("../cli/fixtures/cli.desk.json", import.meta.url), "utf8");
const PROTOTYPE_KEYS = Reflect.ownKeys(Object.prototype);

afterAll(() => {
  expect(Reflect.ownKeys(Object.prototype)).toEqual(PROTOTYPE_KEYS);
});

describe("prototype pollution (issue 13)", () => {
  it.each([
    "clock.__proto__.polluted",
    "constructor.prototype.polluted",
    "teams.l1.constructor.prototype.polluted",
    "nodes.l1-answer.outcomes.__proto__",
    "clock.toString",
  ])("refuses the scenario path %s, naming the bad segment, and touches nothing", async (path) => {
    const file = write({ ...desk(), scenarios: [{ id: "evil", set: { [path]: { polluted: "yes" } } }] });
    const run = await cli(["validate", file]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/is not a field of|points at nothing/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Reflect.ownKeys(Object.prototype)).toEqual(PROTOTYPE_KEYS);
  });

  it("keeps the layout of a step whose id is __proto__, through save and load", () => {
    const file = desk();
    file.nodes[4].id = "__proto__";
    file.edges = file.edges.map((e: { to: string }) => (e.to === "done" ? { ...e, to: "__proto__" } : e));
    const text = JSON.stringify(file).replace(
      /}\s*$/,
      ',"layout":{"__proto__":{"x":640,"y":80},"phone":{"x":0,"y":0}}}',
    );
    const parsed = parseModelText(text);
    expect(parsed.ok).toBe(true);
    const model = (parsed as { model: Model }).model;
    expect(Object.hasOwn(model.layout, "__proto__")).toBe(true);
    expect(ownValue(model.layout, "__proto__")).toEqual({ x: 640, y: 80 });
    const again = parseModelText(serializeModel(model));
    expect(
      again.ok && Object.hasOwn(again.model.layout, "__proto__") && ownValue(again.model.layout, "__proto__"),
    ).toEqual({
      x: 640,
      y: 80,
    });
    expect(Reflect.ownKeys(Object.prototype)).toEqual(PROTOTYPE_KEYS);
  });
});

describe("relative scenarios (issue 9)", () => {
  it("adds to numbers and durations and keeps meaning +2 after the base changes", () => {
    const file = desk();
    file.scenarios = [{ id: "plus2", add: { "teams.l1.agents": 2, "nodes.l1-answer.handleTime.mean": "1m" } }];
    const model = (parseModel(file) as { model: Model }).model;
    const applied = applyScenario(model, "plus2");
    expect(applied.ok && applied.model.teams[0]?.agents).toBe(8);
    const work = applied.ok ? applied.model.nodes.find((n) => n.id === "l1-answer") : undefined;
    expect(work?.kind === "work" && work.handleTime).toEqual({ dist: "exponential", mean: 360 });
    const smaller = { ...model, teams: model.teams.map((t) => (t.id === "l1" ? { ...t, agents: 3 } : t)) };
    const again = applyScenario(smaller, "plus2");
    expect(again.ok && again.model.teams[0]?.agents).toBe(5);
    // Stored as said: the file still holds the +2, not 8.
    expect(JSON.parse(serializeModel(model)).scenarios[0].add).toEqual({
      "teams.l1.agents": 2,
      "nodes.l1-answer.handleTime.mean": "1m",
    });
  });

  it("refuses adding to something that is not a number", () => {
    const file = desk();
    file.scenarios = [{ id: "bad", add: { "nodes.to-l2.handoff": 2 } }];
    const applied = applyScenario((parseModel(file) as { model: Model }).model, "bad");
    expect(applied.ok).toBe(false);
    expect(!applied.ok && applied.diagnostics[0]?.message).toContain(
      "adds to nodes.to-l2.handoff, which is not a number",
    );
  });
});

describe("bounded runs (issue 13)", () => {
  it.each([
    [
      "agents",
      (f: Flow) => {
        f.teams[0].agents = 3_000_000_000;
      },
      "at most 100,000",
    ],
    [
      "seriesInterval",
      (f: Flow) => {
        f.clock.seriesInterval = 1e-9;
      },
      "at least a minute",
    ],
    [
      "a coordinate",
      (f: Flow) => {
        f.layout = { phone: { x: 1e300, y: 0 } };
      },
      "10,000,000 pixels",
    ],
    [
      "arrivals",
      (f: Flow) => {
        f.nodes[0].arrivals.perHour = 1e308;
      },
      "at most 10,000,000",
    ],
    [
      "a huge number from the text",
      (f: Flow) => {
        f.nodes[0].arrivals.perHour = "@INF@";
      },
      "finite number",
    ],
  ])("refuses %s out of bounds with exit 1 and a message", async (_name, change, message) => {
    const flow = desk();
    change(flow);
    const file = write(flow);
    const run = await cli(["simulate", file, "--workers", "1"]);
    expect(run.code).toBe(1);
    expect(run.err).toContain(message);
  });

  it("refuses a run estimated above the ticket limit, saying how big and how to proceed", async () => {
    const flow = desk();
    flow.nodes[0].arrivals.perHour = 5_000_000;
    const file = write(flow);
    const run = await cli(["simulate", file, "--workers", "1"]);
    expect(run.code).toBe(2);
    expect(run.err).toContain("about 3.6 billion tickets");
    expect(run.err).toContain("--max-tickets");
    const size = estimateRunSize((parseModel(flow) as { model: Model }).model, 10);
    expect(size.tickets).toBeCloseTo(5_000_000 * 72 * 10, -3);
    expect(refuseRunSize(size, 4e9, () => "")).toBeUndefined();
  });

  it("lets --max-tickets lower or raise the limit", async () => {
    const file = write(desk());
    // 60 per hour over one day: about 1,440 tickets in one replication
    const small = ["simulate", file, "--replications", "1", "--horizon", "1d", "--workers", "1"];
    const refused = await cli([...small, "--max-tickets", "1k"]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("about 1,440 tickets");
    expect(refused.err).toContain("--max-tickets 1000000");
    expect((await cli([...small, "--max-tickets", "2k"])).code).toBe(0);
    expect((await cli([...small, "--max-tickets", "lots"])).code).toBe(2);
  });

  it("treats a horizon not longer than the warm-up, or endless, as a usage error (exit 2)", async () => {
    const file = write(desk());
    const short = await cli(["simulate", file, "--horizon", "6h"]);
    expect(short.code).toBe(2);
    expect(short.err).toContain("warm-up");
    const endless = await cli(["simulate", file, "--horizon", `${"9".repeat(400)}d`]);
    expect(endless.code).toBe(2);
    expect(endless.err).toContain("ten years");
  });

  it("prints progress lines every few seconds when stderr is not a terminal", () => {
    let clock = 0;
    let err = "";
    const report = progressReporter(
      {
        out: () => {},
        err: (t) => {
          err += t;
        },
        errIsTTY: false,
      },
      "",
      5,
      () => clock,
    );
    for (let done = 1; done <= 10; done++) {
      clock += 2000;
      report(done, 10);
    }
    // at 6 s, 12 s and 18 s: three lines, none at the end
    expect(err.trim().split("\n")).toHaveLength(3);
    expect(err).toMatch(/^replication 3\/10 after 6 s, about 14 s left$/m);
  });
});

describe("no internal errors for user input (issue 13)", () => {
  it("refuses JSON nested 5,000 deep and a mixture nested 500 deep with exit 1", async () => {
    const deep = `${'{"x":'.repeat(5000)}1${"}".repeat(5000)}`.replace(/^\{/, '{"format":"flowcast/v1",');
    const run = await cli(["validate", writeText(deep)]);
    expect(run.code).toBe(1);
    expect(run.out).toContain("nested more than 64 levels");
    let mixture = '{"dist":"fixed","value":60}';
    for (let i = 0; i < 500; i++) mixture = `{"dist":"mixture","parts":[{"weight":1,"dist":${mixture}}]}`;
    const text = DESK_TEXT.replace('{ "dist": "exponential", "mean": "5m" }', mixture);
    const mixed = await cli(["simulate", writeText(text)]);
    expect(mixed.code).toBe(1);
    expect(mixed.err).toContain("nested more than 64 levels");
  });

  it.each([["simulate"], ["compare"], ["export"], ["validate"]])(
    "exits 2 from %s for a file that is not JSON",
    async (command) => {
      const file = writeText("name: not json\n");
      const run = await cli(command === "export" ? [command, file, "--to", "svg"] : [command, file]);
      expect(run.code).toBe(2);
      expect(`${run.out}${run.err}`).toContain("not valid JSON");
    },
  );

  it("refuses --out equal to the input and leaves the flow as it was", async () => {
    const file = write(desk());
    const before = readFileSync(file, "utf8");
    for (const args of [
      ["simulate", file, "--out", file],
      ["compare", file, "--out", file],
      ["export", file, "--to", "svg", "--out", file],
    ]) {
      const run = await cli(args);
      expect(run.code).toBe(2);
      expect(run.err).toContain("is the input file");
    }
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("shows escape sequences in labels as text, never raw", async () => {
    const flow = desk();
    flow.nodes[1].label = "L1 \u001b[2J\u001b]0;owned\u0007 answers";
    const run = await cli(["simulate", write(flow), "--replications", "1", "--workers", "1"]);
    expect(run.code).toBe(0);
    expect(run.out).not.toContain("\u001b");
    expect(run.out).toContain("\\u001b[2J");
    expect(escapeControls("a\u009b1mb\nc\r\u001b[K")).toBe("a\\u009b1mb\nc\r\u001b[K");
  });

  it("bounds the PNG: a step 30,000 px away is drawn smaller with a note; 10,000,000 px away is refused with exit 2", async () => {
    const flow = desk();
    flow.layout = Object.fromEntries(flow.nodes.map((n: { id: string }, i: number) => [n.id, { x: i * 200, y: 0 }]));
    flow.layout.done.x = 30_000;
    const out = join(DIR, "far.png");
    const run = await cli(["export", write(flow), "--to", "png", "--out", out]);
    expect(run.code).toBe(0);
    expect(run.err).toContain("too big at scale 1");
    expect(pngSize(readFileSync(out)).width).toBeLessThanOrEqual(16_384);
    flow.layout.done.x = 10_000_000;
    const far = await cli(["export", write(flow), "--to", "png", "--out", join(DIR, "farther.png")]);
    expect(far.code).toBe(2);
    expect(far.err).toContain("Export it as SVG instead");
  });

  it("imports a 5,000-step chain with a plain layout instead of overflowing elkjs", async () => {
    const text = `flowchart LR\n${Array.from({ length: 5000 }, (_, i) => `  s${i} --> s${i + 1}`).join("\n")}\n`;
    const result = await fromMermaid(text, layoutFlow);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.model.layout)).toHaveLength(5001);
    expect(result.report.warnings.map((w) => w.message).join()).toContain("plain columns");
  });

  it("writes an imported flow that has problems but exits 1 listing them", async () => {
    const out = join(DIR, "imported.json");
    const run = await cli(["import", writeText("flowchart LR\n  a --> b\n  b --> a\n", "mmd"), "--out", out]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/problems? to fix/);
    expect(parseModelText(readFileSync(out, "utf8")).ok).toBe(true);
  });
});

describe("Mermaid import in linear time (issue 13)", () => {
  it("reads 400 KB of garbage lines in well under a second per 100 KB", () => {
    const line = 'a[( -- "x |y ]] & & --> ==> ;;';
    const text = `flowchart LR\n${`${line}\n`.repeat(Math.ceil(400_000 / (line.length + 1)))}`;
    const started = performance.now();
    const parsed = parseMermaid(text);
    expect(performance.now() - started).toBeLessThan(4000);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors.at(-1)?.message).toContain("stopped reading");
  });

  it("caps the links of `a0 & … & a299 --> b0 & … & b299` with a message", () => {
    const group = (p: string) => Array.from({ length: 300 }, (_, i) => `${p}${i}`).join(" & ");
    const parsed = parseMermaid(`flowchart LR\n${group("a")} --> ${group("b")}\n`);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors[0]?.message).toContain(`${MAX_EDGES.toLocaleString("en")} links`);
  });

  it("keeps the entity #99999999; as text instead of failing", () => {
    const parsed = parseMermaid('flowchart LR\n  A["x #99999999; #9829;"] --> B');
    expect(parsed.ok && parsed.graph.nodes[0]?.label).toBe("x #99999999; ♥");
  });
});

describe("escaped text exports (issue 13)", () => {
  const hostile = (): Model => {
    const model = (parseModel(desk()) as { model: Model }).model;
    model.name = "Desk\n# Injected heading";
    model.nodes[1]!.label = '<script>alert(1)</script> <img src=x onerror="alert(2)"> [link](javascript:alert(3))';
    model.teams[0]!.name = "<iframe src=javascript:alert(4)>";
    return model;
  };

  it("Markdown runbook: no raw HTML, no injected heading or link", () => {
    const markdown = toRunbookMarkdown(hostile());
    expect(markdown).not.toMatch(/<script|<img|<iframe/);
    expect(markdown).toContain("&lt;script&gt;");
    expect(markdown).not.toMatch(/^# Injected/m);
    expect(markdown).toContain("\\[link\\](javascript:alert(3))");
  });

  it("Mermaid export: no raw HTML in quoted labels, and it reads back to the same labels", async () => {
    const model = hostile();
    const text = toMermaid(model);
    expect(text).not.toMatch(/<script|<img|<iframe/);
    const back = await fromMermaid(text);
    expect(back.ok && back.model.nodes.find((n) => n.id === "l1-answer")?.label).toBe(model.nodes[1]!.label);
  });
});

describe("the real command (child process)", () => {
  it("refuses command names that are Object's own methods, and not-JSON, with exit 2", async () => {
    const notJson = writeText("{ oops");
    const [proto, ctor, sim] = await Promise.all([
      runCli(["__proto__"]),
      runCli(["constructor"]),
      runCli(["simulate", notJson]),
    ]);
    for (const run of [proto, ctor]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("unknown command");
    }
    expect(sim.code).toBe(2);
    expect(sim.stderr).toContain("not valid JSON");
    expect(sim.stderr).not.toMatch(/\n\s+at /);
  });
});

// helpers

/** An own property, read without the __proto__ accessor. */
function ownValue(holder: object, key: string): unknown {
  return Object.getOwnPropertyDescriptor(holder, key)?.value;
}

// biome-ignore lint/suspicious/noExplicitAny: a flow file as JSON, edited freely by the tests
type Flow = any;

function desk(): Flow {
  return JSON.parse(DESK_TEXT);
}

let counter = 0;
function write(flow: Flow): string {
  return writeText(JSON.stringify(flow).replace(/"@INF@"/g, "1e999"));
}

function writeText(text: string, extension = "json"): string {
  const file = join(DIR, `case${counter++}.${extension}`);
  writeFileSync(file, text);
  return file;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
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
  const code = await main(args, io);
  return { code, out, err };
}
