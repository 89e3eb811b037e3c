/**
 * Reads a one-row-per-ticket table (Zendesk, ServiceNow, Jira Service Management and
 * Freshdesk exports) as the event rows the event-log reader takes, streamed: each ticket row
 * becomes the events it implies, so calibration and backtests read a table through the same
 * path as an event log (same sorting, --from/--to, analysis, fits and report).
 *
 * A ticket row becomes: `queue` at its creation (its group's queue), `start` at the first
 * response (creation when the table has none), `wait` when the handle time is over (the
 * ticket rests until it is resolved) and `close` at resolution. Without a handle-time column
 * no agent time is known and none is invented: the work is an instant at creation and the
 * ticket rests until it is resolved (handle times, queue times and utilisation are then not
 * measured; resolution times, volume and backlog still are). A reopen count above 0 adds a `reopen` marker (the ticket
 * counts as reopened; a table does not say where it went). A ticket with no resolution time is
 * still open at the end of the table (censored).
 *
 * What a table cannot tell (which teams a ticket passed through, escalations, returns) is
 * not invented: the per-ticket flags it does give (reassignments, reopens, first-contact
 * resolution, SLA met) are kept per ticket in `TicketFacts`, so the report can give those
 * figures from the table and mark the others as not measured.
 *
 * Memory: the row being read, the first 500 rows while the time forms are chosen, the ticket
 * ids seen (duplicates are dropped) and 9 bytes of facts a ticket. Pure: no Node or DOM.
 */
import { CsvError, CsvReader } from "../eventlog/csv";
import { type ColumnMap, EventLogError } from "../eventlog/reader";
import { detectTimeFormat, isMissing, parseTimestamp, type TimeFormat, timeOffsetMinutes } from "../eventlog/timestamp";
import { TABLE_OPTION, TABLE_SLOTS, type TableColumns, type TableSlot } from "./columns";
import { headerUnitSeconds, parseDuration, parseFlag } from "./duration";
import { TicketFacts } from "./facts";

/** The columns of the event rows a table is turned into (give these to the EventLogReader). */
export const TABLE_EVENT_COLUMNS: ColumnMap = {
  case: "ticket",
  time: "time",
  activity: "event",
  team: "team",
  resource: "agent",
  priority: "priority",
  channel: "channel",
  status: "status",
};
const EVENT_HEADER = ["ticket", "time", "event", "team", "agent", "priority", "channel", "status"];
/**
 * Where a table's event rows go (an EventLogReader): the header as text, then each event row
 * with its time already read, wall-clock ms, so no time is written out and parsed back.
 */
export interface EventRowSink {
  pushRow(fields: string[], line: number): void;
  pushTimedRow(fields: string[], timeMs: number, line: number): void;
}
/** The team of tickets whose group cell is blank (or of every ticket when no group column is named). */
export const NO_GROUP = "Help desk";
const SAMPLE_ROWS = 500;
/** Unreadable times above this share of rows stop the read (the column or its form is wrong). */
const MAX_BAD_SHARE = 0.01;

export type TableDropReason =
  | "noTicket"
  | "noCreated"
  | "badTime"
  | "resolvedBeforeCreated"
  | "duplicateTicket"
  | "repeatedHeader"
  | "shortRows";

/** What the table held and what was left out, for the report. */
export interface TableCounts {
  /** Data rows read (the header not counted). */
  rows: number;
  /** Rows turned into tickets. */
  tickets: number;
  /** Tickets with no resolution time: open at the end of the table. */
  open: number;
  dropped: Record<TableDropReason, number>;
  /** First line of each drop reason. */
  firstLine: Partial<Record<TableDropReason, number>>;
  /** Blank cells per mapped column (a blank resolution is an open ticket; a blank group "Help desk"). */
  blank: Partial<Record<TableSlot, number>>;
  /** Cells that could not be read and were taken as blank (a first response outside creation..resolution, an unreadable duration or flag). */
  unreadable: Partial<Record<TableSlot, number>>;
  /** Tickets whose handle-time cell was blank while the column is named: closed without agent work. */
  noHandleTime: number;
}

