/**
 * What "Import history…" can read and how it streams it: a CSV event log, an XES log (.xes,
 * .xes.gz: the process-mining exchange format) or a one-row-per-ticket table (Zendesk,
 * ServiceNow, Jira exports), any of them gzipped (.gz, unpacked as it streams in). The file is
 * read as the command line reads it: decoded by src/io/text.ts, never whole, progress told
 * as a share of its bytes.
 */
import type { ColumnMap, EventLogReader } from "../../calibrate";
import { parseCsv } from "../../io/eventlog/csv";
import { XES_KEYS, XesRows, xesKeys } from "../../io/eventlog/xes";
import { TextInput, TextInputError } from "../../io/text";
import { looksLikeTicketTable, TABLE_EVENT_COLUMNS, type TableColumns, TicketTableRows } from "../../io/tickets";

export type HistoryKind = "events" | "xes" | "table";

/** What the file is and which columns hold what (a table's are `table`; `columns` its event rows). */
export interface HistorySource {
  kind: HistoryKind;
  columns: ColumnMap;
  table?: TableColumns;
}

/** The columns of an XES log: its standard keys (concept:name, time:timestamp, org:group, org:resource). */
export const XES_COLUMNS: ColumnMap = {
  case: XES_KEYS.case,
  time: XES_KEYS.time,
  activity: XES_KEYS.activity,
  team: XES_KEYS.team,
  resource: XES_KEYS.resource,
};

export function isXesName(name: string): boolean {
  return /\.xes(\.gz)?$/i.test(name);
}

/** The kind of a file from its name and, for CSV, its header and first rows. */
export function historyKind(name: string, header: readonly string[], rows: readonly string[][]): HistoryKind {
  if (isXesName(name)) return "xes";
  return looksLikeTicketTable(header, rows) ? "table" : "events";
}

/** The source for an event log's or a table's columns. */
export function eventSource(columns: ColumnMap): HistorySource {
  return { kind: "events", columns };
}
export function tableSource(table: TableColumns): HistorySource {
  return { kind: "table", columns: TABLE_EVENT_COLUMNS, table };
}
export const XES_SOURCE: HistorySource = { kind: "xes", columns: XES_COLUMNS };

/**
 * Streams the file's text (gunzipped when its name ends in .gz) to `onText`. Throws
 * TextInputError for binary data, bad bytes (lines named) or a broken gzip file. Returns
 * false when `signal` stopped it.
 */
export async function streamHistoryText(
  file: Blob,
  name: string,
  onText: (text: string) => void,
  options: { signal?: AbortSignal; onShare?: (share: number) => void; maxChars?: number } = {},
): Promise<boolean> {
  let read = 0;
  const counted = file.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, out) {
        read += chunk.length;
        out.enqueue(chunk);
      },
    }),
  );
  const bytes = /\.gz$/i.test(name)
    ? counted.pipeThrough(new DecompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>)
    : counted;
  const it = bytes.getReader();
  const input = new TextInput(name);
  let chars = 0;
  let shown = 0;
  try {
    for (;;) {
      if (options.signal?.aborted) return false;
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await it.read();
      } catch (error) {
        throw new TextInputError(`${name} is not a whole gzip file (${(error as Error).message})`);
      }
      if (next.done) break;
      const text = input.push(next.value);
      if (text) onText(text);
      chars += text.length;
      if (options.maxChars !== undefined && chars >= options.maxChars) return false;
      // Progress about every 2% of the file.
      if (options.onShare && read - shown > file.size / 50) {
        shown = read;
        options.onShare(Math.min(1, read / Math.max(1, file.size)));
      }
    }
    const rest = input.end();
    if (rest) onText(rest);
    return true;
  } finally {
    await it.cancel().catch(() => undefined);
  }
}

/**
 * Streams the whole file into `reader` (not ended) as `source` says: CSV rows, XES events or
 * ticket-table rows turned into events. Returns the table reader (its counts and facts) for
 * a table.
 */
export async function readHistory(
  file: Blob,
  name: string,
  source: HistorySource,
  reader: EventLogReader,
  onShare?: (share: number) => void,
): Promise<TicketTableRows | undefined> {
  const row = (fields: string[], line: number) => reader.pushRow(fields, line);
  const xes = source.kind === "xes" ? new XesRows(xesKeys({ ...source.columns }), row) : undefined;
  const table = source.kind === "table" && source.table ? new TicketTableRows(source.table, reader) : undefined;
  await streamHistoryText(file, name, (text) => (xes ? xes.push(text) : table ? table.push(text) : reader.push(text)), {
    onShare,
  });
  xes?.end();
  table?.end();
  return table;
}

/** The header and first rows of a CSV (gunzipped for .gz), from its first 64 KB of text. */
export async function peekRows(file: Blob, name: string, rows = 500): Promise<{ header: string[]; rows: string[][] }> {
  let text = "";
  const whole = await streamHistoryText(
    file,
    name,
    (t) => {
      text += t;
    },
    { maxChars: 64 * 1024 },
  );
  // A cut may fall inside a row: keep whole lines only.
  const complete = whole ? text : text.slice(0, Math.max(text.lastIndexOf("\n"), 0) || text.length);
  const all = parseCsv(complete);
  return { header: (all[0] ?? []).map((h) => h.trim()), rows: all.slice(1, rows + 1) };
}
