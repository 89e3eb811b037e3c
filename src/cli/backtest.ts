import { EventLogError } from "../calibrate";
import {
  backtestReader,
  checkSplit,
  FittedFlowError,
  finishBacktest,
  formatBacktest,
  parseWindow,
  WindowError,
} from "../calibrate/backtest";
import { tableBacktestReport } from "../calibrate/tableReport";
import { prepareRun, runReplication } from "../sim";
import { LOG_OPTIONS, readLogSettings, streamLog, TABLE_HELP, tableRows } from "./logInput";
import {
  type CliIO,
  guardOutputs,
  type OptionSpec,
  parseCommandLine,
  singleFile,
  stringOption,
  UsageError,
  wholeNumber,
  writeOutput,
} from "./shared";

const HELP = `Usage: flowcast backtest LOG.csv --case COL --time COL --activity COL --team COL
                         --train FROM..TO --test FROM..TO [options]
       flowcast backtest LOG.xes[.gz] --train FROM..TO --test FROM..TO [options]
       flowcast backtest TICKETS.csv [--table] [table columns] --train FROM..TO --test FROM..TO [options]

Fits a flow on the tickets whose first event falls in the train period, simulates the test
period with it (same dates, so the same weekdays) and compares its predictions with the
tickets whose first event falls in the test period, next to a naive baseline: the train
period's own figures carried forward ("same as last period").

Columns (header names, any case), as for calibrate:
  --case COL  --time COL  --activity COL  --team COL
  --resource COL  --priority COL  --channel COL  --created COL  --status COL
Periods (dates as 2016-03-01 or 2016-03-01T08:00; a TO without a time is the whole day):
  --train FROM..TO    the period the flow is fitted on (at least 7 days)
  --test FROM..TO     a later period, not overlapping the train period
Options:
  --map PATTERN=ROLE  what an activity means (repeatable; see calibrate --help)
  --tier TEAM=N       put a team in tier N
  --fit-span auto|all what to fit on: "auto" (default) the train period's last 4 weeks
                      when its resolution times changed 2-fold or more, else all of it;
                      "all" always the whole train period
  --replications N    runs of the test period (default 5)
  --seed S            random seed (default 1)
  --json              print the flowcast-backtest/v1 document instead of the table
  --out FILE          write the flowcast-backtest/v1 document to FILE
  -h, --help          show this help

${TABLE_HELP}
Exit codes: 0 ok, 1 the fitted flow does not run, 2 usage, bad periods or unreadable log.
The report format is described in docs/backtest.md.
`;

const OPTIONS = {
  ...LOG_OPTIONS,
  train: { type: "string" },
  test: { type: "string" },
  "fit-span": { type: "string" },
  replications: { type: "string" },
  seed: { type: "string" },
  json: { type: "boolean" },
  out: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies Record<string, OptionSpec>;

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(args, OPTIONS);
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  const file = singleFile(positionals, "backtest LOG.csv", "log");
  const log = await readLogSettings(values, file);
  const str = (k: string) => stringOption(values, k);
  const train = windowOption("--train", str("train"));
  const test = windowOption("--test", str("test"));
  guardWindows(() => checkSplit(train, test));
  const replications =
    str("replications") === undefined ? 5 : wholeNumber("--replications", str("replications"), 1, 100);
  const seed = str("seed") === undefined ? 1 : wholeNumber("--seed", str("seed"), 0, 2 ** 32 - 1);
  const fitSpan = str("fit-span") ?? "auto";
  if (fitSpan !== "auto" && fitSpan !== "all") throw new UsageError(`--fit-span "${fitSpan}" must be auto or all`);
  const out = str("out");
  await guardOutputs([file], [{ option: "--out", path: out }]);
  const setup = {
    columns: log.columns,
    map: log.map,
    tiers: log.tiers,
    train,
    test,
    fitSpan,
  } as const;
  const { reader, split } = backtestReader(setup);
  const table = tableRows(log, reader);
  const progress = (text: string) => {
    if (io.errIsTTY) io.err(`\r${text}\x1b[K`);
  };
  let report: ReturnType<typeof finishBacktest>;
  try {
    await streamLog(file, reader, progress, table);
    report = finishBacktest(
      reader,
      split,
      setup,
      { prepareRun, runReplication },
      {
        source: file.split(/[\\/]/).pop() ?? file,
        replications,
        seed,
        onProgress: (done, total) => progress(`Simulating the test period: replication ${done} of ${total}`),
      },
    );
  } catch (error) {
    progress("");
    if (error instanceof EventLogError) {
      io.err(`${file}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof WindowError) throw new UsageError(error.message);
    if (error instanceof FittedFlowError) {
      io.err(`The flow fitted on the train period does not run: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  progress("");
  if (table) report = tableBacktestReport(report, table, train, test);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (out !== undefined) await writeOutput(out, json);
  io.out(values.json ? json : `${formatBacktest(report)}${out !== undefined ? `Wrote ${out}.\n` : ""}`);
  return 0;
}

// helpers

function windowOption(flag: string, text: string | undefined) {
  return guardWindows(() => parseWindow(flag, text));
}

function guardWindows<T>(f: () => T): T {
  try {
    return f();
  } catch (error) {
    if (error instanceof WindowError) throw new UsageError(error.message);
    throw error;
  }
}
