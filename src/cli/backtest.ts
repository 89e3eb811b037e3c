/**
 * `flowcast backtest LOG.csv --train FROM..TO --test FROM..TO`: fits a flow on the tickets
 * that start in the train period, runs it over the test period and sets its predictions
 * beside what the log shows there and beside "same as last period". Prints a table, or the
 * flowcast-backtest/v1 document (--json, --out). The log is streamed once.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import { EventLogError, type EventLogReader, parseRoleRule, type RoleRule } from "../calibrate";
import {
  backtestReader,
  checkSplit,
  FittedFlowError,
  finishBacktest,
  formatBacktest,
  parseWindow,
  WindowError,
} from "../calibrate/backtest";
import { XES_KEYS, XesRows, xesKeys } from "../io/eventlog/xes";
import { TextInput, TextInputError } from "../io/text";
import { prepareRun, runReplication } from "../sim";
import {
  type CliIO,
  guardOutputs,
  listOption,
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

Fits a flow on the tickets whose first event falls in the train period, simulates the test
period with it (same dates, so the same weekdays) and compares its predictions with the
tickets whose first event falls in the test period, next to a naive baseline: the train
period's own figures carried forward ("same as last period").

Columns (header names, any case), as for calibrate:
  --case COL  --time COL  --activity COL  --team COL
  --resource COL  --priority COL  --channel COL  --created COL
Periods (dates as 2016-03-01 or 2016-03-01T08:00; a TO without a time is the whole day):
  --train FROM..TO    the period the flow is fitted on (at least 7 days)
  --test FROM..TO     a later period, not overlapping the train period
Options:
  --map PATTERN=ROLE  what an activity means (repeatable; see calibrate --help)
  --tier TEAM=N       put a team in tier N
  --replications N    runs of the test period (default 5)
  --seed S            random seed (default 1)
  --json              print the flowcast-backtest/v1 document instead of the table
  --out FILE          write the flowcast-backtest/v1 document to FILE
  -h, --help          show this help

Exit codes: 0 ok, 1 the fitted flow does not run, 2 usage, bad periods or unreadable log.
The report format is described in docs/backtest.md.
`;

const OPTIONS = {
  case: { type: "string" },
  time: { type: "string" },
  activity: { type: "string" },
  team: { type: "string" },
  resource: { type: "string" },
  priority: { type: "string" },
  channel: { type: "string" },
  created: { type: "string" },
  map: { type: "string", multiple: true },
  tier: { type: "string", multiple: true },
  train: { type: "string" },
  test: { type: "string" },
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
  // An XES log names its columns itself (case:concept:name, time:timestamp, …).
  const xes = /\.xes(\.gz)?$/i.test(file);
  const need = xes ? [] : ["case", "time", "activity", "team"].filter((k) => typeof values[k] !== "string");
  if (need.length > 0)
    throw new UsageError(`say which columns hold what: ${need.map((k) => `--${k} COL`).join(" ")} (see --help)`);
  const str = (k: string) => stringOption(values, k);
  const list = (k: string) => listOption(values, k);
  const train = windowOption("--train", str("train"));
  const test = windowOption("--test", str("test"));
  guardWindows(() => checkSplit(train, test));
  const replications =
    str("replications") === undefined ? 5 : wholeNumber("--replications", str("replications"), 1, 100);
  const seed = str("seed") === undefined ? 1 : wholeNumber("--seed", str("seed"), 0, 2 ** 32 - 1);
  const out = str("out");
  await guardOutputs([file], [{ option: "--out", path: out }]);
  const setup = {
    columns: {
      case: str("case") ?? XES_KEYS.case,
      time: str("time") ?? XES_KEYS.time,
      activity: str("activity") ?? XES_KEYS.activity,
      team: str("team") ?? XES_KEYS.team,
      resource: str("resource") ?? (xes ? XES_KEYS.resource : undefined),
      priority: str("priority"),
      channel: str("channel"),
      created: str("created"),
    },
    map: list("map").map(roleRule),
    tiers: tierOptions(list("tier")),
    train,
    test,
  };
  const { reader, split } = backtestReader(setup);
  const progress = (text: string) => {
    if (io.errIsTTY) io.err(`\r${text}\x1b[K`);
  };
  let report: ReturnType<typeof finishBacktest>;
  try {
    await streamFile(file, reader, progress);
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

async function streamFile(file: string, reader: EventLogReader, progress: (text: string) => void): Promise<void> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new UsageError(`cannot read ${file}: it is a folder, not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: no such file`);
  }
  // .gz is gunzipped as it streams; an XES log (.xes, .xes.gz) is turned into rows.
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const stream = /\.gz$/i.test(file) ? pipeline(raw, createGunzip(), () => {}) : raw;
  const xes = /\.xes(\.gz)?$/i.test(file)
    ? new XesRows(xesKeys({ ...reader.columns }), (f, line) => reader.pushRow(f, line))
    : undefined;
  const push = (text: string) => (xes ? xes.push(text) : reader.push(text));
  // decoded as calibrate does: a BOM, UTF-16, binary data and invalid UTF-8 told apart (src/io/text.ts)
  const text = new TextInput(file);
  try {
    for await (const chunk of stream) {
      push(text.push(chunk as Buffer));
      progress(`Reading ${file}: ${Math.min(100, Math.round((raw.bytesRead / Math.max(1, size)) * 100))}%`);
    }
    push(text.end());
    xes?.end();
  } catch (error) {
    if (error instanceof EventLogError) throw error;
    if (error instanceof TextInputError) throw new UsageError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string" && code.startsWith("Z_"))
      throw new UsageError(`cannot read ${file}: it is not a whole gzip file (${(error as Error).message})`);
    if (code)
      throw new UsageError(
        `cannot read ${file}: ${code === "EACCES" ? "permission denied" : (error as Error).message}`,
      );
    throw error;
  } finally {
    stream.destroy();
    raw.destroy();
  }
}