export class TicketTableRows {
  readonly counts: TableCounts = {
    rows: 0,
    tickets: 0,
    open: 0,
    dropped: {
      noTicket: 0,
      noCreated: 0,
      badTime: 0,
      resolvedBeforeCreated: 0,
      duplicateTicket: 0,
      repeatedHeader: 0,
      shortRows: 0,
    },
    firstLine: {},
    blank: {},
    unreadable: {},
    noHandleTime: 0,
  };
  readonly facts = new TicketFacts();
  /** The time form of each time column (chosen from the first 500 rows). */
  readonly timeFormats: Partial<Record<TableSlot, TimeFormat>> = {};
  /** Whether the table names a handle-time column (without one, handle times are not measured). */
  get hasHandleTime(): boolean {
    return this.index.handleTime !== undefined;
  }
  /** Whether the first-response column holds times or durations from creation. */
  firstResponseKind: "time" | "duration" | undefined;
  header: string[] = [];
  private index: Partial<Record<TableSlot, number>> = {};
  private unit: Partial<Record<TableSlot, number>> = {};
  private buffer: { fields: string[]; line: number }[] = [];
  private sampled = false;
  private wallOffset = 0;
  private firstBadTime: { line: number; slot: TableSlot; text: string } | undefined;
  private readonly ids = new Set<string>();
  /** The row whose cells `cellText` holds: a cell is read when its stamp is the row's. */
  private cachedRow: string[] | undefined;
  private cachedStamp = 0;
  private readonly cellStamp = new Array<number>(TABLE_SLOTS.length).fill(0);
  private readonly cellText = new Array<string>(TABLE_SLOTS.length).fill("");
  private readonly csv: CsvReader;

  /**
   * @param columns which column holds what (case, created and resolved must be named)
   * @param out receives the event header once, then the event rows (the time cell left
   *   blank, the time in ms beside it), each with the table line
   */
  constructor(
    readonly columns: TableColumns,
    private readonly out: EventRowSink,
  ) {
    this.csv = new CsvReader((fields, line) => this.row(fields, line));
  }

  /** Reads a chunk of text. Throws EventLogError naming the line of the first bad row. */
  push(chunk: string): void {
    this.guard(() => this.csv.push(chunk));
  }

  /** Ends the input. Throws EventLogError when the table cannot be read as a whole. */
  end(): void {
    this.guard(() => this.csv.end());
    if (this.header.length === 0) throw new EventLogError("the file is empty: no header row");
    this.sample();
    const bad = this.firstBadTime;
    if (bad && this.counts.dropped.badTime > MAX_BAD_SHARE * this.counts.rows)
      throw new EventLogError(
        `line ${bad.line}: "${clip(bad.text)}" in column "${this.columns[bad.slot]}" is not a time in the form read from the first rows (${this.timeFormats[bad.slot]?.description}); ${this.counts.dropped.badTime.toLocaleString("en")} of ${this.counts.rows.toLocaleString("en")} rows have an unreadable time`,
        bad.line,
      );
    const d = this.counts.dropped.duplicateTicket;
    if (d > 0 && d >= this.counts.tickets)
      throw new EventLogError(
        `the ticket id in column "${this.columns.case}" repeats on ${d.toLocaleString("en")} of ${this.counts.rows.toLocaleString("en")} rows: this is an event log (many rows a ticket), not a ticket table; read it without --table, naming --time and --activity`,
        this.counts.firstLine.duplicateTicket ?? 0,
      );
    if (this.counts.tickets === 0) throw new EventLogError("the table has a header but no ticket that can be read");
  }

  private guard(f: () => void): void {
    try {
      f();
    } catch (error) {
      if (error instanceof CsvError) throw new EventLogError(error.message, error.line);
      throw error;
    }
  }

  private row(fields: string[], line: number): void {
    // A byte-order mark mid-file, where files were concatenated, lands in the first field.
    if (fields[0]!.charCodeAt(0) === 0xfeff) fields[0] = fields[0]!.slice(1);
    if (this.header.length === 0) {
      this.readHeader(fields);
      return;
    }
    if (!this.sampled) {
      this.buffer.push({ fields, line });
      if (this.buffer.length >= SAMPLE_ROWS) this.sample();
      return;
    }
    this.ticket(fields, line);
  }

  private readHeader(fields: string[]): void {
    this.header = fields.map((f) => f.trim());
    const lower = this.header.map((h) => h.toLowerCase());
    const missing: string[] = [];
    for (const slot of TABLE_SLOTS) {
      const name = this.columns[slot];
      if (name === undefined || name === "") continue;
      const i = lower.indexOf(name.trim().toLowerCase());
      if (i < 0) missing.push(`${TABLE_OPTION[slot]} "${name}"`);
      else {
        this.index[slot] = i;
        this.unit[slot] = headerUnitSeconds(this.header[i]!);
      }
    }
    if (missing.length > 0) {
      const shown = this.header
        .slice(0, 40)
        .map((h) => clip(h))
        .join(", ");
      throw new EventLogError(
        `the table has no column ${missing.join(", ")}. Its columns are: ${shown}${this.header.length > 40 ? ", …" : ""}`,
        1,
      );
    }
    this.out.pushRow(EVENT_HEADER, 1);
  }

