/**
 * Snapshot logs (one row per state update, nothing marks the end of work) in `flowcast
 * backtest` and `calibrate`: on a simulated snapshot log with known truth the fit is made on
 * the work-in-progress basis (said in the report), the predicted resolution times, open
 * tickets, volume and handle times hold the test period's actuals, and no team is staffed
 * below the work it holds (the agents-from-people estimate put it above 1,000%).
 */
import { closeSync, mkdtempSync, openSync, readFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "../cli/run-cli";
import { generateSnapshotLog, type SnapshotTruth } from "./generateSnapshotLog";

const dir = mkdtempSync(join(tmpdir(), "flowcast-snapshot-"));
const COLUMNS = [
  ...["--case", "number", "--time", "sys_updated_at", "--activity", "incident_state"],
  ...["--team", "assignment_group", "--resource", "assigned_to"],
];
// Truth: 5 tickets an hour for 21 days; L1 picks up in 1.5 h and is "Active" 8 h; 25% go on
// to L2 (picked up in 3 h, "Active" 24 h). Four people at L1 and three at L2.
const TRUTH: SnapshotTruth = {
  perHour: 5,
  days: 21,
  start: "2026-03-02",
  l1: { pickup: 5400, active: 8 * 3600, people: 4 },
  l2: { pickup: 3 * 3600, active: 24 * 3600, people: 3 },
  escalateShare: 0.25,
  seed: 5,
};
const SPLIT = ["--train", "2026-03-02..2026-03-15", "--test", "2026-03-16..2026-03-22"];
let log = "";

const run = runInProcess;

interface Figure {
  id: string;
  actual: number | null;
  predicted: { mean: number | null; low: number | null; high: number | null };
  baseline: number | null;
}

beforeAll(() => {
  log = join(dir, "snapshot.csv");
  const fd = openSync(log, "w");
  generateSnapshotLog(TRUTH, (text) => writeSync(fd, text));
  closeSync(fd);
});

describe("backtest on a simulated snapshot log", () => {
  let report: { fit: { log: string; agentsBasis: string }; figures: Figure[]; notes: string[] };
  const fig = (id: string) => report.figures.find((f) => f.id === id)!;

  beforeAll(async () => {
    const out = join(dir, "report.json");
    const { code, stderr } = await run(["backtest", log, ...COLUMNS, ...SPLIT, "--replications", "4", "--out", out]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    report = JSON.parse(readFileSync(out, "utf8"));
  });

  it("detects the snapshot log and says which basis the fit used", () => {
    expect(report.fit.log).toBe("snapshot");
    expect(report.fit.agentsBasis).toMatch(/work-in-progress/);
    expect(report.notes.join("\n")).toMatch(/Snapshot log: 0 of \d+ work states end with an end-of-work event/);
  });

  it("predicts resolution times, open tickets, volume and handle times near the actuals", () => {
    // Tolerances: the test week holds ~840 tickets; the median of a cv-1 lognormal sum is
    // known to about 4% (1 sd) from them and the 90th percentile to about 7%, the open
    // tickets (about 80, each open ~16 h on average) to about 6%: 15% and 20% are 3 sd.
    const within = (id: string, tolerance: number) => {
      const f = fig(id);
      expect(Math.abs(f.predicted.mean! / f.actual! - 1), id).toBeLessThan(tolerance);
    };
    within("resolutionP50Seconds", 0.15);
    within("resolutionP90Seconds", 0.2);
    within("openMean", 0.15);
    within("ticketsPerWeek", 0.08);
    within("handleMeanSeconds:L1", 0.1);
    within("handleMeanSeconds:L2", 0.2);
    // 25% escalated: binomial sd over ~840 tickets is 1.5 points.
    expect(Math.abs(fig("escalationShare").predicted.mean! - fig("escalationShare").actual!)).toBeLessThan(0.05);
  });
});

describe("backtest on a snapshot log whose desk changed during the train period", () => {
  // Truth: 2 tickets an hour; L1 is "Active" 30 h for four weeks, then 3 h from day 28 on.
  // Train 8 weeks, test the ninth.
  const CHANGED: SnapshotTruth = {
    ...TRUTH,
    perHour: 2,
    days: 63,
    escalateShare: 0.1,
    l1: { ...TRUTH.l1, active: 30 * 3600 },
    change: { day: 28, l1Active: 3 * 3600 },
    seed: 9,
  };
  const DRIFT_SPLIT = ["--train", "2026-03-02..2026-04-26", "--test", "2026-04-27..2026-05-03"];
  let file = "";
  beforeAll(() => {
    file = join(dir, "changed.csv");
    const fd = openSync(file, "w");
    generateSnapshotLog(CHANGED, (text) => writeSync(fd, text));
    closeSync(fd);
  });
  const backtest = async (extra: string[]) => {
    const { code, stdout, stderr } = await run(["backtest", file, ...COLUMNS, ...DRIFT_SPLIT, ...extra, "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as { fit: { span: { from: string }; drift?: unknown }; figures: Figure[] };
    return { ...r, p50: r.figures.find((f) => f.id === "resolutionP50Seconds")! };
  };

  it("fits the last four weeks by default and comes near the test week; --fit-span all fits the whole period", async () => {
    const recent = await backtest(["--replications", "2"]);
    expect(recent.fit.span.from).toBe("2026-03-30T00:00");
    expect(recent.fit.drift).toBeDefined();
    // About 330 test tickets: their median (about 4.5 h) is known to about 6%; 25% is 4 sd.
    expect(Math.abs(recent.p50.predicted.mean! / recent.p50.actual! - 1)).toBeLessThan(0.25);
    const whole = await backtest(["--replications", "2", "--fit-span", "all"]);
    expect(whole.fit.span.from).toBe("2026-03-02T00:00");
    expect(whole.fit.drift).toBeUndefined();
    // Half the train tickets were "Active" ten times longer: the median comes out far above.
    expect(whole.p50.predicted.mean! / whole.p50.actual!).toBeGreaterThan(1.5);
  });

  it("refuses a --fit-span it does not know (exit 2)", async () => {
    const { code, stderr } = await run(["backtest", file, ...COLUMNS, ...DRIFT_SPLIT, "--fit-span", "recent"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--fit-span "recent" must be auto or all/);
  });
});

describe("calibrate on a simulated snapshot log", () => {
  it("staffs each team above the work it holds at once, and says so", async () => {
    const report = join(dir, "fit.json");
    const { code } = await run(["calibrate", log, ...COLUMNS, "--out", join(dir, "flow.json"), "--report", report]);
    expect(code).toBe(0);
    const r = JSON.parse(readFileSync(report, "utf8"));
    const flow = JSON.parse(readFileSync(join(dir, "flow.json"), "utf8"));
    // L1 holds 5/h x 8 h = 40 tickets "Active" on average: far above its 4 people.
    const l1 = flow.teams.find((t: { name: string }) => t.name === "L1");
    expect(l1.agents).toBeGreaterThan(40);
    expect(flow.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining(["pickup-l1", "pickup-l2"]));
    expect(r.notes.join("\n")).toMatch(/work-in-progress/);
    for (const row of r.comparison.filter((x: { figure: string }) => x.figure.startsWith("utilisation")))
      expect(row.log, row.figure).toBeLessThan(1);
  });
});
