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
import { layoutFlow } from "../../layout/layoutFlow";
import { type Model, parseModelText } from "../../model";
import { combineReplications, prepareRun, runReplication } from "../../sim";

export interface Peek {
  header: string[];
  /** Preview rows with stable ids for the table (line of the row, column of the cell). */
  rows: { id: string; cells: { id: string; text: string }[] }[];
}

/** The header and first rows, from the first 64 KB of the file. */
export async function peekCsv(file: Blob, rows = 8): Promise<Peek> {
  const text = await file.slice(0, 64 * 1024).text();
  const complete = text.slice(0, Math.max(text.lastIndexOf("\n"), 0) || text.length);
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
    const stream = file.stream().pipeThrough(new TextDecoderStream());
    const it = stream.getReader();
    for (;;) {
      const { done, value } = await it.read();
      if (done) break;
      reader.push(value);
    }
    reader.end();
  } catch (error) {
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
export async function countActivities(file: Blob, column: string, signal?: AbortSignal): Promise<[string, number][]> {
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
  const it = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    if (signal?.aborted) {
      await it.cancel();
      break;
    }
    const { done, value } = await it.read();
    if (done) break;
    csv.push(value);
  }
  if (!signal?.aborted) csv.end();
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
