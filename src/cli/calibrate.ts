import {
  buildReport,
  calibrate,
  detectTimeFormat,
  EventLogError,
  EventLogReader,
  formatComparison,
  measureCalibratedFlow,
  parseTimestamp,
  type SimulatedFigures,
} from "../calibrate";
import { tableCalibrationReport } from "../calibrate/tableReport";
import { checkModel, formatDiagnostic } from "../model";
import { combineReplications, prepareRun, runReplication } from "../sim";
import { asksForIntervals, run as runIntervals } from "./calibrateIntervals";
import { LOG_OPTIONS, readLogSettings, streamLog, TABLE_HELP, tableRows } from "./logInput";
import {
  type CliIO,
  guardOutputs,
  type OptionSpec,
  parseCommandLine,
  singleFile,
  stringOption,
  UsageError,
  writeOutput,
} from "./shared";

const HELP = `Usage: flowcast calibrate LOG.csv --case COL --time COL --activity COL --team COL [options] --out FLOW.json
       flowcast calibrate LOG.xes[.gz] [options] --out FLOW.json
       flowcast calibrate TICKETS.csv [--table] [table columns] [options] --out FLOW.json
       flowcast calibrate --intervals REPORT.csv --start COL --offered COL [options] --out FLOW.json
                          (an ACD interval report: "flowcast calibrate --intervals --help")

Reads a help desk's event log (one row per ticket status change) and writes a flow fitted
to it, with a report of the log's figures beside the calibrated flow's simulated ones.
An XES log (.xes, .xes.gz) is read with concept:name as the activity, time:timestamp,
org:group as the team and org:resource as the agent (the column options override them);
any file ending in .gz is gunzipped as it is read.

Columns (header names, any case):
  --case COL          ticket id                  --time COL       when the row happened
  --activity COL      status or event            --team COL       team or assignment group
  --resource COL      agent (staffing estimate)  --priority COL   priority
  --channel COL       channel or contact type    --created COL    ticket creation time
                                                                  (default: its first row)
  --status COL        how a ticket closed (close code; default: its closing activity);
                      Flowcast's own logs: node
Options:
  --map PATTERN=ROLE  what an activity means (glob, repeatable): queued, work, wait,
                      closed, ignore, done, abandoned, reopen. Without it Flowcast's own
                      events are understood and common words guessed (listed in the report)
  --tier TEAM=N       put a team in tier N (default: by first appearance in tickets)
  --from DATE         only tickets whose first event is at or after DATE
  --to DATE           only tickets whose first event is up to DATE; their later rows
                      are left out (the log is read as if it ended at DATE)
  --teams N           teams kept as steps of their own, busiest first (default: those
                      doing 95% of the work time, at most 25); the rest become "Other teams"
  --max-tickets N     most tickets held in memory (default 2,000,000; about 0.5 GB a million)
  --out FILE          the calibrated flow (flowcast/v1)
  --report FILE       the calibration report (JSON)
  --replications N    replications of the calibrated flow for the report (default 3; 0: none)
  --name TEXT         the flow's name
  -h, --help          show this help

${TABLE_HELP}
Timestamps: ISO 8601 with or without offset, or dd-mm-yyyy hh:mm forms (the form read is
printed). Exit codes: 0 ok, 1 the calibrated flow does not validate or run (nothing written),
2 usage or unreadable log.
`;

