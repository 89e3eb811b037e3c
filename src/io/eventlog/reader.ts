/**
 * Reads an event log as it comes: finds the mapped columns in the header, chooses the
 * timestamp form from the first rows, gives each activity its role, and hands the events to
 * a consumer ticket by ticket, each ticket's rows in time order, whatever the file's row
 * order. As process-mining tools do, the rows are sorted by ticket and time; here they are
 * held compactly (rowStore.ts: typed arrays, interned names, about 40 bytes a row) under a
 * cap on the tickets held, so a log too big for memory stops with a message naming the cap instead of
 * exhausting the heap. Rows that cannot be used (no ticket id, no time, a header repeated
 * where files were concatenated, too few fields) are dropped and counted. Pure: no Node or
 * DOM, so the CLI and the browser share it; what is done with the events is the consumer's.
 */
import { CsvError, CsvReader } from "./csv";
import { ROLES, type Role, RoleMapper, type RoleRule } from "./roles";
import { Interner, RowStore } from "./rowStore";
import { detectTimeFormat, isMissing, parseTimestamp, type TimeFormat, timeOffsetMinutes } from "./timestamp";

/** Which column holds what (header names as written, matched case-insensitively). */
export interface ColumnMap {
  case: string;
  time: string;
  activity: string;
  team: string;
  resource?: string;
  priority?: string;
  channel?: string;
  /** Ticket creation time (e.g. ServiceNow's opened_at); default: the ticket's first row. */
  created?: string;
  /**
   * How a ticket ended, read on its closing rows (a resolution or close code; Flowcast's own
   * logs: `node`, the end step); default: the closing row's activity.
   */
  status?: string;
}

export interface ReadOptions {
  columns: ColumnMap;
  map?: readonly RoleRule[];
  /**
   * Only tickets that start (creation, or first event) at or after `fromMs` and at or before
   * `toMs` (wall-clock ms); their rows after `toMs` are left out (the log is read as if it
   * ended there).
   */
  fromMs?: number;
  toMs?: number;
  /** Most distinct tickets held in memory (default `DEFAULT_MAX_TICKETS`). */
  maxTickets?: number;
  seed?: number;
}

/**
 * Receives a log's events ticket by ticket, each ticket's events in time order. `time` and
 * `created` in wall-clock ms (`created` NaN when the log has no creation column); names as
 * written, "" when missing.
 */
export interface RoleEventConsumer {
  event(
    ticket: string,
    time: number,
    role: Role,
    team: string,
    resource: string,
    priority: string,
    channel: string,
    line: number,
    created: number,
    status: string,
  ): void;
  /** The end of the log (ms): states still open are censored there. */
  finish(endTime: number): void;
}

/** A log that cannot be read; `line` names where (0: the whole file). */
export class EventLogError extends Error {
  constructor(
    message: string,
    readonly line = 0,
  ) {
    super(message);
    this.name = "EventLogError";
  }
}

/** Rows dropped while reading, by reason. */
export interface DroppedRows {
  /** No ticket id. */
  noTicket: number;
  /** No time, or a time not in the log's form. */
  noTime: number;
  /** The header again (files concatenated). */
  repeatedHeader: number;
  /** Fewer fields than the mapped columns need. */
  shortRows: number;
  /** Rows of tickets that start outside --from/--to, and rows after --to. */
  outsideWindow: number;
  /** Tickets left out by --from/--to. */
  ticketsOutsideWindow: number;
  /** First line of each reason, for the report. */
  firstLine: Partial<Record<"noTicket" | "noTime" | "repeatedHeader" | "shortRows", number>>;
}

/** Tickets held in memory by default: about 1 GB of heap on a typical log. */
export const DEFAULT_MAX_TICKETS = 2_000_000;
/** Times spanning more than this many years are not a help desk's log. */
export const MAX_SPAN_YEARS = 50;
/** Unreadable times above this share of rows stop the read (the column or its form is wrong). */
const MAX_BAD_TIME_SHARE = 0.01;
const SAMPLE_ROWS = 500;
const YEAR_MS = 365.25 * 86_400_000;

type Slot = keyof ColumnMap;
const SLOTS: Slot[] = ["case", "time", "activity", "team", "resource", "priority", "channel", "created", "status"];

