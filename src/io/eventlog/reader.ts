/**
 * Reads an event log row by row into a `LogAnalysis`: finds the mapped columns in the
 * header, chooses the timestamp form from the first rows, gives each activity its role, and
 * stops at the first row it cannot read with a message naming the line. Text arrives in
 * chunks (`push`), so a log of any size streams through in constant memory per ticket.
 */
import { LogAnalysis, OutOfOrderError } from "../../calibrate/analyze";
import { CsvError, CsvReader } from "./csv";
import { type Role, RoleMapper, type RoleRule } from "./roles";
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
}

export interface ReadOptions {
  columns: ColumnMap;
  map?: readonly RoleRule[];
  /** Only rows at or after / before these wall-clock times (ms). */
  fromMs?: number;
  toMs?: number;
  seed?: number;
  /** The analysis the rows feed (default: a new one); a backtest routes tickets by window. */
  analysis?: LogAnalysis;
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

const SAMPLE_ROWS = 500;
/** Rows of one ticket gathered before they are handed on (a run longer than this streams). */
const MAX_GROUP = 10_000;

interface PendingEvent {
  ticket: string;
  time: number;
  role: Role;
  team: string;
  resource: string;
  priority: string;
  channel: string;
  line: number;
  created: number;
}
type Slot = keyof ColumnMap;
const SLOTS: Slot[] = ["case", "time", "activity", "team", "resource", "priority", "channel", "created"];

export class EventLogReader {
  readonly analysis: LogAnalysis;
  readonly roles: RoleMapper;
  rows = 0;
  skippedOutsideWindow = 0;
  timeFormat: TimeFormat | undefined;
  createdFormat: TimeFormat | undefined;
  header: string[] = [];
  private index: Partial<Record<Slot, number>> = {};
  private buffer: { fields: string[]; line: number }[] = [];
  private wallOffset = 0;
  private group: PendingEvent[] = [];
  private groupTicket = "";
  /** Tickets whose consecutive rows were not in time order and were sorted. */
  reorderedTickets = 0;
  private readonly csv: CsvReader;

  constructor(private readonly options: ReadOptions) {
    this.analysis = options.analysis ?? new LogAnalysis(options.seed ?? 1);
    this.roles = new RoleMapper(options.map ?? []);
    this.csv = new CsvReader((fields, line) => this.row(fields, line));
  }

  get columns(): ColumnMap {
    return this.options.columns;
  }

  /** Reads a chunk of text. Throws EventLogError naming the line of the first bad row. */
  push(chunk: string): void {
    this.guard(() => this.csv.push(chunk));
  }

  /** Ends the input and closes the ticket states still open. */
  end(): LogAnalysis {
    this.guard(() => {
      this.csv.end();
      if (this.header.length === 0) throw new EventLogError("the file is empty: no header row");
      this.flush();
      this.flushGroup();
    });
    if (this.analysis.tickets.size === 0) {
      throw new EventLogError(
        this.skippedOutsideWindow > 0
          ? `no event falls between --from and --to (${this.skippedOutsideWindow} rows outside)`
          : "the log has a header but no events",
      );
    }
    const end = this.options.toMs ?? this.analysis.lastTime;
    this.analysis.finish(Math.min(end, this.analysis.lastTime));
    return this.analysis;
  }

  private guard(f: () => void): void {
    try {
      f();
    } catch (error) {
      if (error instanceof CsvError) throw new EventLogError(error.message, error.line);
      if (error instanceof OutOfOrderError) throw new EventLogError(error.message, error.line);
      throw error;
    }
  }

  private row(fields: string[], line: number): void {
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
    const missing: string[] = [];
    for (const slot of SLOTS) {
      const name = this.options.columns[slot];
      if (name === undefined || name === "") continue;
      const i = lower.indexOf(name.trim().toLowerCase());
      if (i < 0) missing.push(`--${slot} "${name}"`);
      else this.index[slot] = i;
    }
    if (missing.length > 0) {
      const shown = this.header.slice(0, 40).join(", ");
      throw new EventLogError(
        `the log has no column ${missing.join(", ")}. Its columns are: ${shown}${this.header.length > 40 ? ", …" : ""}`,
        1,
      );
    }
  }

