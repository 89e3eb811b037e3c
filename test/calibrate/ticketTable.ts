/**
 * Turns a Flowcast event log (simulate --event-log) into a one-row-per-ticket table as a help
 * desk exports it (Zendesk-style headers): created, first reply in minutes, solved, group (the
 * team that worked it first), assignee, channel, priority, handle time in seconds (sum of the work),
 * group stations (teams that worked it) and reopens. `TicketTableBuilder` takes the log row by
 * row (bench/calibrate.ts streams a million tickets through it); `ticketTable` a whole text.
 */
import { CsvReader, parseCsv } from "../../src/io/eventlog/csv";

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

/** Collects an event log's rows (header first) by ticket; `rows()` gives the table. */
export class TicketTableBuilder {
  private readonly tickets = new Map<string, Ticket>();
  private columns: number[] | undefined;

  /** One row of the event log, the header first. */
  add(r: string[]): void {
    if (!this.columns) {
      this.columns = ["ticket", "time", "event", "team", "agent", "priority", "channel"].map((n) => r.indexOf(n));
      return;
    }
    const [id, time, event, team, agent, priority, channel] = this.columns;
    const key = r[id!]!;
    let t = this.tickets.get(key);
    if (!t) {
      t = { created: r[time!]!, teams: [], channel: r[channel!]!, priority: r[priority!]!, workMs: 0, reopens: 0 };
      this.tickets.set(key, t);
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

  /** The table's rows (header first), tickets in order of first appearance. */
  *rows(): Generator<string[]> {
    yield TABLE_HEADER;
    for (const [key, t] of this.tickets) {
      if (t.teams.length === 0 && !t.closed) continue;
      const minutes = t.firstStart
        ? (Date.parse(`${t.firstStart}Z`) - Date.parse(`${t.created}Z`)) / 60_000
        : undefined;
      yield [
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
      ];
    }
  }
}

/** The table's rows (header first) from the event log's text. */
export function ticketTable(eventLog: string): string[][] {
  const builder = new TicketTableBuilder();
  for (const r of parseCsv(eventLog)) builder.add(r);
  return [...builder.rows()];
}

/** A builder fed by event-log text in chunks of any size (`push`, then `end`). */
export function streamingTicketTable(): { push(text: string): void; end(): TicketTableBuilder } {
  const builder = new TicketTableBuilder();
  const csv = new CsvReader((fields) => builder.add(fields));
  return {
    push: (text) => csv.push(text),
    end: () => {
      csv.end();
      return builder;
    },
  };
}

/** One row as a CSV line (with its line end). */
export function csvLine(row: string[]): string {
  return `${row.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",")}\n`;
}

/** Rows as CSV text. */
export function csvText(rows: string[][]): string {
  return rows.map(csvLine).join("");
}
