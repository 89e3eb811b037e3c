/**
 * The browser side of "Import interval report…": the report text read, fitted (one queue per
 * channel), measured by simulation and reported, in one call the worker and the page share.
 * No layout here: the page lays the flow out with elkjs, which has its own worker.
 */
import { buildIntervalReport, calibrateIntervals, type IntervalCalibrationReport } from "../../../calibrate/intervals";
import { type IntervalColumns, IntervalReportError, readIntervalReport } from "../../../io/intervals";
import { type Model, parseModelText } from "../../../model";
import { simulate } from "../../../sim";

export type IntervalOutcome =
  | { ok: true; model: Model; report: IntervalCalibrationReport }
  | { ok: false; message: string };

/** Reads, fits and measures; a bad report gives a message naming the line and column. */
export function calibrateReportText(
  text: string,
  fileName: string,
  columns: IntervalColumns,
  slaSeconds: number,
  replications = 2,
): IntervalOutcome {
  let read: ReturnType<typeof readIntervalReport>;
  let cal: ReturnType<typeof calibrateIntervals>;
  try {
    read = readIntervalReport(text, columns);
    cal = calibrateIntervals(read, { name: `Calibrated from ${fileName}`, slaSeconds });
  } catch (error) {
    if (error instanceof IntervalReportError) return { ok: false, message: `${fileName}: ${error.message}` };
    throw error;
  }
  const parsed = parseModelText(JSON.stringify(cal.model));
  if (!parsed.ok)
    return { ok: false, message: `The calibrated flow does not decode: ${parsed.diagnostics[0]?.message}` };
  let simulated: Parameters<typeof buildIntervalReport>[4];
  try {
    const results = simulate(parsed.model, { replications, seed: 1 });
    if (results.intervals) simulated = { results: results.intervals, replications };
  } catch {
    simulated = undefined;
  }
  const report = buildIntervalReport(fileName, read.rows.length, read.timeFormat.description, cal, simulated);
  return { ok: true, model: parsed.model, report };
}
