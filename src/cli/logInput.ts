/**
 * What `calibrate` and `backtest` share about the help desk's log they read: the column and
 * role options, which columns a CSV log must name (an XES log names its own), telling a
 * one-row-per-ticket table from an event log (`--table`, or its header and first rows), and
 * streaming the file into an EventLogReader — gunzipped for .gz, decoded by src/io/text.ts (a
 * BOM, UTF-16, binary data and invalid UTF-8 told apart), and turned into rows for XES and
 * for ticket tables.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import { type ColumnMap, EventLogError, type EventLogReader, parseRoleRule, type RoleRule } from "../calibrate";
import { parseCsv } from "../io/eventlog/csv";
import { XES_KEYS, XesRows, xesKeys } from "../io/eventlog/xes";
import { TextInput, TextInputError } from "../io/text";
import {
  guessTableColumns,
  looksLikeTicketTable,
  REQUIRED_TABLE_SLOTS,
  TABLE_EVENT_COLUMNS,
  TABLE_OPTION,
  TABLE_SLOTS,
  type TableColumns,
  TicketTableRows,
} from "../io/tickets";
import { cannotRead, listOption, type OptionSpec, type OptionValues, stringOption, UsageError } from "./shared";

/** The options naming the log's columns and what its activities mean. */
export const LOG_OPTIONS = {
  case: { type: "string" },
  time: { type: "string" },
  activity: { type: "string" },
  team: { type: "string" },
  resource: { type: "string" },
  priority: { type: "string" },
  channel: { type: "string" },
  created: { type: "string" },
  status: { type: "string" },
  map: { type: "string", multiple: true },
  tier: { type: "string", multiple: true },
  table: { type: "boolean" },
  resolved: { type: "string" },
  "first-response": { type: "string" },
  reassignments: { type: "string" },
  reopens: { type: "string" },
  fcr: { type: "string" },
  "handle-time": { type: "string" },
  "made-sla": { type: "string" },
} as const satisfies Record<string, OptionSpec>;

/** The help text of the ticket-table options (calibrate and backtest print it). */
export const TABLE_HELP = `Ticket tables (one row per ticket: Zendesk, ServiceNow, Jira Service Management exports):
  --table             read LOG as a ticket table (found without it when no --time or
                      --activity is given, the header names a creation and a resolution
                      column and ticket ids do not repeat). Columns are found by the tools'
                      usual names (docs/tickets.md); name them to override:
  --case COL  --created COL  --resolved COL  --first-response COL  --team COL
  --channel COL  --priority COL  --resource COL  --reassignments COL  --reopens COL
  --fcr COL  --handle-time COL  --made-sla COL  --status COL (how it ended)
`;

/** The log's read settings from the command line: its columns, role rules and fixed tiers. */
export interface LogSettings {
  xes: boolean;
  /** A ticket table's columns (then `columns` are the event rows it is turned into). */
  table?: TableColumns;
  columns: ColumnMap;
  map: RoleRule[];
  tiers: Record<string, number>;
}

/**
 * Reads the LOG_OPTIONS of a command line and tells what the log is: XES by its name, a
 * ticket table by `--table` or by its header and first rows when no event-log column
 * (--time, --activity) is named; otherwise a CSV event log, which must name its four main
 * columns.
 */
export async function readLogSettings(values: OptionValues, file: string): Promise<LogSettings> {
  const xes = /\.xes(\.gz)?$/i.test(file);
  const eventColumns = typeof values.time === "string" || typeof values.activity === "string";
  if (values.table === true && (xes || eventColumns))
    throw new UsageError(
      xes
        ? "--table reads a CSV with one row per ticket; an XES log is an event log: leave --table out"
        : "--table reads one row per ticket, which has no --time or --activity column: leave those out",
    );
  if (!xes && (values.table === true || !eventColumns)) {
    const head = await sniffCsv(file);
    if (values.table === true || looksLikeTicketTable(head.header, head.rows))
      return tableSettings(values, head.header, file);
  }
  return logSettings(values, file);
}

/** Reads the LOG_OPTIONS of a command line; a CSV log must name its four main columns. */
export function logSettings(values: OptionValues, file: string): LogSettings {
  // An XES log names its columns itself (case:concept:name, time:timestamp, …).
  const xes = /\.xes(\.gz)?$/i.test(file);
  const need = xes ? [] : ["case", "time", "activity", "team"].filter((k) => typeof values[k] !== "string");
  if (need.length > 0)
    throw new UsageError(`say which columns hold what: ${need.map((k) => `--${k} COL`).join(" ")} (see --help)`);
  const str = (k: string) => stringOption(values, k);
  return {
    xes,
    columns: {
      case: str("case") ?? XES_KEYS.case,
      time: str("time") ?? XES_KEYS.time,
      activity: str("activity") ?? XES_KEYS.activity,
      team: str("team") ?? XES_KEYS.team,
      resource: str("resource") ?? (xes ? XES_KEYS.resource : undefined),
      priority: str("priority"),
      channel: str("channel"),
      created: str("created"),
      status: str("status"),
    },
    map: listOption(values, "map").map(roleRule),
    tiers: tierOptions(listOption(values, "tier")),
  };
}

function roleRule(text: string): RoleRule {
  const rule = parseRoleRule(text);
  if (typeof rule === "string") throw new UsageError(rule);
  return rule;
}

