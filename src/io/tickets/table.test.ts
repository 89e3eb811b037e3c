import { describe, expect, it } from "vitest";
import { formatWallClock } from "../eventlog/timestamp";
import { guessTableColumns, looksLikeTicketTable } from "./columns";
import { parseDuration, parseFlag } from "./duration";
import { TicketTableRows } from "./table";

/**
 * Reads a table's text; returns the event rows it became (header first, each time written
 * back as ISO 8601 text in the time cell) and the reader.
 */
function read(text: string, columns = guessTableColumns(text.split("\n")[0]!.split(","))) {
  const rows: string[][] = [];
  const table = new TicketTableRows(Object.fromEntries(Object.entries(columns).filter(([, v]) => v)) as never, {
    pushRow: (fields) => rows.push(fields),
    pushTimedRow: (fields, timeMs) => {
      expect(fields[1]).toBe("");
      expect(Number.isInteger(timeMs)).toBe(true);
      rows.push([fields[0]!, formatWallClock(timeMs), ...fields.slice(2)]);
    },
  });
  table.push(text);
  table.end();
  return { rows, table };
}

describe("ticket table columns", () => {
  it("knows the default export names of Zendesk, ServiceNow, Jira Service Management and Freshdesk", () => {
    const zendesk = guessTableColumns([
      "Id",
      "Requester",
      "Assignee",
      "Group",
      "Status",
      "Priority",
      "Via",
      "Created at",
      "Solved at",
      "Group stations",
      "Assignee stations",
      "Reopens",
      "First reply time in minutes",
    ]);
    expect(zendesk).toMatchObject({
      case: "Id",
      created: "Created at",
      resolved: "Solved at",
      team: "Group",
      channel: "Via",
      resource: "Assignee",
      reassignments: "Group stations",
      reopens: "Reopens",
      firstResponse: "First reply time in minutes",
    });
    const servicenow = guessTableColumns([
      "number",
      "opened_at",
      "resolved_at",
      "closed_at",
      "assignment_group",
      "assigned_to",
      "contact_type",
      "priority",
      "reassignment_count",
      "reopen_count",
      "made_sla",
    ]);
    expect(servicenow).toMatchObject({
      case: "number",
      created: "opened_at",
      resolved: "resolved_at",
      team: "assignment_group",
      resource: "assigned_to",
      channel: "contact_type",
      reassignments: "reassignment_count",
      reopens: "reopen_count",
      madeSla: "made_sla",
    });
    const jira = guessTableColumns([
      "Summary",
      "Issue key",
      "Priority",
      "Assignee",
      "Created",
      "Resolved",
      "Time Spent",
    ]);
    expect(jira).toMatchObject({
      case: "Issue key",
      created: "Created",
      resolved: "Resolved",
      handleTime: "Time Spent",
    });
  });

  it("tells a table (ids unique) from a ServiceNow event log that also has opened_at and resolved_at", () => {
    const header = ["number", "incident_state", "sys_updated_at", "opened_at", "resolved_at"];
    const eventLog = [1, 2, 3].flatMap((n) => [
      ["INC1", "New"],
      ["INC1", "Active"],
      [`INC${n + 1}`, "New"],
    ]);
    expect(looksLikeTicketTable(header, eventLog)).toBe(false);
    expect(looksLikeTicketTable(header, [["INC1"], ["INC2"], ["INC3"]])).toBe(true);
    expect(looksLikeTicketTable(["ticket", "time", "event", "team"], [["T1"]])).toBe(false);
  });
});

describe("durations and flags as tables write them", () => {
  it("reads numbers in the header's unit, clocks, words, short units and ISO 8601", () => {
    expect(parseDuration("90")).toBe(90);
    expect(parseDuration("1.5", 60)).toBe(90);
    expect(parseDuration("1:02:03")).toBe(3723);
    expect(parseDuration("1 Hour 5 Minutes")).toBe(3900);
    expect(parseDuration("2h 30m")).toBe(9000);
    expect(parseDuration("1d 4h")).toBe(100_800);
    expect(parseDuration("PT1H30M")).toBe(5400);
    expect(parseDuration("soon")).toBeNaN();
    expect(parseDuration("5 parsecs")).toBeNaN();
    expect(parseDuration("-5")).toBeNaN();
  });

  it("reads yes/no flags and leaves other words unknown", () => {
    expect([parseFlag("TRUE"), parseFlag("no"), parseFlag("1"), parseFlag("maybe")]).toEqual([
      true,
      false,
      true,
      undefined,
    ]);
  });
});

