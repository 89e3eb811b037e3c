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
import type { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
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

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    errIsTTY: false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

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
