/**
 * Ticket tables end to end through the command line: a desk with known truth is simulated
 * (Flowcast's own event log), turned into a one-row-per-ticket table as Zendesk exports it,
 * and calibrated from the table (found without --table): arrival rates, handle times, team
 * shares and agents come back within stated tolerances, and what a table cannot tell is "—".
 * Then hostile tables (missing columns, resolved before created, blank cells) and a backtest
 * on a table.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EventLogWriter } from "../../src/io/eventlog/writer";
import { parseModelText } from "../../src/model";
import { runReplication } from "../../src/sim";
import { runInProcess } from "../cli/run-cli";
import { csvText, ticketTable } from "./ticketTable";

const dir = mkdtempSync(join(tmpdir(), "flowcast-tables-"));
// Truth: phone 12/h to a team of 5 (lognormal, mean 15 min), email 6/h to a team of 3 (gamma,
// mean 20 min), 28 days around the clock: about 12,000 tickets.
const TRUTH = { phonePerHour: 12, emailPerHour: 6, phoneMean: 900, emailMean: 1200, phoneAgents: 5, emailAgents: 3 };
const DESK = {
  format: "flowcast/v1",
  name: "Two queues",
  clock: { start: "2026-01-05T00:00", horizon: "28d", warmup: "0d" },
  teams: [
    { id: "phone-team", tier: 1, agents: TRUTH.phoneAgents },
    { id: "email-team", tier: 1, agents: TRUTH.emailAgents },
  ],
  nodes: [
    { id: "phone", kind: "channel", channel: "phone", arrivals: { perHour: TRUTH.phonePerHour } },
    { id: "email", kind: "channel", channel: "email", arrivals: { perHour: TRUTH.emailPerHour } },
    {
      id: "wp",
      kind: "work",
      team: "phone-team",
      handleTime: { dist: "lognormal", mean: TRUTH.phoneMean, sd: 600 },
      outcomes: { resolved: 1 },
    },
    {
      id: "we",
      kind: "work",
      team: "email-team",
      handleTime: { dist: "gamma", mean: TRUTH.emailMean, sd: 720 },
      outcomes: { resolved: 1 },
    },
    { id: "done", kind: "end" },
  ],
  edges: [
    { id: "e1", from: "phone", to: "wp" },
    { id: "e2", from: "email", to: "we" },
    { id: "e3", from: "wp", port: "resolved", to: "done" },
    { id: "e4", from: "we", port: "resolved", to: "done" },
  ],
};
let table = "";

const run = runInProcess;

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(() => {
  const parsed = parseModelText(JSON.stringify(DESK));
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("; "));
  let log = "";
  const writer = new EventLogWriter(parsed.model.clock.start, (text) => {
    log += text;
  });
  runReplication(parsed.model, 7, 0, undefined, writer);
  writer.flush();
  table = write("tickets.csv", csvText(ticketTable(log)));
});

describe("calibrate from a ticket table (simulate --event-log, turned into a table)", () => {
  let report: {
    source: { rows: number; tickets: number };
    columns: Record<string, string>;
    comparison: { figure: string; log: number | null; simulated: number | null }[];
    paths: { log: Record<string, number> };
    teams: { id: string; agentsEstimate: { min: number; max: number } }[];
    notes: string[];
  };
  let flow: { nodes: { id: string; kind: string; arrivals?: { perHour: number }; handleTime?: { mean?: number } }[] };
  const row = (figure: string) => report.comparison.find((r) => r.figure === figure)!;

  beforeAll(async () => {
    const out = join(dir, "fit.json");
    const rep = join(dir, "fit-report.json");
    // No --table and no column named: found by its header (Zendesk names) and unique ids.
    const { code, stderr } = await run(["calibrate", table, "--out", out, "--report", rep, "--replications", "1"]);
    expect(stderr).toMatch(/Read .* as a ticket table: [\d,]+ rows/);
    expect(code).toBe(0);
    report = JSON.parse(readFileSync(rep, "utf8"));
    flow = JSON.parse(readFileSync(out, "utf8"));
  });

  it("finds the columns by the Zendesk export names", () => {
    expect(report.columns).toMatchObject({
      case: "Id",
      created: "Created at",
      resolved: "Solved at",
      team: "Group",
      channel: "Via",
      handleTime: "Handle time",
      reassignments: "Group stations",
      reopens: "Reopens",
    });
    expect(report.source.rows).toBe(report.source.tickets);
  });

  it("recovers each channel's arrival rate within 4% and the team shares within 2 points", () => {
    // Poisson: 8,064 phone tickets (sd 1.1%), 4,032 email (sd 1.6%); 4% is 2.5 sd or more.
    const rate = (channel: string) => flow.nodes.find((n) => n.id === `ch-${channel}`)!.arrivals!.perHour;
    expect(Math.abs(rate("phone") / TRUTH.phonePerHour - 1)).toBeLessThan(0.04);
    expect(Math.abs(rate("email") / TRUTH.emailPerHour - 1)).toBeLessThan(0.04);
    expect(Math.abs(report.paths.log["phone-team"]! - 2 / 3)).toBeLessThan(0.02);
  });

  it("recovers handle-time means within 5% and the agents of each team", () => {
    // Standard errors: 0.8% (phone) and 1.0% (email) of the mean.
    const mean = (team: string) => flow.nodes.find((n) => n.id === `work-${team}`)!.handleTime!.mean!;
    expect(Math.abs(mean("phone-team") / TRUTH.phoneMean - 1)).toBeLessThan(0.05);
    expect(Math.abs(mean("email-team") / TRUTH.emailMean - 1)).toBeLessThan(0.05);
    const agents = Object.fromEntries(report.teams.map((t) => [t.id, [t.agentsEstimate.min, t.agentsEstimate.max]]));
    expect(agents).toEqual({ "phone-team": [5, 5], "email-team": [3, 3] });
    expect(flow.nodes.filter((n) => n.kind === "followUp")).toEqual([]);
  });

  it("says — for what a table cannot tell, never 0, and gives reassignments and reopens from the table", () => {
    for (const figure of ["escalation share", "return share", "ping-pong (back to a team already visited)"])
      expect(row(figure), figure).toMatchObject({ log: null, simulated: null });
    expect(row("first-contact resolution")).toMatchObject({ log: null, simulated: null });
    expect(row("reassigned (2+ groups)")).toMatchObject({ log: 0, simulated: null });
    expect(row("reopened after closure")).toMatchObject({ log: 0, simulated: null });
    expect(Math.abs(row("tickets per day").simulated! / row("tickets per day").log! - 1)).toBeLessThan(0.04);
    expect(report.notes[0]).toMatch(/^Read as a ticket table/);
  });
});

describe("a ticket table without handle times", () => {
  it("marks handle time and utilisation as not measured and still fits resolution times", async () => {
    // The same table less its "Handle time" column: the time from creation to solved is a wait.
    const lines = readFileSync(table, "utf8").trimEnd().split("\n");
    const at = lines[0]!.split(",").indexOf("Handle time");
    const path = write("no-handle.csv", `${lines.map((l) => l.split(",").toSpliced(at, 1).join(",")).join("\n")}\n`);
    const rep = join(dir, "no-handle-report.json");
    const r = await run([
      "calibrate",
      path,
      "--out",
      join(dir, "no-handle.json"),
      "--report",
      rep,
      "--replications",
      "1",
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(rep, "utf8"));
    const row = (figure: string) => report.comparison.find((x: { figure: string }) => x.figure === figure);
    for (const figure of ["handle time mean: phone-team", "utilisation: email-team"])
      expect(row(figure), figure).toMatchObject({ log: null, simulated: null });
    expect(report.notes[1]).toMatch(/no handle-time column/);
    // Resolution is that wait: within 10% (about 12,000 tickets; the fit keeps p50 and p90 within 8%).
    for (const figure of ["resolution time p50", "resolution time p90"])
      expect(Math.abs(row(figure).simulated / row(figure).log - 1), figure).toBeLessThan(0.1);
  });
});

describe("hostile ticket tables", () => {
  it("names the column a table lacks, and the option that names it (exit 2)", async () => {
    const path = write("no-resolved.csv", "Id,Created at,Group\n1,2026-01-05T08:00,L1\n");
    const r = await run(["calibrate", path, "--table", "--out", join(dir, "x.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no column Flowcast knows for the resolution time: name it with --resolved COL/);
    expect(r.stderr).toMatch(/Its columns are: Id, Created at, Group/);
    const named = await run(["calibrate", path, "--table", "--resolved", "Closed", "--out", join(dir, "x.json")]);
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/no column --resolved "Closed"/);
    expect(named.stderr).not.toMatch(/at .*\.ts/);
  });

  it("keeps reading an event log as before: opened_at and resolved_at on repeated rows are no table", async () => {
    const path = write(
      "snow-log.csv",
      "number,incident_state,sys_updated_at,opened_at,resolved_at\nINC1,New,2026-01-05T08:00,2026-01-05T08:00,\nINC1,Active,2026-01-05T08:10,2026-01-05T08:00,\n",
    );
    const r = await run(["calibrate", path, "--out", join(dir, "x.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/say which columns hold what/);
  });

  it("drops and counts rows resolved before they were created, and counts blank cells", async () => {
    const lines = readFileSync(table, "utf8").trimEnd().split("\n");
    const [header, ...rows] = lines;
    const spoiled = rows.map((r, i) => {
      const f = r.split(",");
      if (i % 100 === 1) [f[1], f[3]] = [f[3]!, f[1]!]; // resolved before created
      if (i % 100 === 2) f[4] = ""; // blank group
      if (i % 100 === 3) f[3] = ""; // blank resolution: still open
      return f.join(",");
    });
    const path = write("spoiled.csv", `${[header, ...spoiled].join("\n")}\n`);
    const rep = join(dir, "spoiled-report.json");
    const r = await run([
      "calibrate",
      path,
      "--out",
      join(dir, "spoiled.json"),
      "--report",
      rep,
      "--replications",
      "0",
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(rep, "utf8"));
    const every = Math.ceil((rows.length - 1) / 100);
    expect(report.skipped.resolvedBeforeCreated).toBe(every);
    expect(report.skipped.firstLine.resolvedBeforeCreated).toBe(3);
    expect(report.skipped.blankCells).toMatchObject({ team: expect.any(Number), resolved: expect.any(Number) });
    expect(report.skipped.blankCells.team).toBeGreaterThanOrEqual(every - 1);
    expect(report.notes.join("\n")).toMatch(/resolved before they were created/);
    expect(report.teams.map((t: { name: string }) => t.name)).toContain("Help desk");
  });
});

describe("flowcast backtest on a ticket table", () => {
  it("predicts the test week's volume and handle times; escalation and control flow are —", async () => {
    const out = join(dir, "backtest.json");
    const split = ["--train", "2026-01-05..2026-01-18", "--test", "2026-01-19..2026-01-25"];
    const r = await run(["backtest", table, "--table", ...split, "--replications", "3", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(out, "utf8"));
    const fig = (id: string) => report.figures.find((f: { id: string }) => f.id === id);
    expect(fig("escalationShare")).toMatchObject({ actual: null, baseline: null, predicted: { mean: null } });
    expect(fig("reassignedShare")).toMatchObject({ actual: 0, baseline: 0, predicted: { mean: null } });
    expect(report.distances.ngram.predicted).toBeNull();
    // Poisson: ~3,000 tickets a week (sd 1.8%); 8% on the mean of 3 replications.
    for (const id of ["ticketsPerWeek", "handleMeanSeconds:phone-team", "handleMeanSeconds:email-team"]) {
      const f = fig(id);
      expect(Math.abs(f.predicted.mean / f.actual - 1), id).toBeLessThan(0.08);
    }
    expect(r.stdout).toMatch(/Escalated \(moved to a higher tier\) +— +— +—/);
  });
});