describe("a ticket row becomes its events", () => {
  const header =
    "Id,Created at,First reply time in minutes,Solved at,Group,Assignee,Via,Priority,Handle time,Reopens,Status";

  it("queue at creation, start at first reply, wait after the handle time, close at solved, a reopen marker", () => {
    const { rows } = read(`${header}\n7,2026-01-05T08:00,10,2026-01-05T10:00,L1,ann,email,high,1200,1,Solved\n`);
    expect(rows).toEqual([
      ["ticket", "time", "event", "team", "agent", "priority", "channel", "status"],
      ["7", "2026-01-05T08:00:00", "queue", "L1", "", "high", "email", ""],
      ["7", "2026-01-05T08:10:00", "start", "L1", "ann", "high", "email", ""],
      ["7", "2026-01-05T08:30:00", "wait", "L1", "", "high", "email", ""],
      ["7", "2026-01-05T10:00:00", "close", "L1", "", "high", "email", "Solved"],
      ["7", "2026-01-05T10:00:00", "reopen", "L1", "", "high", "email", ""],
    ]);
  });

  it("without a handle-time column the work is an instant at creation and the ticket rests until solved (or open)", () => {
    const { rows, table } = read(
      "Id,Created at,First response,Solved at,Group\n1,2026-01-05 08:00,,,L1\n2,2026-01-05 09:00,2026-01-05 09:10,2026-01-05 09:40,L2\n",
    );
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ["1", "2026-01-05T08:00:00", "queue"],
      ["1", "2026-01-05T08:00:00", "start"],
      ["1", "2026-01-05T08:00:00", "wait"],
      ["2", "2026-01-05T09:00:00", "queue"],
      ["2", "2026-01-05T09:00:00", "start"],
      ["2", "2026-01-05T09:00:00", "wait"],
      ["2", "2026-01-05T09:40:00", "close"],
    ]);
    expect(table.hasHandleTime).toBe(false);
    expect(table.counts.open).toBe(1);
    expect(table.counts.blank).toEqual({ resolved: 1, firstResponse: 1 });
  });

  it("with a handle-time column an open ticket without one is still being worked", () => {
    const { rows } = read("Id,Created at,Solved at,Handle time\n1,2026-01-05 08:00,,\n");
    expect(rows.slice(1).map((r) => r[2])).toEqual(["queue", "start"]);
  });

  it("drops and counts rows it cannot use; counts blank cells and the facts per ticket", () => {
    const text = [
      "Id,Created at,Solved at,Group,Reopens,Group stations",
      "1,2026-01-05T08:00,2026-01-05T07:00,L1,0,1", // resolved before created
      ",2026-01-05T08:00,2026-01-05T09:00,L1,0,1", // no id
      "3,,2026-01-05T09:00,L1,0,1", // no creation
      "4,2026-01-05T08:00,2026-01-05T09:00,,2,2", // blank group: Help desk
      "4,2026-01-05T08:00,2026-01-05T09:00,L1,0,1", // the same ticket again
      "Id,Created at,Solved at,Group,Reopens,Group stations", // header again (files joined)
      "\ufeff5,2026-01-05T08:00,2026-01-05T09:00,L1,,1", // a BOM where files were joined
    ].join("\n");
    const { rows, table } = read(text);
    expect(table.counts.dropped).toMatchObject({
      resolvedBeforeCreated: 1,
      noTicket: 1,
      noCreated: 1,
      duplicateTicket: 1,
      repeatedHeader: 1,
    });
    expect(table.counts.firstLine.resolvedBeforeCreated).toBe(2);
    expect(table.counts.tickets).toBe(2);
    expect(table.counts.blank).toMatchObject({ case: 1, created: 1, team: 1, reopens: 1 });
    expect(rows.find((r) => r[0] === "4")?.[3]).toBe("Help desk");
    expect(rows.some((r) => r[0] === "5")).toBe(true);
    const shares = table.facts.shares();
    expect(shares.reopened).toEqual({ share: 1, known: 1 });
    expect(shares.reassigned).toEqual({ share: 0.5, known: 2 });
    expect(shares.fcr).toEqual({ share: null, known: 0 });
  });

  it("reads Jira's dates with month names, day first", () => {
    const { rows } = read("Issue key,Created,Resolved\nSD-1,05/Jan/26 8:30 AM,13/Jan/26 1:05 PM\n");
    expect(rows.slice(1).map((r) => `${r[2]} ${r[1]}`)).toEqual([
      "queue 2026-01-05T08:30:00",
      "start 2026-01-05T08:30:00",
      "wait 2026-01-05T08:30:00",
      "close 2026-01-13T13:05:00",
    ]);
  });

  it("refuses an event log read as a table, and a time column in no known form, naming the line", () => {
    const log = ["Id,Created at,Solved at", ...[1, 2, 3].map((i) => `A,2026-01-0${i}T08:00,2026-01-0${i}T09:00`)].join(
      "\n",
    );
    expect(() => read(log)).toThrow(/repeats on 2 of 3 rows: this is an event log/);
    expect(() => read("Id,Created at,Solved at\n1,yesterday,2026-01-05T09:00\n")).toThrow(
      /line 2: "yesterday" in column "Created at" is not a time/,
    );
    expect(() =>
      read("Id,Created at\n1,2026-01-05T08:00\n", { case: "Id", created: "Created at", resolved: "Closed" } as never),
    ).toThrow(/no column --resolved "Closed"/);
  });
});