function tierOptions(texts: string[]): Record<string, number> {
  const tiers: Record<string, number> = Object.create(null);
  for (const t of texts) {
    const at = t.lastIndexOf("=");
    const n = Number(t.slice(at + 1));
    if (at <= 0 || !Number.isInteger(n) || n < 1)
      throw new UsageError(`--tier "${t}" must be written TEAM=N with N a whole number from 1`);
    tiers[t.slice(0, at)] = n;
  }
  return tiers;
}

/**
 * Streams a log file into `reader` (not ended), reporting the share read to `progress`; a
 * ticket table through `table` (made by `tableRows`), which is ended here.
 */
export async function streamLog(
  file: string,
  reader: EventLogReader,
  progress: (text: string) => void = () => {},
  table?: TicketTableRows,
): Promise<void> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new UsageError(`cannot read ${file}: it is a folder, not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw cannotRead(file, error);
  }
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const stream = /\.gz$/i.test(file) ? pipeline(raw, createGunzip(), () => {}) : raw;
  const xes = /\.xes(\.gz)?$/i.test(file)
    ? new XesRows(xesKeys({ ...reader.columns }), (f, line) => reader.pushRow(f, line))
    : undefined;
  const push = (text: string) => (xes ? xes.push(text) : table ? table.push(text) : reader.push(text));
  const text = new TextInput(file);
  try {
    for await (const chunk of stream) {
      push(text.push(chunk as Buffer));
      progress(`Reading ${file}: ${Math.min(100, Math.round((raw.bytesRead / Math.max(1, size)) * 100))}%`);
    }
    push(text.end());
    xes?.end();
    table?.end();
  } catch (error) {
    if (error instanceof EventLogError) throw error;
    if (error instanceof TextInputError) throw new UsageError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string" && code.startsWith("Z_"))
      throw new UsageError(`cannot read ${file}: it is not a whole gzip file (${(error as Error).message})`);
    if (code) throw cannotRead(file, error);
    throw error;
  } finally {
    stream.destroy();
    raw.destroy();
  }
}

/** The table reader for `settings` feeding `reader`, or undefined for an event log. */
export function tableRows(settings: LogSettings, reader: EventLogReader): TicketTableRows | undefined {
  return settings.table ? new TicketTableRows(settings.table, reader) : undefined;
}

// helpers

/** A ticket table's columns: the tools' usual names, each overridden by its option. */
function tableSettings(values: OptionValues, header: string[], file: string): LogSettings {
  if (header.length === 0) throw new UsageError(`${file}: the file is empty: no header row`);
  if (listOption(values, "map").length > 0)
    throw new UsageError(
      "--map gives an event log's activities their meaning; a ticket table has no activity column: leave --map out",
    );
  const guess = guessTableColumns(header);
  const named = {} as Record<keyof TableColumns, string | undefined>;
  for (const slot of TABLE_SLOTS)
    named[slot] = stringOption(values, TABLE_OPTION[slot].slice(2)) ?? (guess[slot] || undefined);
  const missing = REQUIRED_TABLE_SLOTS.filter((s) => named[s] === undefined);
  if (missing.length > 0) {
    const words = { case: "the ticket id", created: "the creation time", resolved: "the resolution time" } as Record<
      string,
      string
    >;
    throw new UsageError(
      `the ticket table has no column Flowcast knows for ${missing.map((s) => words[s]).join(", ")}: name ${missing.length === 1 ? "it" : "them"} with ${missing.map((s) => `${TABLE_OPTION[s]} COL`).join(" ")}. Its columns are: ${header.slice(0, 40).join(", ")}${header.length > 40 ? ", …" : ""}`,
    );
  }
  const table = Object.fromEntries(Object.entries(named).filter(([, v]) => v !== undefined)) as unknown as TableColumns;
  return {
    xes: false,
    table,
    columns: TABLE_EVENT_COLUMNS,
    map: [],
    tiers: tierOptions(listOption(values, "tier")),
  };
}

/** The header and first rows of a CSV file (gunzipped for .gz), decoded as the whole file is. */
async function sniffCsv(file: string): Promise<{ header: string[]; rows: string[][] }> {
  const raw = createReadStream(file, { highWaterMark: 1 << 16 });
  const stream = /\.gz$/i.test(file) ? pipeline(raw, createGunzip(), () => {}) : raw;
  const input = new TextInput(file);
  let text = "";
  try {
    for await (const chunk of stream) {
      text += input.push(chunk as Buffer);
      if (text.length >= 1 << 16) break;
    }
  } catch (error) {
    if (error instanceof TextInputError) throw new UsageError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EISDIR") throw new UsageError(`cannot read ${file}: it is a folder, not a file`);
    if (typeof code === "string" && code.startsWith("Z_"))
      throw new UsageError(`cannot read ${file}: it is not a whole gzip file (${(error as Error).message})`);
    throw cannotRead(file, error);
  } finally {
    stream.destroy();
    raw.destroy();
  }
  // A cut may fall inside a row: keep whole lines only (unless the file is that short).
  const cut = text.length >= 1 << 16 ? text.slice(0, Math.max(0, text.lastIndexOf("\n"))) : text;
  let rows: string[][];
  try {
    rows = parseCsv(cut);
  } catch {
    rows = [];
  }
  return { header: (rows[0] ?? []).map((h) => h.replace(/^\ufeff/, "").trim()), rows: rows.slice(1, 501) };
}