  /** Chooses the time forms from the buffered rows, then reads them. */
  private flush(): void {
    if (this.timeFormat !== undefined) return;
    const pick = (slot: Slot) => this.buffer.map((r) => r.fields[this.index[slot]!] ?? "");
    const times = pick("time");
    this.timeFormat = detectTimeFormat(times);
    if (!this.timeFormat) {
      if (this.buffer.length === 0) return;
      const bad = this.buffer.find((r) => detectTimeFormat([r.fields[this.index.time!] ?? ""]) === undefined);
      const where = bad ?? this.buffer[0]!;
      throw new EventLogError(
        `line ${where.line}: "${where.fields[this.index.time!] ?? ""}" in column "${this.options.columns.time}" is not a time Flowcast reads (ISO 8601 such as 2026-01-05T08:30, or dd-mm-yyyy hh:mm), or the column mixes forms`,
        where.line,
      );
    }
    this.wallOffset = timeOffsetMinutes(times.find((t) => !isMissing(t)) ?? "");
    if (this.index.created !== undefined) this.createdFormat = detectTimeFormat(pick("created")) ?? this.timeFormat;
    const rows = this.buffer;
    this.buffer = [];
    for (const r of rows) this.event(r.fields, r.line);
  }

  private event(f: string[], line: number): void {
    this.rows++;
    const ix = this.index;
    if (f.length < this.header.length && f.length <= Math.max(ix.case!, ix.time!, ix.activity!)) {
      throw new EventLogError(`line ${line} has ${f.length} fields where the header has ${this.header.length}`, line);
    }
    const ticket = (f[ix.case!] ?? "").trim();
    if (isMissing(ticket))
      throw new EventLogError(`line ${line}: no ticket id in column "${this.options.columns.case}"`, line);
    const rawTime = f[ix.time!] ?? "";
    const time = parseTimestamp(rawTime, this.timeFormat!, this.wallOffset);
    if (Number.isNaN(time)) {
      throw new EventLogError(
        `line ${line}: "${rawTime}" in column "${this.options.columns.time}" is not a time in the form read from the first rows (${this.timeFormat!.description})`,
        line,
      );
    }
    if (
      (this.options.fromMs !== undefined && time < this.options.fromMs) ||
      (this.options.toMs !== undefined && time > this.options.toMs)
    ) {
      this.skippedOutsideWindow++;
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
    const role = this.roles.roleOf(text(ix.activity));
    const event: PendingEvent = {
      ticket,
      time,
      role,
      team: text(ix.team),
      resource: text(ix.resource),
      priority: text(ix.priority),
      channel: text(ix.channel),
      line,
      created,
    };
    if (ticket !== this.groupTicket) this.flushGroup();
    this.groupTicket = ticket;
    this.group.push(event);
    if (this.group.length > MAX_GROUP) this.flushGroup();
  }

  /**
   * Hands the rows of one run of the same ticket to the analysis in time order. Exports
   * sorted by ticket often list a ticket's updates by revision, with clocks a little out of
   * step; such a run is sorted (stable) and counted. Out of order across runs is an error.
   */
  private flushGroup(): void {
    const g = this.group;
    if (g.length === 0) return;
    let sorted = true;
    for (let i = 1; i < g.length; i++) if (g[i]!.time < g[i - 1]!.time) sorted = false;
    if (!sorted) {
      g.sort((x, y) => x.time - y.time);
      this.reorderedTickets++;
    }
    for (const e of g)
      this.analysis.event(e.ticket, e.time, e.role, e.team, e.resource, e.priority, e.channel, e.line, e.created);
    this.group = [];
  }
}
