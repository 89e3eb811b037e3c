/**
 * The browser side of "Import history…": a peek at a CSV file's first rows, and
 * calibration of the whole file streamed through `File.stream()` (never read whole), the
 * calibrated flow laid out and measured by simulation for the fit report.
 */
import {
  buildReport,
  type CalibrationReport,
  type ColumnMap,
  calibrate,
  EventLogError,
  EventLogReader,
  measureCalibratedFlow,
  type RoleRule,
} from "../../calibrate";
import { CsvReader, parseCsv } from "../../io/eventlog/csv";
import { TextInput, TextInputError } from "../../io/text";
import { layoutFlow } from "../../layout/layoutFlow";
import { type Model, parseModelText } from "../../model";
import { combineReplications, prepareRun, runReplication } from "../../sim";
import { streamFileText } from "../files/readText";

export interface Peek {
  header: string[];
  /** Preview rows with stable ids for the table (line of the row, column of the cell). */
  rows: { id: string; cells: { id: string; text: string }[] }[];
}

/**
 * The header and first rows, from the first 64 KB of the file. Throws TextInputError for
 * binary data or bytes that are not valid in the file's encoding (lines named).
 */
export async function peekCsv(
  file: Blob,
  rows = 8,
  name = file instanceof File ? file.name : "the file",
): Promise<Peek> {
  const head = new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
  // a cut may split a character: unless the file is whole, decode only up to the last line break
  const input = new TextInput(name);
  const whole = head.length === file.size;
  const text = input.push(whole ? head : head.subarray(0, cutAtLastNewline(head))) + input.end();
  const complete = whole ? text : text.slice(0, Math.max(text.lastIndexOf("\n"), 0) || text.length);
  const all = parseCsv(complete);
  const header = all[0] ?? [];
  const preview = all.slice(1, rows + 1).map((cells, r) => ({
    id: `row${r + 2}`,
    cells: cells.map((text, c) => ({ id: `row${r + 2}:${header[c] ?? c}:${c}`, text })),
  }));
  return { header, rows: preview };
}

export type CalibrateOutcome = { ok: true; model: Model; report: CalibrationReport } | { ok: false; message: string };

/** Streams, calibrates, lays out and measures; a bad log gives a message naming the line. */
export async function calibrateFile(
  file: File,
  columns: ColumnMap,
  map: readonly RoleRule[] = [],
  replications = 2,
  layout: (model: Model) => Promise<Record<string, { x: number; y: number }>> = layoutFlow,
): Promise<CalibrateOutcome> {
  const reader = new EventLogReader({ columns, map });
  try {
    await streamFileText(file, file.name, (text) => reader.push(text));
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
  const report = buildReport(file.name, reader, result.summary, result.fits, simulated);
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
  if (await streamFileText(file, name, (text) => csv.push(text), signal)) csv.end();
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Bytes up to and including the last line break (UTF-8 "\n", or UTF-16 "\n" with its zero byte), or all. */
function cutAtLastNewline(bytes: Uint8Array): number {
  const at = bytes.lastIndexOf(0x0a);
  if (at < 0) return bytes.length;
  // UTF-16 little endian: the zero byte after "\n" belongs to it
  return bytes[at + 1] === 0 ? at + 2 : at + 1;
}
