import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, runCli, withoutProgress } from "./run-cli";

const DESK = join(FIXTURES, "cli.desk.json");
/** One queue without a patience; scenario "patient" gives it a 3-minute one. */
const NO_PATIENCE = join(FIXTURES, "cli.no-patience.json");
// Five replications on common random numbers: two more L1 agents (6 -> 8, offered load
// about 5.3 Erlangs) lift the service level by tens of points, far outside any interval.
const RUN = ["--replications", "5", "--seed", "3"];

describe("flowcast compare", () => {
  it("shows each scenario, the difference against the first and a significance marker", async () => {
    const { code, stdout, stderr } = await runCli(["compare", DESK, "--scenarios", "base,plus2", ...RUN]);
    expect(withoutProgress(stderr)).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("plus2 − base");
    const serviceLevel = stdout.split("\n").find((line) => line.startsWith("Service level"));
    expect(serviceLevel).toMatch(/\+\d+\.\d pp.*\* better/);
    const wait = stdout.split("\n").find((line) => line.startsWith("First response time"));
    expect(wait).toMatch(/−.*\* better/);
    expect(stdout).toContain("95% interval excludes 0 and the difference exceeds the KPI's practical threshold");
    expect(stdout).toContain("common random numbers");
    expect(stdout).not.toContain("not noise");
    // Every figure at a sensible precision: no exponent notation, no long decimals.
    expect(stdout).not.toMatch(/\de[+-]?\d/);
    expect(stdout).not.toMatch(/\d\.\d{4,}/);
    // Both teams have a row; their intervals are paired on per-replication team figures.
    expect(stdout).toMatch(/^Utilisation · \S/m);
    expect(stdout).not.toContain("Team utilisation intervals are unpaired");
  });

  it("prints the comparison document with --json, paired on one seed, with the thresholds used", async () => {
    const minDiff = ["--min-diff", "tickets=100000", "--min-diff", "backlog=2"];
    const { code, stdout } = await runCli([
      "compare",
      DESK,
      "--scenarios",
      "base,plus2,busy",
      ...RUN,
      ...minDiff,
      "--json",
    ]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.format).toBe("flowcast-comparison/v1");
    expect(doc.scenarios).toEqual([null, "plus2", "busy"]);
    expect(doc.seed).toBe(3);
    expect(doc.minDiff).toMatchObject({ tickets: 100000, backlog: 2, fcr: 0.005, firstResponseSeconds: 1 });
    expect(doc.comparisons).toHaveLength(2);
    const [plus2, busy] = doc.comparisons;
    expect(plus2.paired).toBe(true);
    expect(plus2.teamsPaired).toBe(true);
    const sl = plus2.kpis.find((k: { kpi: string }) => k.kpi === "serviceLevel");
    expect(sl.difference).toBeGreaterThan(0);
    expect(sl.significant).toBe(true);
    expect(sl.verdict).toBe("better");
    // 20% more calls for the same staff: more tickets, certainly, but far under a
    // threshold of 100,000 tickets, so not flagged; more abandonment, flagged.
    const tickets = busy.kpis.find((k: { kpi: string }) => k.kpi === "tickets");
    expect(tickets.difference).toBeGreaterThan(0);
    expect(tickets.excludesZero).toBe(true);
    expect(tickets.minDiff).toBe(100000);
    expect(tickets.significant).toBe(false);
    const abandon = busy.kpis.find((k: { kpi: string }) => k.kpi === "abandonRate");
    expect(abandon.verdict).toBe("worse");
  });

  it("does not compare abandonment when only the scenario has a patience, and keeps the rest paired", async () => {
    const { code, stdout } = await runCli(["compare", NO_PATIENCE, ...RUN, "--workers", "1"]);
    expect(code).toBe(0);
    const abandon = stdout.split("\n").find((line) => line.startsWith("Abandon rate"));
    expect(abandon).toMatch(/^Abandon rate +— +\d+\.\d% +— +\(not comparable: not modelled in base\)$/);
    expect(stdout).toContain("paired over 5 replications");
    const json = JSON.parse((await runCli(["compare", NO_PATIENCE, ...RUN, "--workers", "1", "--json"])).stdout);
    const [patient] = json.comparisons;
    expect(patient.paired).toBe(true);
    expect(patient.kpis.map((k: { kpi: string }) => k.kpi)).not.toContain("abandonRate");
    expect(patient.unmatched).toEqual([{ kpi: "abandonRate", reportedBy: "other" }]);
    expect(json.kpis[0]).not.toHaveProperty("abandonRate");
    expect(json.kpis[1].abandonRate.mean).toBeGreaterThan(0);
  });

  it("exits 1 for an unknown scenario, listing the flow's scenarios", async () => {
    const { code, stderr } = await runCli(["compare", DESK, "--scenarios", "base,plus9"]);
    expect(code).toBe(1);
    expect(stderr).toContain('"plus9"');
    expect(stderr).toContain("plus2");
  });

  it.each([
    [["--scenarios", "base"], "at least two"],
    [["--scenarios", "base,base"], "twice"],
    [["--scenarios", "base,plus2", "--replications", "0"], "--replications"],
    [["--scenarios", "base,plus2", "--min-diff", "nps=1"], '"nps" is not a KPI'],
    [["--scenarios", "base,plus2", "--min-diff", "fcr"], "KPI=VALUE"],
    [["--scenarios", "base,plus2", "--min-diff", "resolutionSeconds=soon"], "30s, 5m or 2h"],
    [["--scenarios", "base,plus2", "--min-diff", "backlog=-1"], "0 or more"],
  ])("exits 2 for %j", async (args, message) => {
    const { code, stderr } = await runCli(["compare", DESK, ...args]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
