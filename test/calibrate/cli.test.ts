/**
 * `flowcast calibrate` and `flowcast simulate --event-log` as a user meets them: the
 * ServiceNow sample imports with a clear report; bad logs get a message naming the place
 * and exit 2, never a stack trace; a simulated event log reads back.
 */

import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/io/eventlog/csv";
import { runInProcess } from "../cli/run-cli";

const SAMPLE = "/work/shared/data/servicenow-incidents-sample.csv";
const dir = mkdtempSync(join(tmpdir(), "flowcast-calibrate-"));

const run = runInProcess;

const COLUMNS = ["--case", "ticket", "--time", "time", "--activity", "event", "--team", "team"];
function log(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("flowcast calibrate on the ServiceNow sample", () => {
  it("imports 890 incidents, says which time form it read and lists its guesses", async () => {
    const out = join(dir, "sn.json");
    const report = join(dir, "sn-report.json");
    const { code, stdout, stderr } = await run([
      "calibrate",
      SAMPLE,
      "--case",
      "number",
      "--time",
      "sys_updated_at",
      "--activity",
      "incident_state",
      "--team",
      "assignment_group",
      "--resource",
      "assigned_to",
      "--priority",
      "priority",
      "--channel",
      "contact_type",
      "--created",
      "opened_at",
      "--out",
      out,
      "--report",
      report,
      "--replications",
      "1",
    ]);
    expect(stderr).toContain("times read as dd-mm-yyyy hh:mm (day first)");
    expect(code).toBe(0);
    expect(stdout).toContain("890 tickets");
    const r = JSON.parse(readFileSync(report, "utf8"));
    expect(r.format).toBe("flowcast-calibration/v1");
    const roles = Object.fromEntries(r.activities.map((a: { activity: string; role: string }) => [a.activity, a.role]));
    expect(roles).toMatchObject({
      New: "queued",
      Active: "work",
      "Awaiting User Info": "wait",
      Resolved: "closed",
      Closed: "closed",
    });
    expect(r.notes.join(" ")).toContain("Roles guessed");
    // The export lists some incidents' updates by revision with clocks out of step.
    expect(r.reorderedTickets).toBeGreaterThan(0);
    const tpd = r.comparison.find((c: { figure: string }) => c.figure === "tickets per day");
    expect(tpd.log).toBeGreaterThan(0);
    expect(tpd.simulated).toBeGreaterThan(0);
    const flow = JSON.parse(readFileSync(out, "utf8"));
    expect(flow.format).toBe("flowcast/v1");
    expect(flow.nodes.find((n: { kind: string; channel?: string }) => n.kind === "channel").channel).toBe("phone");
  }, 240_000);
});

describe("flowcast calibrate on bad logs", () => {
  it("names the missing column and lists the log's columns", async () => {
    const path = log("cols.csv", "id,when,status\n1,2026-01-05T08:00,queue\n");
    const { code, stderr } = await run(["calibrate", path, ...COLUMNS, "--out", join(dir, "x.json")]);
    expect(code).toBe(2);
    expect(stderr).toContain('no column --case "ticket", --time "time", --activity "event", --team "team"');
    expect(stderr).toContain("Its columns are: id, when, status");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("names the row whose time does not parse", async () => {
    const rows = [
      "ticket,time,event,team",
      "1,2026-01-05T08:00,queue,l1",
      "1,2026-01-05T08:01,start,l1",
      "1,soon,close,l1",
    ];
    const { code, stderr } = await run([
      "calibrate",
      log("time.csv", `${rows.join("\n")}\n`),
      ...COLUMNS,
      "--out",
      join(dir, "x.json"),
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('line 4: "soon" in column "time" is not a time');
    expect(stderr).toContain("ISO 8601");
  });

  it("reads rows in any order, with byte-order marks mid-file, a repeated header and blank cells, and counts what it dropped (issue 20)", async () => {
    const rows = [
      "ticket,time,event,team",
      "1,2026-01-05T08:30,close,l1",
      "2,2026-01-05T08:01,queue,l1",
      "1,2026-01-05T08:02,start,l1",
      "\ufeffticket,time,event,team",
      "\ufeff2,2026-01-05T08:40,close,l1",
      "1,2026-01-05T08:00,queue,l1",
      ",2026-01-05T08:05,start,l1",
      "2,,start,l1",
      "2,2026-01-05T08:03,start,l1",
    ];
    const out = join(dir, "order.json");
    const report = join(dir, "order-report.json");
    const { code, stderr } = await run([
      "calibrate",
      log("order.csv", `${rows.join("\n")}\n`),
      ...COLUMNS,
      "--out",
      out,
      "--report",
      report,
      "--replications",
      "0",
    ]);
    expect(stderr).toContain("Read 9 rows");
    expect(code).toBe(0);
    const r = JSON.parse(readFileSync(report, "utf8"));
    expect(r.source.tickets).toBe(2);
    expect(r.reorderedTickets).toBe(2);
    expect(r.skipped).toMatchObject({
      noTicket: 1,
      noTime: 1,
      repeatedHeader: 1,
      firstLine: { noTicket: 8, noTime: 9 },
    });
    // Both tickets waited, then were worked until closed: 2 min and 37 min.
    expect(r.comparison.find((c: { figure: string }) => c.figure === "handle time p50: l1").log).toBe(
      ((28 + 37) / 2) * 60,
    );
  });

  it("says so for an empty file, a folder, a missing file and a missing --out", async () => {
    expect((await run(["calibrate", log("empty.csv", ""), ...COLUMNS, "--out", join(dir, "x.json")])).stderr).toContain(
      "the file is empty",
    );
    expect((await run(["calibrate", dir, ...COLUMNS, "--out", join(dir, "x.json")])).stderr).toContain(
      "it is a folder",
    );
    const missing = await run(["calibrate", join(dir, "nope.csv"), ...COLUMNS, "--out", join(dir, "x.json")]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining("no such file")]);
    const noOut = await run(["calibrate", SAMPLE, ...COLUMNS]);
    expect([noOut.code, noOut.stderr]).toEqual([2, expect.stringContaining("--out FLOW.json")]);
  });

  it("stops early on a 200 MB file that is not a CSV log, without reading it whole", async () => {
    // 200 MB of one endless line (a binary file renamed .csv, or a quote never closed).
    const path = join(dir, "huge.csv");
    const fd = openSync(path, "w");
    const block = Buffer.alloc(1 << 20, "x");
    writeSync(fd, "ticket,time,event,team\n");
    for (let i = 0; i < 200; i++) writeSync(fd, block);
    closeSync(fd);
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const { code, stderr } = await run(["calibrate", path, ...COLUMNS, "--out", join(dir, "x.json")]);
    expect(code).toBe(2);
    expect(stderr).toContain("line 2 is longer than 1,000,000 characters");
    expect(process.memoryUsage().rss - before).toBeLessThan(100 << 20);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 60_000);
});

describe("flowcast simulate --event-log", () => {
  it("writes the header and one row per event, in time order per ticket, and reads back", async () => {
    const flow = join(dir, "desk.json");
    writeFileSync(
      flow,
      JSON.stringify({
        format: "flowcast/v1",
        name: "Small desk",
        clock: { start: "2026-01-05T00:00", horizon: "3d", warmup: "1d" },
        teams: [
          { id: "l1", tier: 1, agents: 3 },
          { id: "l2", tier: 2, agents: 2 },
        ],
        nodes: [
          { id: "phone", kind: "channel", channel: "phone", arrivals: { perHour: 10 } },
          {
            id: "a",
            kind: "work",
            team: "l1",
            handleTime: { dist: "exponential", mean: "8m" },
            outcomes: { resolved: 0.8, escalate: 0.2 },
          },
          { id: "esc", kind: "escalate" },
          {
            id: "b",
            kind: "work",
            team: "l2",
            handleTime: { dist: "exponential", mean: "20m" },
            outcomes: { resolved: 1 },
          },
          { id: "done", kind: "end" },
        ],
        edges: [
          { id: "e1", from: "phone", to: "a" },
          { id: "e2", from: "a", port: "resolved", to: "done" },
          { id: "e3", from: "a", port: "escalate", to: "esc" },
          { id: "e4", from: "esc", to: "b" },
          { id: "e5", from: "b", port: "resolved", to: "done" },
        ],
      }),
    );
    const csv = join(dir, "desk-log.csv");
    const sim = await run(["simulate", flow, "--replications", "1", "--workers", "1", "--event-log", csv]);
    expect(sim.code).toBe(0);
    const rows = parseCsv(readFileSync(csv, "utf8"));
    expect(rows[0]!.join(",")).toBe("ticket,time,event,node,team,agent,priority,channel,contactType,lifecycle");
    const last = new Map<string, string>();
    for (const r of rows.slice(1)) {
      expect(r).toHaveLength(10);
      expect(r[9]).toBe(r[2] === "start" ? "start" : "complete");
      expect(r[1]).toMatch(/^2026-01-0\dT\d\d:\d\d:\d\d\.\d{3}$/);
      expect(r[1]! >= (last.get(r[0]!) ?? "")).toBe(true);
      if (!last.has(r[0]!)) expect(r[2]).toBe("arrival");
      last.set(r[0]!, r[1]!);
    }
    expect(new Set(rows.slice(1).map((r) => r[2]))).toEqual(
      new Set(["arrival", "queue", "start", "end", "escalate", "close"]),
    );
    const back = await run([
      "calibrate",
      csv,
      ...COLUMNS,
      "--resource",
      "agent",
      "--out",
      join(dir, "back.json"),
      "--replications",
      "0",
    ]);
    expect(back.code).toBe(0);
    const model = JSON.parse(readFileSync(join(dir, "back.json"), "utf8"));
    expect(model.teams.map((t: { id: string; tier: number }) => [t.id, t.tier])).toEqual([
      ["l1", 1],
      ["l2", 2],
    ]);
    // The same run as gzipped XES calibrates without naming a column, to the same flow.
    const xes = join(dir, "desk-log.xes.gz");
    expect((await run(["simulate", flow, "--replications", "1", "--workers", "1", "--event-log", xes])).code).toBe(0);
    const text = gunzipSync(readFileSync(xes)).toString("utf8");
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<log xes.version="1849-2016"/);
    expect(text).toContain('<string key="lifecycle:transition" value="start"/><string key="org:group" value="l1"/>');
    const fromXes = await run(["calibrate", xes, "--out", join(dir, "back-xes.json"), "--replications", "0"]);
    expect(fromXes.code).toBe(0);
    const xesModel = JSON.parse(readFileSync(join(dir, "back-xes.json"), "utf8"));
    expect(xesModel.teams).toEqual(model.teams);
    // A .gz that is not gzip is an unreadable input (exit 2), named.
    const bad = join(dir, "bad.xes.gz");
    writeFileSync(bad, "<log></log>");
    const refused = await run(["calibrate", bad, "--out", join(dir, "bad.json")]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/bad\.xes\.gz: it is not a whole gzip file/);
  }, 60_000);
});