export class RoleEventReader<C extends RoleEventConsumer = RoleEventConsumer> {
  readonly roles: RoleMapper;
  rows = 0;
  timeFormat: TimeFormat | undefined;
  createdFormat: TimeFormat | undefined;
  header: string[] = [];
  /** Tickets whose rows were not in time order and were sorted. */
  reorderedTickets = 0;
  /** Tickets handed to the consumer, and the first and last time among their events. */
  ticketCount = 0;
  firstTime = Number.POSITIVE_INFINITY;
  lastTime = Number.NEGATIVE_INFINITY;
  readonly dropped: DroppedRows = {
    noTicket: 0,
    noTime: 0,
    repeatedHeader: 0,
    shortRows: 0,
    outsideWindow: 0,
    ticketsOutsideWindow: 0,
    firstLine: {},
  };
  private index: Partial<Record<Slot, number>> = {};
  private lowerHeader: string[] = [];
  private buffer: { fields: string[]; line: number }[] = [];
  private wallOffset = 0;
  private readonly csv: CsvReader;
  private readonly store = new RowStore();
  private readonly tickets = new Interner();
  private readonly teams = new Interner();
  private readonly resources = new Interner();
  private readonly priorities = new Interner();
  private readonly channels = new Interner();
  /** Closing statuses ("" first: rows that do not close get 0). */
  private readonly statuses = new Interner();
  private readonly roleCode = new Map<Role, number>(ROLES.map((r, i) => [r, i]));
  private readonly maxTickets: number;
  private readonly maxRows: number;

  constructor(
    private readonly options: ReadOptions,
    readonly consumer: C,
  ) {
    this.roles = new RoleMapper(options.map ?? []);
    this.statuses.of("");
    this.csv = new CsvReader((fields, line) => this.row(fields, line));
    this.maxTickets = options.maxTickets ?? DEFAULT_MAX_TICKETS;
    this.maxRows = Math.max(1_000_000, Math.round(this.maxTickets * 12.5));
  }

  get columns(): ColumnMap {
    return this.options.columns;
  }

  /** Rows left out by --from/--to (kept for the report's `skipped`). */
  get skippedOutsideWindow(): number {
    return this.dropped.outsideWindow;
  }

  /** Reads a chunk of text. Throws EventLogError naming the line of the first bad row. */
  push(chunk: string): void {
    this.guard(() => this.csv.push(chunk));
  }

  /**
   * Reads one row already split into fields (the header first), as from an XES log
   * (`XesRows`); `line` names where it came from.
   */
  pushRow(fields: string[], line: number): void {
    this.row(fields, line);
  }

  /**
   * Reads one event row whose time is already read, `timeMs` on the log's wall clock (as
   * from a ticket table, whose times were parsed from its own columns): the time column's
   * cell is not read, and no time form is chosen for it. The header comes first, by
   * `pushRow`.
   */
  pushTimedRow(fields: string[], timeMs: number, line: number): void {
    if (this.header.length === 0) throw new EventLogError("an event row came before the header", line);
    // Rows buffered to choose the time form are read first, so the rows keep their order.
    if (this.buffer.length > 0) this.flush();
    this.event(fields, line, timeMs);
  }

  /**
   * Ends the input: checks the times, sorts the rows by ticket and time, and hands them to
   * the consumer ticket by ticket; then `consumer.finish(end of the log)`.
   */
  end(): C {
    this.guard(() => {
      this.csv.end();
      if (this.header.length === 0) throw new EventLogError("the file is empty: no header row");
      this.flush();
    });
    this.checkBadTimes();
    if (this.store.n === 0) throw new EventLogError("the log has a header but no events");
    this.checkSpan();
    this.emit();
    if (this.ticketCount === 0) {
      throw new EventLogError(
        `no ticket starts between --from and --to (${this.dropped.ticketsOutsideWindow.toLocaleString("en")} tickets outside)`,
      );
    }
    const end = this.options.toMs ?? this.lastTime;
    this.consumer.finish(Math.min(end, this.lastTime));
    return this.consumer;
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
    if (this.timeFormat === undefined) {
      this.buffer.push({ fields, line });
      if (this.buffer.length >= SAMPLE_ROWS) this.flush();
      return;
    }
    this.event(fields, line);
  }

  private readHeader(fields: string[]): void {
    this.header = fields.map((f) => f.trim());
    const lower = this.header.map((h) => h.toLowerCase());
    this.lowerHeader = lower;
    const missing: string[] = [];
    for (const slot of SLOTS) {
      const name = this.options.columns[slot];
      if (name === undefined || name === "") continue;
      const i = lower.indexOf(name.trim().toLowerCase());
      if (i < 0) missing.push(`--${slot} "${name}"`);
      else this.index[slot] = i;
    }
    if (missing.length > 0) {
      const shown = this.header
        .slice(0, 40)
        .map((h) => (h.length > 60 ? `${h.slice(0, 60)}…` : h))
        .join(", ");
      throw new EventLogError(
        `the log has no column ${missing.join(", ")}. Its columns are: ${shown}${this.header.length > 40 ? ", …" : ""}`,
        1,
      );
    }
  }

