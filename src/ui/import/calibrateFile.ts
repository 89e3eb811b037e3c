/**
 * The browser side of "Import history…": a peek at a CSV file's first rows (and whether it is
 * an event log or a ticket table), and calibration of the whole file (CSV event log, XES or
 * ticket table; gzipped or not) streamed through `File.stream()` (never read whole), the
 * calibrated flow laid out and measured by simulation for the fit report.
 */
import {
  buildReport,
  type CalibrationReport,
  calibrate,
  EventLogError,
  EventLogReader,
  measureCalibratedFlow,
  type RoleRule,
} from "../../calibrate";
import { tableCalibrationReport } from "../../calibrate/tableReport";
import { CsvReader } from "../../io/eventlog/csv";
import { TextInputError } from "../../io/text";
import { looksLikeTicketTable } from "../../io/tickets";
import { layoutFlow } from "../../layout/layoutFlow";
import { type Model, parseModelText } from "../../model";
import { combineReplications, prepareRun, runReplication } from "../../sim";
import { type HistoryKind, type HistorySource, peekRows, readHistory, streamHistoryText } from "./historySource";

export interface Peek {
  header: string[];
  /** Preview rows with stable ids for the table (line of the row, column of the cell). */
  rows: { id: string; cells: { id: string; text: string }[] }[];
  /** An event log (many rows a ticket) or a ticket table (one row a ticket, created and resolved columns). */
  kind: Exclude<HistoryKind, "xes">;
}

/**
 * The header and first rows, from the first 64 KB of the file's text (gunzipped for .gz).
 * Throws TextInputError for binary data or bytes that are not valid in the file's encoding
 * (lines named).
 */
export async function peekCsv(
  file: Blob,
  rows = 8,
  name = file instanceof File ? file.name : "the file",
): Promise<Peek> {
  const { header, rows: sample } = await peekRows(file, name);
  const preview = sample.slice(0, rows).map((cells, r) => ({
    id: `row${r + 2}`,
    cells: cells.map((text, c) => ({ id: `row${r + 2}:${header[c] ?? c}:${c}`, text })),
  }));
  return { header, rows: preview, kind: looksLikeTicketTable(header, sample) ? "table" : "events" };
}

export type CalibrateOutcome = { ok: true; model: Model; report: CalibrationReport } | { ok: false; message: string };

/**
 * Streams, calibrates, lays out and measures; a bad log gives a message naming the line.
 * `onShare` hears the share of the file read.
 */
export async function calibrateFile(
  file: File,
  source: HistorySource,
  map: readonly RoleRule[] = [],
  replications = 2,
  layout: (model: Model) => Promise<Record<string, { x: number; y: number }>> = layoutFlow,
  onShare?: (share: number) => void,
): Promise<CalibrateOutcome> {
  const reader = new EventLogReader({ columns: source.columns, map: source.kind === "table" ? [] : map });
  let table: Awaited<ReturnType<typeof readHistory>>;
  try {
    table = await readHistory(file, file.name, source, reader, onShare);
    reader.end();
  } catch (error) {
    if (error instanceof TextInputError) return { ok: false, message: error.message };
    if (error instanceof EventLogError) return { ok: false, message: `${file.name}: ${error.message}` };
    return { ok: false, message: `${file.name} cannot be read: ${(error as Error).message}` };
  }
  const name = `Calibrated from ${file.name}`;
  const result = calibrate(reader, name);
  const parsed = parseModelText(JSON.stringify(result.model));
  if (!parsed.ok)
    return { ok: false, message: `The calibrated flow does not decode: ${parsed.diagnostics[0]?.message}` };
  let simulated: ReturnType<typeof measureCalibratedFlow> | undefined;
  try {
    simulated = measureCalibratedFlow(
      { prepareRun, runReplication, combineReplications },
      parsed.model,
      replications,
      reader.analysis.teams.list,
      result.summary.tiers,
      { arrivalsEndMs: reader.analysis.lastCreated, endMs: reader.analysis.lastTime },
    );
  } catch {
    simulated = undefined;
  }
  const built = buildReport(file.name, reader, result.summary, result.fits, simulated);
  const report = table ? tableCalibrationReport(built, table) : built;
  const positions = await layout(parsed.model).catch(() => ({}));
  const model: Model = { ...parsed.model, layout: { ...positions } };
  return { ok: true, model, report };
}

/** Each distinct value of column `column` with its number of rows, most rows first. */
export async function countActivities(
  file: Blob,
  column: string,
  signal?: AbortSignal,
  name = file instanceof File ? file.name : "the file",
): Promise<[string, number][]> {
  const counts = new Map<string, number>();
  let index = -1;
  let header = true;
  const csv = new CsvReader((fields) => {
    if (header) {
      header = false;
      index = fields.map((f) => f.trim()).indexOf(column);
      return;
    }
    const value = index >= 0 ? fields[index] : undefined;
    // A free-text column could hold a value per row: keep at most 10,000 distinct values.
    if (value === undefined || (!counts.has(value) && counts.size >= 10_000)) return;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  });
  if (await streamHistoryText(file, name, (text) => csv.push(text), { signal })) csv.end();
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
