/**
 * `flowcast calibrate --intervals REPORT.csv ...`: a flow fitted to an ACD interval report
 * (one queue per channel), with the report of its figures beside the calibrated flow's
 * simulated ones. calibrate.ts hands over here when --intervals is given.
 */
import { buildIntervalReport, calibrateIntervals, formatIntervalComparison } from "../calibrate/intervals";
import { type IntervalColumns, IntervalReportError, readIntervalReport } from "../io/intervals";
import { checkModel, formatDiagnostic, parseDuration } from "../model";
import { simulate } from "../sim";
import {
  type CliIO,
  guardOutputs,
  type OptionSpec,
  parseCommandLine,
  readTextFile,
  stringOption,
  UsageError,
  writeOutput,
} from "./shared";

export const INTERVALS_HELP = `Usage: flowcast calibrate --intervals REPORT.csv --start COL --offered COL [options] --out FLOW.json

Reads an ACD interval report (one row per interval, and per channel when it has a channel
column) and writes a flow with one queue per channel: arrivals per interval of the week
(from the report's whole weeks; holidays and other outlier days flagged and left out),
handle time from AHT, patience from abandonment (Erlang A) and agents per interval from
ASA or service level. The interval length (15, 30 or 60 minutes) is read from the data;
intervals absent from the report are closed.

Columns (header names, any case):
  --start COL          interval start (date and time)      --offered COL   contacts offered
  --answered COL       contacts answered                   --abandoned COL contacts abandoned
  --aht COL            average handle time (185 or 3:05)   --asa COL       average speed of answer
  --service-level COL  share answered within the SLA (85% or 0.85)
  --channel COL        channel, queue or skill (one queue per value; one queue when absent)
Options:
  --sla DURATION       answer SLA of the queues and of the service level column (default 20s)
  --out FILE           the calibrated flow (flowcast/v1)
  --report FILE        the calibration report (JSON, flowcast-interval-calibration/v1)
  --replications N     replications of the calibrated flow for the report (default 3; 0: none)
  --name TEXT          the flow's name
  -h, --help           show this help

Exit codes: 0 ok, 1 the calibrated flow does not validate or run (nothing written), 2 usage or
unreadable report (missing columns, times that do not parse, mixed interval lengths,
negative counts).
`;

