/** `flowcast staff --shifts` as a user runs it (the built command: HiGHS's WebAssembly file must be found). */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatShiftPlan } from "../../src/cli/staffShifts";
import { encodeModel } from "../../src/model";
import { runCli, runInProcess } from "../cli/run-cli";
import { singleQueue } from "./flows";

const dir = mkdtempSync(join(tmpdir(), "flowcast-shifts-"));
const flow = join(dir, "single.json");
writeFileSync(flow, JSON.stringify(encodeModel(singleQueue(40, 360, 180))));
const rules = join(dir, "rules.json");
writeFileSync(
  rules,
  JSON.stringify({ lengths: ["8h"], starts: { from: "00:00", to: "23:00", every: "1h" }, costPerHour: { a: 30 } }),
);

const runHere = runInProcess;

describe("flowcast staff --shifts", () => {
  it("adds shifts, coverage and the roster to the staffing document; writes the CSV and the scenario", async () => {
    const csv = join(dir, "plan.csv");
    const out = join(dir, "with-plan.json");
    const run = await runCli([
      "staff",
      flow,
      "--target",
      "nodes.q.serviceLevel>=70%",
      "--per-interval",
      "--shifts",
      rules,
      "--replications",
      "3",
      "--horizon",
      "4d",
      "--json",
      "--roster",
      csv,
      "--write-scenario",
      "Shift plan",
      "--flow-out",
      out,
    ]);
    const doc = JSON.parse(run.stdout);
    expect(run.code).toBe(doc.met && doc.coverage.met ? 0 : 1);
    expect(doc.shifts.length).toBeGreaterThan(0);
    expect(doc.shifts[0]).toMatchObject({ team: "a", hours: 8 });
    const cover = doc.coverage.teams.a;
    expect(cover.required).toEqual(doc.requirement.teams.a);
    cover.required.forEach((n: number, k: number) => {
      expect(cover.scheduled[k]).toBeGreaterThanOrEqual(n);
    });
    const paid = doc.shifts.reduce((sum: number, s: { people: number; hours: number }) => sum + s.people * s.hours, 0);
    expect(doc.roster.costPerWeek).toBeCloseTo(paid * 30, 6);
    expect(doc.roster.teams.a.optimal).toBe(true);
    // the roster: one row per person, each day their shift or off, nobody past daysPerWeek
    const lines = readFileSync(csv, "utf8").trim().split("\n");
    expect(lines[0]).toBe("team,person,mon,tue,wed,thu,fri,sat,sun,days_worked,paid_hours");
    expect(lines.length).toBe(doc.roster.people.length + 1);
    expect(doc.roster.people.length).toBe(doc.roster.teams.a.headcount);
    const worked = lines.slice(1).map(
      (l) =>
        l
          .split(",")
          .slice(2, 9)
          .filter((c) => c !== "off").length,
    );
    expect(Math.max(...worked)).toBeLessThanOrEqual(5);
    const shiftsGiven = worked.reduce((a, b) => a + b, 0);
    expect(shiftsGiven).toBe(doc.shifts.reduce((n: number, s: { people: number }) => n + s.people, 0));
    expect(doc.coverage.rounds).toBeGreaterThanOrEqual(1);
    expect(doc.coverage.note).toMatch(/plan/);
    // the text output says what the check found and how many people the roster has
    const text = formatShiftPlan(doc, singleQueue(40, 360, 180));
    expect(text).toContain(doc.coverage.note);
    expect(text).toContain(`Roster: ${doc.roster.people.length} people, each at most 5 days a week`);
    const written = JSON.parse(readFileSync(out, "utf8"));
    expect(written.scenarios.at(-1)).toMatchObject({ id: "shift-plan", name: "Shift plan" });
    expect(written.scenarios.at(-1).set["teams.a.schedule"].length).toBeGreaterThan(0);
  }, 90_000);

  it.each([
    [["--shifts", join(dir, "missing.json")], "cannot read"],
    [["--roster", "x.csv"], "--roster needs --shifts RULES.json"],
    [["--shifts", rules, "--write-scenario", "X"], "--write-scenario needs --flow-out"],
  ])("exits 2 before any search: %j", async (args, message) => {
    const run = await runHere(["staff", flow, "--target", "serviceLevel>=70%", ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it("names the field of a rule mistake", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ lengths: ["8h"], starts: ["8am"] }));
    const run = await runHere(["staff", flow, "--target", "serviceLevel>=70%", "--shifts", bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${bad}: starts[0]: must be a time of day written "HH:MM"`);
  });
});