  /** Chooses the time forms from the buffered rows, then reads them. */
  private sample(): void {
    if (this.sampled) return;
    this.sampled = true;
    const rows = this.buffer.filter((r) => !this.isHeaderAgain(r.fields));
    const pick = (slot: TableSlot) => rows.map((r) => this.cell(r.fields, slot));
    for (const slot of ["created", "resolved", "firstResponse"] as const) {
      if (this.index[slot] === undefined) continue;
      const values = pick(slot).filter((v) => v !== "");
      const format = detectTimeFormat(values);
      if (slot === "firstResponse") {
        this.firstResponseKind = format || values.length === 0 ? "time" : "duration";
        if (this.firstResponseKind === "duration") continue;
      }
      if (format) this.timeFormats[slot] = format;
      else if (values.length > 0) {
        const at = rows.find((r) => this.cell(r.fields, slot) !== "" && !detectTimeFormat([this.cell(r.fields, slot)]));
        const where = at ?? rows[0]!;
        throw new EventLogError(
          `line ${where.line}: "${clip(this.cell(where.fields, slot))}" in column "${this.columns[slot]}" is not a time Flowcast reads (ISO 8601 such as 2026-01-05T08:30, or dd-mm-yyyy hh:mm), or the column mixes forms`,
          where.line,
        );
      }
    }
    this.timeFormats.created ??= { id: "iso", description: "ISO 8601 (no time seen to tell)" };
    this.wallOffset = timeOffsetMinutes(pick("created").find((v) => v !== "") ?? "");
    const buffered = this.buffer;
    this.buffer = [];
    for (const r of buffered) this.ticket(r.fields, r.line);
  }

  /** A cell as read: trimmed, "" when missing, month names as numbers in time columns. */
  private cell(f: string[], slot: TableSlot): string {
    // A row's cells are read several times (blank counts, checks, events): read each once.
    if (f !== this.cachedRow) {
      this.cachedRow = f;
      this.cachedStamp++;
    }
    const n = SLOT_NUMBER[slot];
    if (this.cellStamp[n] === this.cachedStamp) return this.cellText[n]!;
    const i = this.index[slot];
    const v = i === undefined ? "" : (f[i] ?? "");
    const text = isMissing(v) ? "" : TIME_SLOTS.has(slot) ? numericMonth(v.trim()) : v.trim();
    this.cellStamp[n] = this.cachedStamp;
    this.cellText[n] = text;
    return text;
  }

  private isHeaderAgain(f: string[]): boolean {
    const c = this.index.case!;
    const t = this.index.created!;
    return (
      (f[c] ?? "").trim().toLowerCase() === this.header[c]!.toLowerCase() &&
      (f[t] ?? "").trim().toLowerCase() === this.header[t]!.toLowerCase()
    );
  }

  private drop(reason: TableDropReason, line: number): void {
    this.counts.dropped[reason]++;
    this.counts.firstLine[reason] ??= line;
  }

  private countBlank(slot: TableSlot, bucket: "blank" | "unreadable" = "blank"): void {
    const counts = this.counts[bucket];
    counts[slot] = (counts[slot] ?? 0) + 1;
  }

  private time(f: string[], slot: TableSlot, line: number): number | "blank" | "bad" {
    const text = this.cell(f, slot);
    if (text === "") return "blank";
    const ms = parseTimestamp(text, this.timeFormats[slot] ?? this.timeFormats.created!, this.wallOffset);
    if (Number.isNaN(ms)) {
      this.firstBadTime ??= { line, slot, text };
      return "bad";
    }
    return ms;
  }

  /** One ticket row: checked, counted, turned into its events. */
  private ticket(f: string[], line: number): void {
    this.counts.rows++;
    const row = this.check(f, line);
    if (typeof row === "string") {
      this.drop(row, line);
      return;
    }
    const { id, created, resolved } = row;
    this.ids.add(id);
    this.counts.tickets++;
    const open = Number.isNaN(resolved);
    const end = open ? Number.POSITIVE_INFINITY : resolved;
    if (open) this.counts.open++;
    // Without handle times no queue can be simulated: the whole time to resolution is a wait.
    const firstResponse = this.firstResponse(f, line, created, end);
    const start = this.hasHandleTime ? firstResponse : created;
    const handle = this.duration(f, "handleTime");
    const team = this.cell(f, "team") || NO_GROUP;
    const [agent, priority, channel] = [this.cell(f, "resource"), this.cell(f, "priority"), this.cell(f, "channel")];
    // The closing row carries how the ticket ended (the flow's end steps). Times are whole
    // milliseconds, as an event log's text gives them.
    const event = (ms: number, name: string, who = "") =>
      this.out.pushTimedRow(
        [id, "", name, team, who, priority, channel, name === "close" ? this.cell(f, "status") : ""],
        Math.round(ms),
        line,
      );
    event(created, "queue");
    // A resolved ticket without its handle time: no agent time is known, none is invented.
    const noHandle = !open && this.index.handleTime !== undefined && Number.isNaN(handle);
    if (noHandle) this.counts.noHandleTime++;
    else {
      event(start, "start", agent);
      // Without a handle-time column no agent time is known: the work is an instant, and the
      // ticket rests from its creation to its resolution.
      const done = !this.hasHandleTime
        ? start
        : Number.isNaN(handle)
          ? end
          : Math.min(Math.round(start + handle * 1000), end);
      // Under a second between the end of the work and resolution is rounding, not a wait.
      if (end - done >= 1000) event(done, "wait");
    }
    if (!open) event(resolved, "close");
    const reopens = this.count(f, "reopens");
    if (reopens !== undefined && reopens > 0) event(open ? start : end, "reopen");
    const stations = /station/i.test(this.columns.reassignments ?? "");
    const moves = this.count(f, "reassignments");
    this.facts.add(created, {
      reassigned: moves === undefined ? undefined : moves > (stations ? 1 : 0),
      reopened: reopens === undefined ? undefined : reopens > 0,
      fcr: this.flag(f, "fcr"),
      madeSla: this.flag(f, "madeSla"),
    });
  }