  /** Chooses the time forms from the buffered rows, then reads them. */
  private flush(): void {
    if (this.timeFormat !== undefined) return;
    const usable = this.buffer.filter((r) => !this.isHeaderAgain(r.fields));
    const pick = (slot: Slot) => usable.map((r) => r.fields[this.index[slot]!] ?? "");
    const times = pick("time");
    this.timeFormat = detectTimeFormat(times);
    if (!this.timeFormat) {
      if (usable.length === 0 || times.every((t) => isMissing(t))) {
        // No time to read a form from: every row is dropped (and counted) below.
        this.timeFormat = { id: "iso", description: "ISO 8601 (no time seen to tell)" };
      } else {
        const bad = usable.find((r) => detectTimeFormat([r.fields[this.index.time!] ?? ""]) === undefined);
        const where = bad ?? usable[0]!;
        throw new EventLogError(
          `line ${where.line}: "${clip(where.fields[this.index.time!] ?? "")}" in column "${this.options.columns.time}" is not a time Flowcast reads (ISO 8601 such as 2026-01-05T08:30, or dd-mm-yyyy hh:mm), or the column mixes forms`,
          where.line,
        );
      }
    }
    this.wallOffset = timeOffsetMinutes(times.find((t) => !isMissing(t)) ?? "");
    if (this.index.created !== undefined) this.createdFormat = detectTimeFormat(pick("created")) ?? this.timeFormat;
    const rows = this.buffer;
    this.buffer = [];
    for (const r of rows) this.event(r.fields, r.line);
  }

  private isHeaderAgain(f: string[]): boolean {
    const ix = this.index;
    // The time first: it is blank on rows whose time is already read (`pushTimedRow`).
    return (
      (f[ix.time!] ?? "").trim().toLowerCase() === this.lowerHeader[ix.time!] &&
      (f[ix.case!] ?? "").trim().toLowerCase() === this.lowerHeader[ix.case!]
    );
  }

  private drop(reason: keyof DroppedRows["firstLine"], line: number): void {
    this.dropped[reason]++;
    this.dropped.firstLine[reason] ??= line;
  }

  /** One data row; `timeMs` when its time is already read (`pushTimedRow`). */
  private event(f: string[], line: number, timeMs?: number): void {
    this.rows++;
    const ix = this.index;
    if (f.length <= Math.max(ix.case!, ix.time!)) {
      this.drop("shortRows", line);
      return;
    }
    if (this.isHeaderAgain(f)) {
      this.drop("repeatedHeader", line);
      return;
    }
    let ticket = f[ix.case!]!.trim();
    if (ticket.includes("\ufeff")) ticket = ticket.replaceAll("\ufeff", "").trim();
    if (isMissing(ticket)) {
      this.drop("noTicket", line);
      return;
    }
    const rawTime = timeMs === undefined ? f[ix.time!]! : "";
    const time =
      timeMs !== undefined
        ? timeMs
        : isMissing(rawTime)
          ? Number.NaN
          : parseTimestamp(rawTime, this.timeFormat!, this.wallOffset);
    if (Number.isNaN(time)) {
      if (!isMissing(rawTime)) this.firstBadTime ??= { line, text: rawTime };
      this.drop("noTime", line);
      return;
    }
    const text = (i: number | undefined) => {
      if (i === undefined) return "";
      const v = f[i] ?? "";
      return isMissing(v) ? "" : v.trim();
    };
    let created = Number.NaN;
    if (ix.created !== undefined) {
      const c = text(ix.created);
      if (c !== "") created = parseTimestamp(c, this.createdFormat!, this.wallOffset);
    }
    const t = this.tickets.of(ticket);
    if (this.tickets.size > this.maxTickets) this.tooMany(line);
    if (this.store.n >= this.maxRows) this.tooManyRows(line);
    const activity = text(ix.activity);
    const role = this.roles.roleOf(activity);
    // Only closing rows carry a status: a free-text column elsewhere cannot grow the names.
    const status = role === "closed" ? this.statuses.of(text(ix.status) || activity) : 0;
    this.store.add(
      t,
      time,
      created,
      line,
      this.roleCode.get(role)!,
      this.teams.of(text(ix.team)),
      this.resources.of(text(ix.resource)),
      this.priorities.of(text(ix.priority)),
      this.channels.of(text(ix.channel)),
      status,
    );
  }

