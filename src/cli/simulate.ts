/**
 * `flowcast simulate FILE`: runs a flow (optionally under a scenario) for a number of
 * replications on worker threads and prints its KPIs with 95% intervals, or the
 * flowcast-results/v1 document with --json / --out. Warnings (a team offered more work than
 * it can do, before the run; a growing backlog or unfinished tickets, after it) go to stderr
 * and never change the exit code. `--event-log` writes the first replication's tickets.
 * The run options it shares with `compare` and `staff` live in ./run.
 */
import { applyScenario, hasErrors, type Model, validateModel } from "../model";
import { offeredLoadWarnings } from "../sim/load";
import type { RunOptions } from "../sim/prepare";
import type { Warning } from "../sim/results";
import { formatResults } from "./format";
import { hasScenario, labelsOf, loadModel, RUN_OPTIONS, readRunSettings, runScenario } from "./run";
import { type CliIO, cannotWrite, guardOutputs, parseFileCommand, stringOption, writeOutput } from "./shared";

const HELP = `Usage: flowcast simulate FILE [options]

Runs the flow and prints its predicted KPIs with 95% intervals.

Options:
  --scenario ID       apply one of the flow's scenarios
  --replications N    independent replications (default 10)
  --seed S            random seed, a whole number (default 1; same seed, same results)
  --horizon D         simulated time, e.g. 28d or 12h (default: the flow's clock.horizon)
  --workers N         worker threads (default: one per CPU core)
  --max-tickets N     refuse runs expected to simulate more tickets (default 200M)
  --json              print the flowcast-results/v1 document instead of the table
  --out FILE          also write the results document to FILE
  --event-log FILE    also write the first replication's tickets as an event log: CSV, or
                      XES when FILE ends in .xes (.xes.gz: gzipped XES)
  -h, --help          show this help
`;

export async function run(args: string[], io: CliIO): Promise<number> {
  const command = parseFileCommand(
    args,
    {
      ...RUN_OPTIONS,
      scenario: { type: "string" },
      "event-log": { type: "string" },
    },
    HELP,
    io,
    "simulate",
  );
  if (!command) return 0;
  const { values, file } = command;
  const settings = readRunSettings(values);
  const out = stringOption(values, "out");
  const eventLog = stringOption(values, "event-log");
  await guardOutputs(
    [file],
    [
      { option: "--out", path: out },
      { option: "--event-log", path: eventLog },
    ],
  );
  const model = await loadModel(file, io);
  if (!model) return 1;
  const scenario = values.scenario as string | undefined;
  if (scenario !== undefined && !hasScenario(model, scenario, io)) return 1;

  printLoadWarnings(model, scenario, io);
  const results = await runScenario(file, model, scenario, settings, io);
  if (!results) return 1;
  // what only the run can tell (a growing backlog, unfinished tickets); exit code unchanged
  for (const w of results.warnings ?? []) if (!isLoadWarning(w)) io.err(`warning: ${w.message}\n`);
  const json = `${JSON.stringify(results, null, 2)}\n`;
  if (out !== undefined) await writeOutput(out, json);
  if (eventLog !== undefined) {
    const rows = await writeSimulatedEventLog(eventLog, model, {
      scenario,
      seed: settings.seed,
      horizonSeconds: settings.horizonSeconds,
    });
    io.err(`Wrote ${rows.toLocaleString("en")} events of replication 1 to ${eventLog}.\n`);
  }
  io.out(values.json ? json : formatResults(results, labelsOf(model)));
  return 0;
}

/**
 * Writes one replication (the first) of a flow as an event log, streamed to a temporary
 * file as the simulation runs and put in place at the end. Returns the rows written.
 */
export async function writeSimulatedEventLog(path: string, model: Model, options: RunOptions): Promise<number> {
  // Loaded only here: the table and --out run on worker threads without the engine.
  const [{ prepareRun, runReplication }, { writeEventLogFile }] = await Promise.all([
    import("../sim"),
    import("../io/node/eventLogFile"),
  ]);
  const prepared = prepareRun(model, options);
  if (!prepared.ok) return 0;
  try {
    return writeEventLogFile(path, prepared.model.clock.start, (sink) =>
      runReplication(prepared.model, prepared.options.seed, 0, prepared.options.horizonSeconds, sink),
    );
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code === "string") throw cannotWrite(path, error);
    throw error;
  }
}

// helpers

/** Prints the offered-load warnings of the flow (under its scenario) to stderr before it runs. */
function printLoadWarnings(model: Model, scenario: string | undefined, io: CliIO): void {
  const applied = applyScenario(model, scenario);
  if (!applied.ok || hasErrors(validateModel(applied.model))) return;
  for (const w of offeredLoadWarnings(applied.model)) io.err(`warning: ${w.message}\n`);
}

function isLoadWarning(w: Warning): boolean {
  return w.code === "overload" || w.code === "peak-overload" || w.code === "high-load";
}