  /** The row's id, creation and resolution (NaN: open), or why it is dropped. */
  private check(f: string[], line: number): TableDropReason | { id: string; created: number; resolved: number } {
    if (f.length <= Math.max(this.index.case!, this.index.created!)) return "shortRows";
    if (this.isHeaderAgain(f)) return "repeatedHeader";
    for (const slot of TABLE_SLOTS)
      if (this.index[slot] !== undefined && this.cell(f, slot) === "") this.countBlank(slot);
    const id = this.cell(f, "case").replaceAll("\ufeff", "");
    if (id === "") return "noTicket";
    const created = this.time(f, "created", line);
    if (created === "blank") return "noCreated";
    const resolved = this.time(f, "resolved", line);
    if (created === "bad" || resolved === "bad") return "badTime";
    if (resolved !== "blank" && resolved < created) return "resolvedBeforeCreated";
    if (this.ids.has(id)) return "duplicateTicket";
    return { id, created, resolved: resolved === "blank" ? Number.NaN : resolved };
  }

  /** The first response as a time within creation..resolution (creation when blank or outside). */
  private firstResponse(f: string[], line: number, created: number, end: number): number {
    if (this.index.firstResponse === undefined || this.cell(f, "firstResponse") === "") return created;
    let at: number;
    if (this.firstResponseKind === "duration") {
      const seconds = this.duration(f, "firstResponse");
      at = Number.isNaN(seconds) ? Number.NaN : created + seconds * 1000;
    } else {
      const t = this.time(f, "firstResponse", line);
      at = typeof t === "number" ? t : Number.NaN;
    }
    if (Number.isNaN(at) || at < created || at > end) {
      this.countBlank("firstResponse", "unreadable");
      return created;
    }
    return at;
  }

  private duration(f: string[], slot: TableSlot): number {
    const text = this.cell(f, slot);
    if (text === "") return Number.NaN;
    const seconds = parseDuration(text, this.unit[slot]);
    if (Number.isNaN(seconds)) this.countBlank(slot, "unreadable");
    return seconds;
  }

  private count(f: string[], slot: TableSlot): number | undefined {
    const text = this.cell(f, slot);
    if (text === "") return undefined;
    const n = Number(text);
    if (!Number.isFinite(n) || n < 0) {
      this.countBlank(slot, "unreadable");
      return undefined;
    }
    return n;
  }

  private flag(f: string[], slot: TableSlot): boolean | undefined {
    const text = this.cell(f, slot);
    if (text === "") return undefined;
    const b = parseFlag(text);
    if (b === undefined) this.countBlank(slot, "unreadable");
    return b;
  }
}

// helpers

const SLOT_NUMBER = Object.fromEntries(TABLE_SLOTS.map((slot, i) => [slot, i])) as Record<TableSlot, number>;
const TIME_SLOTS = new Set<TableSlot>(["created", "resolved", "firstResponse"]);
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const NAMED_MONTH = /^(\d{1,2})[/ -]([A-Za-z]{3})[a-z]*\.?[/ -](\d{4}|\d{2})\b(.*)$/;

/**
 * A date with the month's name, as Jira exports it ("05/Jan/26 8:30 AM", "5-Jan-2026 08:30"),
 * written with the month's number ("05/01/2026 8:30 AM"), day first; two-digit years are 20yy.
 * Other text is returned as it is.
 */
export function numericMonth(text: string): string {
  const m = NAMED_MONTH.exec(text);
  if (!m) return text;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return text;
  const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
  return `${m[1]!.padStart(2, "0")}/${String(month + 1).padStart(2, "0")}/${year}${m[4]}`;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
