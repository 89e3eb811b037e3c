import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, runCli, withoutProgress } from "./run-cli";

const DESK = join(FIXTURES, "cli.desk.json");
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
    expect(stdout).toContain("paired 95% interval");
  });

  it("prints the comparison document with --json, paired on one seed", async () => {
    const { code, stdout } = await runCli(["compare", DESK, "--scenarios", "base,plus2,busy", ...RUN, "--json"]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.format).toBe("flowcast-comparison/v1");
    expect(doc.scenarios).toEqual([null, "plus2", "busy"]);
    expect(doc.seed).toBe(3);
    expect(doc.comparisons).toHaveLength(2);
    const [plus2, busy] = doc.comparisons;
    expect(plus2.paired).toBe(true);
    const sl = plus2.kpis.find((k: { kpi: string }) => k.kpi === "serviceLevel");
    expect(sl.difference).toBeGreaterThan(0);
    expect(sl.significant).toBe(true);
    expect(sl.verdict).toBe("better");
    // 20% more calls for the same staff: more tickets, certainly.
    const tickets = busy.kpis.find((k: { kpi: string }) => k.kpi === "tickets");
    expect(tickets.difference).toBeGreaterThan(0);
    expect(tickets.significant).toBe(true);
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
  ])("exits 2 for %j", async (args, message) => {
    const { code, stderr } = await runCli(["compare", DESK, ...args]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
