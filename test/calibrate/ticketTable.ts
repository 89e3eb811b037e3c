/**
 * Turns a Flowcast event log (simulate --event-log) into a one-row-per-ticket table as a help
 * desk exports it (Zendesk-style headers): created, first reply in minutes, solved, group (the
 * team that worked it first), assignee, channel, priority, handle time in seconds (sum of the work),
 * group stations (teams that worked it) and reopens.
 */
import { parseCsv } from "../../src/io/eventlog/csv";

export const TABLE_HEADER = [
  "Id",
  "Created at",
  "First reply time in minutes",
  "Solved at",
  "Group",
  "Assignee",
  "Via",
  "Priority",
  "Handle time",
  "Group stations",
  "Reopens",
];

interface Ticket {
  created: string;
  firstStart?: string;
  closed?: string;
  teams: string[];
  agent?: string;
  channel: string;
  priority: string;
  workMs: number;
  startedAt?: number;
  reopens: number;
}

/** The table's rows (header first) from the event log's text. */
export function ticketTable(eventLog: string): string[][] {
  const [header, ...rows] = parseCsv(eventLog);
  const col = (name: string) => header!.indexOf(name);
  const [id, time, event, team, agent, priority, channel] = [
    "ticket",
    "time",
    "event",
    "team",
    "agent",
    "priority",
    "channel",
  ].map(col);
  const tickets = new Map<string, Ticket>();
  for (const r of rows) {
    const key = r[id!]!;
    let t = tickets.get(key);
    if (!t) {
      t = { created: r[time!]!, teams: [], channel: r[channel!]!, priority: r[priority!]!, workMs: 0, reopens: 0 };
      tickets.set(key, t);
    }
    const ms = Date.parse(`${r[time!]!}Z`);
    switch (r[event!]) {
      case "start":
        t.firstStart ??= r[time!]!;
        t.agent ??= r[agent!]!;
        t.startedAt = ms;
        if (!t.teams.includes(r[team!]!)) t.teams.push(r[team!]!);
        break;
      case "end":
        if (t.startedAt !== undefined) t.workMs += ms - t.startedAt;
        t.startedAt = undefined;
        break;
      case "close":
        t.closed = r[time!]!;
        break;
      case "reopen":
        t.reopens++;
        break;
    }
  }
  const out = [TABLE_HEADER];
  for (const [key, t] of tickets) {
    if (t.teams.length === 0 && !t.closed) continue;
    const minutes = t.firstStart ? (Date.parse(`${t.firstStart}Z`) - Date.parse(`${t.created}Z`)) / 60_000 : undefined;
    out.push([
      key,
      t.created,
      minutes === undefined ? "" : minutes.toFixed(3),
      t.closed ?? "",
      t.teams[0] ?? "",
      t.agent ?? "",
      t.channel,
      t.priority,
      t.teams.length > 0 && t.closed ? (t.workMs / 1000).toFixed(1) : "",
      String(t.teams.length),
      String(t.reopens),
    ]);
  }
  return out;
}

/** Rows as CSV text. */
export function csvText(rows: string[][]): string {
  return `${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",")).join("\n")}\n`;
}