const OPTIONS = {
  ...LOG_OPTIONS,
  from: { type: "string" },
  to: { type: "string" },
  "max-tickets": { type: "string" },
  teams: { type: "string" },
  out: { type: "string" },
  report: { type: "string" },
  replications: { type: "string" },
  name: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies Record<string, OptionSpec>;

export async function run(args: string[], io: CliIO): Promise<number> {
  if (asksForIntervals(args)) return runIntervals(args, io);
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  const file = singleFile(positionals, "calibrate LOG.csv");
  const log = await readLogSettings(values, file);
  const str = (k: string) => stringOption(values, k);
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
  const replications = str("replications") === undefined ? 3 : Number(str("replications"));
  if (!Number.isInteger(replications) || replications < 0 || replications > 100)
    throw new UsageError(`--replications "${str("replications")}" must be a whole number from 0 to 100`);

  const maxTickets = str("max-tickets") === undefined ? undefined : Number(str("max-tickets"));
  if (maxTickets !== undefined && !(Number.isInteger(maxTickets) && maxTickets >= 1))
    throw new UsageError(`--max-tickets "${str("max-tickets")}" must be a whole number from 1`);
  const teams = str("teams") === undefined ? undefined : Number(str("teams"));
  if (teams !== undefined && !(Number.isInteger(teams) && teams >= 1))
    throw new UsageError(`--teams "${str("teams")}" must be a whole number from 1`);
  const window = { fromMs: dateOption("--from", str("from")), toMs: dateOption("--to", str("to")) };
  const reader = new EventLogReader({ columns: log.columns, map: log.map, ...window, maxTickets });
  const table = tableRows(log, reader);
  try {
    await streamLog(file, reader, undefined, table);
    reader.end();
  } catch (error) {
    if (error instanceof EventLogError) {
      io.err(`${file}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  io.err(
    table
      ? `Read ${file} as a ticket table: ${table.counts.rows.toLocaleString("en")} rows, ${table.counts.tickets.toLocaleString("en")} tickets; times read as ${table.timeFormats.created?.description}.\n`
      : `Read ${reader.rows.toLocaleString("en")} rows of ${file}; times read as ${reader.timeFormat?.description}.\n`,
  );
  const name = str("name") ?? `Calibrated from ${file.split(/[\\/]/).pop()}`;
  const result = calibrate(reader, name, log.tiers, { teams });
  const checked = checkModel(JSON.stringify(result.model));
  const errors = checked.diagnostics.filter((d) => d.severity === "error");
  if (!checked.model || errors.length > 0) {
    // Never written: a flow that does not validate would be taken for a result.
    io.err(
      `The calibrated flow does not validate, so ${out} was not written:\n${errors
        .slice(0, 20)
        .map((d) => `  ${formatDiagnostic(d)}\n`)
        .join("")}${errors.length > 20 ? `  … and ${errors.length - 20} more\n` : ""}`,
    );
    return 1;
  }
  const parsed = { model: checked.model };
  let simulated: SimulatedFigures | undefined;
  if (replications > 0) {
    try {
      simulated = measureCalibratedFlow(
        { prepareRun, runReplication, combineReplications },
        parsed.model,
        replications,
        reader.analysis.teams.list,
        result.summary.tiers,
        { arrivalsEndMs: reader.analysis.lastCreated, endMs: reader.analysis.lastTime },
      );
    } catch (error) {
      io.err(`The calibrated flow does not run, so ${out} was not written: ${(error as Error).message}\n`);
      return 1;
    }
  }
  const built = buildReport(file, reader, result.summary, result.fits, simulated);
  const report = table ? tableCalibrationReport(built, table, window) : built;
  for (const w of report.warnings) io.err(`warning: ${w}\n`);
  await writeOutput(out, `${JSON.stringify(result.model, null, 2)}\n`);
  if (reportFile !== undefined) await writeOutput(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  io.out(
    `${report.source.tickets.toLocaleString("en")} tickets, ${report.teams.length} teams, ${report.source.days} days; ${report.censored.ticketsOpenAtEnd} tickets still open at the end of the log (censored).\n` +
      `${report.kept.map((k) => `  kept: ${k}\n`).join("")}${formatComparison(report)}Wrote ${out}${reportFile !== undefined ? ` and ${reportFile}` : ""}.\n`,
  );
  return 0;
}

// helpers

/** Streams the file's text to `push`, gunzipped when its name ends in .gz. */
function dateOption(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const format = detectTimeFormat([text]);
  const ms = format ? parseTimestamp(text, format) : Number.NaN;
  if (Number.isNaN(ms))
    throw new UsageError(`${flag} "${text}" is not a date; write e.g. 2026-01-05 or 2026-01-05T08:00`);
  return ms;
}
