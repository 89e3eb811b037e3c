/**
 * `flowcast validate` as a user runs it: the real bin/flowcast.mjs in a child process on
 * real files, checking exit codes (0 valid, 1 invalid, 2 unreadable / not JSON / usage) and
 * that every message names the file and the place, never with a stack trace.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { boundsProblem, field } from "../../src/model";
import { ROOT, runCli } from "./run-cli";

const DESK = readFileSync(join(ROOT, "src/model/validate.desk.json"), "utf8");
let dir = "";

/** Writes a file in the test's temp folder and returns its path. */
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The desk fixture with one edit, written to a temp file. */
// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited as plain JSON
function deskWith(name: string, edit: (flow: any) => void): string {
  const flow = JSON.parse(DESK);
  edit(flow);
  return file(name, JSON.stringify(flow, null, 2));
}

const STACK_TRACE = /^\s+at .+\(.+:\d+:\d+\)$/m;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "flowcast-validate-"));
});

describe("flowcast validate", () => {
  it("says a valid file is valid with its size, exit 0", async () => {
    const path = file("desk.json", DESK);
    const run = await runCli(["validate", path]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    // the desk staffs L1 50 hours a week against a chat line open around the clock: valid,
    // with the offered-load warnings of issue 9
    expect(run.stdout).toBe(
      `✓ ${path}: valid with 2 warnings (11 steps, 16 connections)\n` +
        `${path}: warning teams[0]: L1 front line is offered 252% of its capacity over the week: at least 60% of its contacts will hang up before an agent answers.\n` +
        `${path}: warning teams[1]: L2 specialists is offered 121% of its capacity over the week: the queue will grow without limit.\n`,
    );
  });

  it("words a value out of its bounds as the inspector does, from the field spec, exit 1", async () => {
    const path = deskWith("bounds.json", (f) => {
      f.clock.seriesInterval = 30;
      f.teams[0].agents = -3;
      f.teams[1].tier = 0;
      f.teams[1].concurrency = 1.5;
      f.nodes.find((n: { id: string }) => n.id === "l1-answer").queue.slaSeconds = -5;
    });
    const run = await runCli(["validate", path]);
    expect(run.code).toBe(1);
    const bad: [string, string, number, string][] = [
      ["clock.seriesInterval", "Flow", 30, "30 s"],
      ["teams.agents", 'Team "L1 front line" (l1)', -3, "-3"],
      ["teams.tier", 'Team "L2 specialists" (l2)', 0, "L0"],
      ["teams.concurrency", 'Team "L2 specialists" (l2)', 1.5, "1.5"],
      ["nodes.work.queue.slaSeconds", 'Step "L1 answers" (l1-answer)', -5, "-5 s"],
    ];
    for (const [fieldPath, subject, value, shown] of bad) {
      // What the inspector shows at the input (SpecField, NewTeamForm): the same words.
      const inspector = boundsProblem(field(fieldPath), value);
      expect(inspector).toMatch(/^[A-Z].* must be /);
      expect(run.stdout + run.stderr).toContain(`${subject}: ${inspector} (it is ${shown}).`);
    }
  });

  it("names a missing file, exit 2, no stack trace", async () => {
    const path = join(dir, "nowhere.json");
    const run = await runCli(["validate", path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${path}: cannot read the file: no such file\n`);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it("gives the line and column of a file that is not JSON, exit 2", async () => {
    const path = file(
      "broken.json",
      '{\n  "format": "flowcast/v1",\n  "nodes": [\n    { "id": "a" }\n    { "id": "b" }\n  ]\n}\n',
    );
    const run = await runCli(["validate", path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${path}: The file is not valid JSON:`);
    expect(run.stderr).toContain("at line 5, column 5");
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it("prints schema errors naming the step and field, exit 1", async () => {
    const path = deskWith("schema-error.json", (flow) => {
      flow.nodes[4].handleTime = "soon";
    });
    const run = await runCli(["validate", path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `${path}: error nodes[4].handleTime: Step "L1 answers" (l1-answer): handleTime "soon" is not a duration`,
    );
    expect(run.stdout).toContain(`✗ ${path}: invalid, 1 error\n`);
  });

  it("prints semantic errors naming the step, exit 1", async () => {
    const path = deskWith("semantic-error.json", (flow) => {
      flow.nodes[4].outcomes.resolved = 0.62;
    });
    const run = await runCli(["validate", path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `${path}: error nodes[4].outcomes: Outcome shares of "L1 answers" (l1-answer) add up to 0.90; they must add up to 1.\n` +
        `✗ ${path}: invalid, 1 error\n`,
    );
  });

  it("lets warnings pass with exit 0 and prints them", async () => {
    const path = deskWith("warning.json", (flow) => {
      flow.teams[1].agents = 0;
    });
    const run = await runCli(["validate", path]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`✓ ${path}: valid with 2 warnings (11 steps, 16 connections)`);
    expect(run.stdout).toContain(`${path}: warning teams[1].agents: Team "L2 specialists" (l2)`);
  });

  it("checks several files: 1 when one is invalid, 2 when one cannot be read", async () => {
    const good = file("good.json", DESK);
    const bad = deskWith("bad.json", (flow) => {
      flow.edges[0].to = "nowhere";
    });
    const invalid = await runCli(["validate", good, bad]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain(`✓ ${good}: valid`);
    expect(invalid.stdout).toContain(`${bad}: error edges[0].to:`);
    const unreadable = await runCli(["validate", good, bad, join(dir, "missing.json")]);
    expect(unreadable.code).toBe(2);
  });

  it("prints the diagnostics as JSON with --json", async () => {
    const path = deskWith("json.json", (flow) => {
      flow.nodes[4].team = "l9";
    });
    const run = await runCli(["validate", "--json", path]);
    expect(run.code).toBe(1);
    const reports = JSON.parse(run.stdout);
    expect(reports).toEqual([
      {
        file: path,
        readable: true,
        valid: false,
        steps: 11,
        connections: 16,
        diagnostics: [
          expect.objectContaining({ severity: "error", path: "nodes[4].team", nodeId: "l1-answer", teamId: "l9" }),
        ],
      },
    ]);
  });

  it("treats usage mistakes as exit 2 and --help as exit 0", async () => {
    const none = await runCli(["validate"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("flowcast validate FILE");
    const unknown = await runCli(["validate", "--strict", "x.json"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--strict'");
    const help = await runCli(["validate", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: flowcast validate FILE...");
  });

  it("says every sample in samples/ is valid", async () => {
    const samples = readdirSync(join(ROOT, "samples"))
      .filter((name) => name.endsWith(".json"))
      .map((name) => `samples/${name}`);
    expect(samples.length).toBeGreaterThan(0);
    const run = await runCli(["validate", ...samples]);
    expect(run.stdout.split("\n").filter((line) => line.startsWith("✓ "))).toHaveLength(samples.length);
    expect(run.code).toBe(0);
  });
});