  private firstBadTime: { line: number; text: string } | undefined;

  /** A few unreadable times are dropped and counted; more mean the wrong column or form. */
  private checkBadTimes(): void {
    const bad = this.firstBadTime;
    if (!bad || this.dropped.noTime <= MAX_BAD_TIME_SHARE * this.rows) return;
    throw new EventLogError(
      `line ${bad.line}: "${clip(bad.text)}" in column "${this.options.columns.time}" is not a time in the form read from the first rows (${this.timeFormat!.description}); ${this.dropped.noTime.toLocaleString("en")} of ${this.rows.toLocaleString("en")} rows have no readable time`,
      bad.line,
    );
  }

  private checkSpan(): void {
    const s = this.store;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < s.n; i++) {
      const x = s.time[i]!;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    const years = (hi - lo) / YEAR_MS;
    if (years > MAX_SPAN_YEARS) {
      const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
      throw new EventLogError(
        `times span ${Math.round(years).toLocaleString("en")} years (${day(lo)} to ${day(hi)}): check the time column and its format`,
      );
    }
  }

  private tooMany(line: number): never {
    throw new EventLogError(
      `line ${line}: the log holds more than ${this.maxTickets.toLocaleString("en")} tickets, the cap on tickets held in memory (--max-tickets). Raise it with --max-tickets N (about 0.5 GB of memory per million tickets), or calibrate a shorter period with --from/--to`,
      line,
    );
  }

  private tooManyRows(line: number): never {
    throw new EventLogError(
      `line ${line}: the log holds more than ${this.maxRows.toLocaleString("en")} rows, the cap that goes with --max-tickets ${this.maxTickets.toLocaleString("en")} (12.5 rows a ticket). Raise --max-tickets, or calibrate a shorter period with --from/--to`,
      line,
    );
  }

  /**
   * Hands the rows read once more, to another consumer, each team name passed through
   * `teamOf` (e.g. small teams grouped into one); the counts of the first pass stay as
   * they are. Call after `end()`.
   */
  replay<D extends RoleEventConsumer>(consumer: D, teamOf: (team: string) => string): D {
    const teams = this.teams.list.map(teamOf);
    let last = Number.NEGATIVE_INFINITY;
    this.emit(consumer, teams, false, (time) => {
      if (time > last) last = time;
    });
    const end = this.options.toMs ?? last;
    consumer.finish(Math.min(end, last));
    return consumer;
  }

  /** Sorts the rows by ticket (counting sort) and time, selects tickets, hands them on. */
  private emit(
    c: RoleEventConsumer = this.consumer,
    teamNames: readonly string[] = this.teams.list,
    count = true,
    seen: (time: number) => void = (time) => {
      if (time < this.firstTime) this.firstTime = time;
      if (time > this.lastTime) this.lastTime = time;
    },
  ): void {
    const s = this.store;
    const ticketTotal = this.tickets.size;
    const { offsets, order } = s.byTicket(ticketTotal);
    const { fromMs, toMs } = this.options;
    for (let t = 0; t < ticketTotal; t++) {
      const a = offsets[t]!;
      const b = offsets[t + 1]!;
      if (s.sortByTime(order, a, b) && count) this.reorderedTickets++;
      const first = order[a]!;
      const created = s.created ? s.created[first]! : Number.NaN;
      const start = Number.isFinite(created) && created <= s.time[first]! ? created : s.time[first]!;
      if ((fromMs !== undefined && start < fromMs) || (toMs !== undefined && start > toMs)) {
        if (count) {
          this.dropped.ticketsOutsideWindow++;
          this.dropped.outsideWindow += b - a;
        }
        continue;
      }
      const name = this.tickets.list[t]!;
      if (count) this.ticketCount++;
      for (let k = a; k < b; k++) {
        const i = order[k]!;
        const time = s.time[i]!;
        if (toMs !== undefined && time > toMs) {
          if (count) this.dropped.outsideWindow += b - k;
          break;
        }
        seen(time);
        c.event(
          name,
          time,
          ROLES[s.role[i]!]!,
          teamNames[s.team[i]!]!,
          this.resources.list[s.resource[i]!]!,
          this.priorities.list[s.priority[i]!]!,
          this.channels.list[s.channel[i]!]!,
          s.line[i]!,
          s.created ? s.created[i]! : Number.NaN,
          this.statuses.list[s.status[i]!]!,
        );
      }
    }
  }
}

// helpers

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
