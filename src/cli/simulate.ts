/**
 * `flowcast simulate FILE`: runs a flow (optionally under a scenario) for a number of
 * replications on worker threads and prints its KPIs with 95% intervals, or the
 * flowcast-results/v1 document with --json / --out. Also owns the run options shared with
 * `flowcast compare` (seed, replications, horizon, workers).
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { type Diagnostic, formatDiagnostic, type Model, nodeName, parseDuration } from "../model";
import type { Results } from "../sim/results";
import { RunRejectedError, runReplicationsInNode } from "../worker/node-pool";
import { checkRunSize, progressReporter, readMaxTickets, readModelFile, refuseOverwrite } from "./checks";
import { formatResults, type ResultLabels } from "./format";
import { type CliIO, UsageError } from "./io";

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
  --event-log FILE    also write the first replication's tickets as a CSV event log
  -h, --help          show this help
`;

/** Options shared by `simulate` and `compare` (node:util parseArgs form). */
export const RUN_OPTIONS = {
  replications: { type: "string" },
  seed: { type: "string" },
  horizon: { type: "string" },
  workers: { type: "string" },
  "max-tickets": { type: "string" },
  json: { type: "boolean" },
  out: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** Run settings read from the command line (undefined: the simulator's or the flow's default). */
export interface RunSettings {
  replications?: number;
  seed?: number;
  horizonSeconds?: number;
  workers?: number;
  /** Largest expected ticket count a run may have (--max-tickets). */
  maxTickets?: number;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    ...RUN_OPTIONS,
    scenario: { type: "string" },
    "event-log": { type: "string" },
  });
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  const file = singleFile(positionals, "simulate");
  const settings = readRunSettings(values);
  await refuseOverwrite(values.out as string | undefined, [file]);
  const model = await loadModel(file, io);
  if (!model) return 1;
  const scenario = values.scenario as string | undefined;
  if (scenario !== undefined && !hasScenario(model, scenario, io)) return 1;

  const results = await runScenario(file, model, scenario, settings, io);
  if (!results) return 1;
  const json = `${JSON.stringify(results, null, 2)}\n`;
  if (typeof values.out === "string") await writeResults(values.out, json);
  const eventLog = values["event-log"];
  if (typeof eventLog === "string") {
    const { writeEventLogFile } = await import("./calibrate");
    const rows = writeEventLogFile(eventLog, model, {
      scenario,
      seed: settings.seed,
      horizonSeconds: settings.horizonSeconds,
    });
    io.err(`Wrote ${rows} events of replication 1 to ${eventLog}.\n`);
  }
  io.out(values.json ? json : formatResults(results, labelsOf(model)));
  return 0;
}

/** Option values by name, as parseArgs gives them. */
export type OptionValues = Record<string, string | boolean | undefined>;

/** parseArgs with its errors turned into usage errors. */
export function parseCommandLine(
  args: string[],
  options: Record<string, { type: "string" | "boolean"; short?: string }>,
): { values: OptionValues; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: joinNegativeValues(args, options),
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as OptionValues, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, "."));
  }
}

/** Exactly one FILE argument. */
export function singleFile(positionals: string[], command: string): string {
  if (positionals.length === 0) throw new UsageError(`which flow? Write: flowcast ${command} FILE`);
  if (positionals.length > 1) throw new UsageError(`one flow file at a time (got ${positionals.join(", ")})`);
  return positionals[0] as string;
}

/** Reads and checks --replications, --seed, --horizon and --workers. */
export function readRunSettings(values: OptionValues): RunSettings {
  const settings: RunSettings = {};
  if (values.replications !== undefined)
    settings.replications = wholeNumber("--replications", values.replications, 1, 100_000);
  if (values.seed !== undefined) settings.seed = wholeNumber("--seed", values.seed, 0, 2 ** 32 - 1);
  if (values.workers !== undefined) settings.workers = wholeNumber("--workers", values.workers, 1, 256);
  if (values.horizon !== undefined) {
    const text = String(values.horizon);
    const seconds = parseDuration(text);
    if (seconds === undefined || !(seconds > 0)) {
      throw new UsageError(`--horizon "${text}" is not a positive duration; write e.g. 28d, 12h or 90m`);
    }
    settings.horizonSeconds = seconds;
  }
  settings.maxTickets = readMaxTickets(values["max-tickets"]);
  return settings;
}

/** Reads a flow file; prints its problems and returns undefined when it does not decode. */
export async function loadModel(file: string, io: CliIO): Promise<Model | undefined> {
  const parsed = await readModelFile(file);
  if (parsed.ok) return parsed.model;
  printDiagnostics(file, parsed.diagnostics, io);
  return undefined;
}

/** Whether the flow has the scenario; otherwise says which it has. */
export function hasScenario(model: Model, id: string, io: CliIO): boolean {
  if (model.scenarios.some((s) => s.id === id)) return true;
  const known = model.scenarios.map((s) => (s.name ? `${s.id} (${s.name})` : s.id));
  io.err(
    `There is no scenario "${id}" in "${model.name}". ${
      known.length > 0 ? `Its scenarios are: ${known.join(", ")}.` : "It has no scenarios."
    }\n`,
  );
  return false;
}

/**
 * Runs one scenario (undefined: the flow as it is). When the flow or scenario is rejected,
 * prints the diagnostics under `file` and returns undefined. `label` prefixes progress.
 */
export async function runScenario(
  file: string,
  model: Model,
  scenario: string | undefined,
  settings: RunSettings,
  io: CliIO,
  label = "",
): Promise<Results | undefined> {
  checkRunSize(model, scenario, settings);
  const progress = progressReporter(io, label);
  try {
    return await runReplicationsInNode(
      model,
      {
        scenario,
        seed: settings.seed,
        replications: settings.replications,
        horizonSeconds: settings.horizonSeconds,
      },
      { workers: settings.workers, onProgress: progress },
    );
  } catch (error) {
    if (!(error instanceof RunRejectedError)) throw error;
    printDiagnostics(file, error.diagnostics, io);
    return undefined;
  }
}

/** Writes the results document, naming the file when that fails. */
export async function writeResults(path: string, json: string): Promise<void> {
  try {
    await writeFile(path, json, "utf8");
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${(error as Error).message}`);
  }
}

/** Node and team names as a process designer reads them. */
export function labelsOf(model: Model): ResultLabels {
  const nodes: Record<string, string> = {};
  for (const node of model.nodes) nodes[node.id] = nodeName(node);
  const teams: Record<string, string> = {};
  for (const team of model.teams) teams[team.id] = team.name ? `${team.name} (${team.id})` : team.id;
  return { nodes, teams };
}

// helpers

/**
 * parseArgs reads "--seed -3" as a missing value followed by an option; join such a
 * negative number to its option so that the range check can say what is wrong with it.
 */
function joinNegativeValues(args: string[], options: Record<string, { type: string }>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    const name = arg.startsWith("--") ? arg.slice(2) : undefined;
    if (name && options[name]?.type === "string" && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function printDiagnostics(where: string, diagnostics: readonly Diagnostic[], io: CliIO): void {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  for (const d of diagnostics) io.err(`${where}: ${formatDiagnostic(d)}\n`);
  io.err(`${where}: ${errors} error${errors === 1 ? "" : "s"}; nothing was simulated.\n`);
}

function wholeNumber(option: string, value: unknown, min: number, max: number): number {
  const text = String(value).trim();
  const number = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError(`${option} "${text}" must be a whole number from ${min} to ${max.toLocaleString("en")}`);
  }
  return number;
}
