import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDuration } from "../../src/model";
import { KPI_NAMES } from "../../src/sim/results";
import { FIXTURES, ROOT, runCli, withoutProgress } from "./run-cli";

const DESK = join(FIXTURES, "cli.desk.json");
const INVALID = join(FIXTURES, "cli.invalid.json");
/** One queue without a patience (nobody hangs up); scenario "patient" gives it one. */
const NO_PATIENCE = join(FIXTURES, "cli.no-patience.json");
const FAST = ["--replications", "3", "--seed", "11"];

describe("flowcast simulate", () => {
  it("prints a table of KPIs with intervals, teams, work nodes and what was run", async () => {
    const { code, stdout, stderr } = await runCli(["simulate", DESK, ...FAST]);
    expect(withoutProgress(stderr)).toBe(""); // stderr is not a terminal here: no progress bar
    expect(code).toBe(0);
    for (const label of ["First-contact resolution", "Service level", "Abandon rate", "Resolution time", "CSAT"]) {
      expect(stdout).toContain(label);
    }
    expect(stdout).toMatch(/Service level\s+\d+\.\d+% \(\d+\.\d+% – \d+\.\d+%\)/);
    expect(stdout).toContain("Front line (l1)");
    expect(stdout).toContain('"L1 answers" (l1-answer)');
    expect(stdout).toMatch(/Replications\s+3/);
    expect(stdout).toMatch(/Seed\s+11/);
    expect(stdout).toContain("Small desk");
  });

  it("prints no abandonment row or column when no queue has a patience, and the JSON has no abandonRate", async () => {
    const { code, stdout } = await runCli(["simulate", NO_PATIENCE, ...FAST, "--workers", "1"]);
    expect(code).toBe(0);
    expect(stdout).toContain("First-contact resolution");
    expect(stdout).not.toMatch(/abandon/i);
    expect(stdout).toMatch(/^Work node +entered +served +mean wait +waited$/m);
    const json = await runCli(["simulate", NO_PATIENCE, ...FAST, "--workers", "1", "--json"]);
    const results = JSON.parse(json.stdout);
    expect(results.kpis).not.toHaveProperty("abandonRate");
    expect(results.replicationKpis).not.toHaveProperty("abandonRate");
    // With the scenario's patience the row is back, with a figure.
    const patient = await runCli(["simulate", NO_PATIENCE, ...FAST, "--workers", "1", "--scenario", "patient"]);
    expect(patient.stdout).toMatch(/^Abandon rate +\d+\.\d%/m);
  });

  it("prints the flowcast-results/v1 document with --json", async () => {
    const { code, stdout } = await runCli(["simulate", DESK, ...FAST, "--json", "--scenario", "plus2"]);
    expect(code).toBe(0);
    const results = JSON.parse(stdout);
    expect(results.format).toBe("flowcast-results/v1");
    for (const key of [
      "model",
      "scenario",
      "seed",
      "replications",
      "events",
      "wallSeconds",
      "kpis",
      "nodes",
      "teams",
      "series",
    ]) {
      expect(results).toHaveProperty(key);
    }
    expect(results).toMatchObject({ model: "Small desk", scenario: "plus2", seed: 11, replications: 3 });
    for (const kpi of KPI_NAMES) {
      expect(results.kpis[kpi]).toHaveProperty("mean");
      expect(results.kpis[kpi].ci95).toHaveLength(2);
      expect(results.replicationKpis[kpi]).toHaveLength(3);
    }
    expect(results.events).toBeGreaterThan(0);
    expect(Object.keys(results.teams).sort()).toEqual(["l1", "l2"]);
  });

  it("prints the same document on one worker and on two (bar wallSeconds)", async () => {
    const one = await runCli(["simulate", DESK, ...FAST, "--json", "--workers", "1"]);
    const two = await runCli(["simulate", DESK, ...FAST, "--json", "--workers", "2"]);
    expect(one.code).toBe(0);
    const strip = (text: string) => JSON.stringify({ ...JSON.parse(text), wallSeconds: 0 });
    expect(strip(two.stdout)).toBe(strip(one.stdout));
  });

  it("writes the results document to --out and still prints the table", async () => {
    const dir = await mkdtemp(join(tmpdir(), "flowcast-cli-"));
    const out = join(dir, "results.json");
    const { code, stdout } = await runCli(["simulate", DESK, ...FAST, "--out", out]);
    expect(code).toBe(0);
    expect(stdout).toContain("First-contact resolution");
    const written = JSON.parse(await readFile(out, "utf8"));
    expect(written.format).toBe("flowcast-results/v1");
    expect(written.replications).toBe(3);
  });

  it("exits 1 with the problems of an invalid flow, naming the place, without a stack trace", async () => {
    const { code, stdout, stderr } = await runCli(["simulate", INVALID]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("l1-answer");
    expect(stderr).toContain("soon");
    expect(stderr).toContain("nothing was simulated");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 1 for an unknown scenario and lists the flow's scenarios", async () => {
    const { code, stderr } = await runCli(["simulate", DESK, "--scenario", "minus9"]);
    expect(code).toBe(1);
    expect(stderr).toContain('"minus9"');
    expect(stderr).toContain("plus2");
    expect(stderr).toContain("busy");
  });

  it.each([
    [["--replications", "-3"], "--replications"],
    [["--replications", "2.5"], "--replications"],
    [["--seed", "x"], "--seed"],
    [["--horizon", "abc"], "--horizon"],
    [["--horizon", "0d"], "--horizon"],
    [["--workers", "0"], "--workers"],
    [["--colour"], "colour"],
  ])("exits 2 with a clear message for bad options %j", async (args, named) => {
    const { code, stdout, stderr } = await runCli(["simulate", DESK, ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(named);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 for a missing file or none at all", async () => {
    const missing = await runCli(["simulate", join(FIXTURES, "no-such-flow.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file");
    const none = await runCli(["simulate"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("FILE");
  });

  it("runs every sample flow and gives plausible figures", async () => {
    const samples = (await readdir(join(ROOT, "samples"))).filter((f) => f.endsWith(".json"));
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) {
      // a short run: five days past the sample's own warm-up
      const flow = JSON.parse(await readFile(join(ROOT, "samples", sample), "utf8"));
      const horizon = (parseDuration(flow.clock.warmup ?? 0) ?? 0) + 5 * 86400;
      const { code, stdout, stderr } = await runCli([
        "simulate",
        join("samples", sample),
        "--replications",
        "2",
        "--horizon",
        String(horizon),
        "--json",
      ]);
      // Peaks at 90-100% of a team's capacity are warned of (once each), never anything else.
      const other = withoutProgress(stderr)
        .split("\n")
        .filter((line) => line !== "" && !/^warning: .* at 9\d% of its capacity .*expect long waits/.test(line));
      expect({ sample, code, other }).toEqual({ sample, code: 0, other: [] });
      const lines = stderr.split("\n").filter((line) => line.startsWith("warning:"));
      expect(new Set(lines).size, `${sample}: a warning printed twice`).toBe(lines.length);
      const results = JSON.parse(stdout);
      expect(results.kpis.tickets.mean).toBeGreaterThan(0);
      // abandonment is reported exactly when some queue has a patience
      const patient = flow.nodes.some(
        (n: { kind: string; queue?: { patience?: unknown } }) => n.kind === "work" && n.queue?.patience !== undefined,
      );
      expect("abandonRate" in results.kpis, `${sample} abandonRate`).toBe(patient);
      for (const share of ["fcr", ...(patient ? ["abandonRate"] : []), "utilization"]) {
        const mean = results.kpis[share].mean;
        if (mean !== null) expect(mean, `${sample} ${share}`).toBeGreaterThanOrEqual(0);
        if (mean !== null) expect(mean, `${sample} ${share}`).toBeLessThanOrEqual(1);
      }
    }
  });
});