const OPTIONS = {
  intervals: { type: "string" },
  start: { type: "string" },
  offered: { type: "string" },
  answered: { type: "string" },
  abandoned: { type: "string" },
  aht: { type: "string" },
  asa: { type: "string" },
  "service-level": { type: "string" },
  channel: { type: "string" },
  sla: { type: "string" },
  out: { type: "string" },
  report: { type: "string" },
  replications: { type: "string" },
  name: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies Record<string, OptionSpec>;

/** Whether calibrate's arguments ask for an interval report. */
export function asksForIntervals(args: readonly string[]): boolean {
  return args.some((a) => a === "--intervals" || a.startsWith("--intervals="));
}

export async function run(args: string[], io: CliIO): Promise<number> {
  // "calibrate --intervals --help" asks for this help, though --help then reads as the file.
  if (args.includes("--help") || args.includes("-h")) {
    io.out(INTERVALS_HELP);
    return 0;
  }
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  const str = (k: string) => stringOption(values, k);
  if (positionals.length > 0)
    throw new UsageError(
      `an interval report is named by --intervals, not as ${positionals.join(", ")}; an event log and an interval report are calibrated separately`,
    );
  const file = str("intervals");
  if (!file) throw new UsageError("--intervals needs the report's file name");
  const columns = readColumns(str);
  const out = str("out");
  if (out === undefined) throw new UsageError("where should the flow go? Add --out FLOW.json");
  const reportFile = str("report");
  await guardOutputs(
    [file],
    [
      { option: "--out", path: out },
      { option: "--report", path: reportFile },
    ],
  );
  const slaSeconds = readSla(str("sla"));
  const replications = str("replications") === undefined ? 3 : Number(str("replications"));
  if (!Number.isInteger(replications) || replications < 0 || replications > 100)
    throw new UsageError(`--replications "${str("replications")}" must be a whole number from 0 to 100`);

  const text = await readTextFile(file);
  let calibration: ReturnType<typeof calibrateIntervals>;
  let report: ReturnType<typeof readIntervalReport>;
  try {
    report = readIntervalReport(text, columns);
    calibration = calibrateIntervals(report, {
      name: str("name") ?? `Calibrated from ${file.split(/[\\/]/).pop()}`,
      slaSeconds,
    });
  } catch (error) {
    if (error instanceof IntervalReportError) {
      io.err(`flowcast calibrate: ${file}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  io.err(
    `Read ${report.rows.length.toLocaleString("en")} intervals of ${file}: ${report.intervalMinutes}-minute intervals, ${report.channels.length} channel${report.channels.length === 1 ? "" : "s"}; times read as ${report.timeFormat.description}.\n`,
  );
  const checked = checkModel(JSON.stringify(calibration.model));
  const errors = checked.diagnostics.filter((d) => d.severity === "error");
  if (!checked.model || errors.length > 0) {
    io.err(
      `The calibrated flow does not validate, so ${out} was not written:\n${errors
        .slice(0, 20)
        .map((d) => `  ${formatDiagnostic(d)}\n`)
        .join("")}`,
    );
    return 1;
  }
  let simulated: { results: NonNullable<ReturnType<typeof simulate>["intervals"]>; replications: number } | undefined;
  if (replications > 0) {
    try {
      const results = simulate(checked.model, { replications, seed: 1 });
      if (results.intervals) simulated = { results: results.intervals, replications };
    } catch (error) {
      io.err(`The calibrated flow does not run, so ${out} was not written: ${(error as Error).message}\n`);
      return 1;
    }
  }
  const document = buildIntervalReport(file, report.rows.length, report.timeFormat.description, calibration, simulated);
  for (const w of document.warnings) io.err(`warning: ${w}\n`);
  for (const f of document.flaggedDays)
    io.err(`flagged: ${f.date} (${f.weekday}), ${f.offered} offered: ${f.reason}; left out of the profile\n`);
  await writeOutput(out, `${JSON.stringify(calibration.model, null, 2)}\n`);
  if (reportFile !== undefined) await writeOutput(reportFile, `${JSON.stringify(document, null, 2)}\n`);
  const s = document.source;
  io.out(
    `${s.from} to ${s.to}: ${s.days} days, ${s.wholeWeeks} whole week${s.wholeWeeks === 1 ? "" : "s"}${s.partialDays.length > 0 ? ` (${s.partialDays.length} days of partial weeks left out)` : ""}, ${document.flaggedDays.length} day${document.flaggedDays.length === 1 ? "" : "s"} flagged. Report vs simulated (${replications} replication${replications === 1 ? "" : "s"}), a typical week:\n` +
      `${formatIntervalComparison(document)}Wrote ${out}${reportFile !== undefined ? ` and ${reportFile}` : ""}.\n`,
  );
  return 0;
}

// helpers

function readColumns(str: (k: string) => string | undefined): IntervalColumns {
  const start = str("start");
  const offered = str("offered");
  const missing = [start ? "" : "--start COL (the interval start)", offered ? "" : "--offered COL"].filter(Boolean);
  if (missing.length > 0) throw new UsageError(`which columns? Add ${missing.join(" and ")}`);
  const columns: IntervalColumns = { start: start!, offered: offered! };
  const optional = {
    answered: "answered",
    abandoned: "abandoned",
    aht: "aht",
    asa: "asa",
    serviceLevel: "service-level",
    channel: "channel",
  } as const;
  for (const [key, option] of Object.entries(optional)) {
    const value = str(option);
    if (value === "") throw new UsageError(`--${option} needs a column name`);
    if (value !== undefined) columns[key as keyof typeof optional] = value;
  }
  return columns;
}

function readSla(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = parseDuration(text);
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0)
    throw new UsageError(`--sla "${text}" is not a duration; write e.g. 20s or 1m`);
  return seconds;
}
