/**
 * The flow-running helpers that `simulate`, `compare` and `staff` share: the run options
 * (seed, replications, horizon, workers, --max-tickets) and their checks, loading a flow
 * with its problems printed, a scenario check, a run on worker threads, and the names of
 * steps and teams in results. Argument parsing and output files live in ./shared.
 */
import { type Diagnostic, formatDiagnostic, type Model, nodeName, parseDuration } from "../model";
import type { Results } from "../sim/results";
import { RunRejectedError, runReplicationsInNode } from "../worker/node-pool";
import { checkRunSize, progressReporter, readMaxTickets, readModelFile } from "./checks";
import type { ResultLabels } from "./format";
import { type CliIO, type OptionValues, UsageError, wholeNumber } from "./shared";

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
  const parsed = await readModelFile(file, io);
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

/** Node and team names as a process designer reads them. */
export function labelsOf(model: Model): ResultLabels {
  const nodes: Record<string, string> = {};
  for (const node of model.nodes) nodes[node.id] = nodeName(node);
  const teams: Record<string, string> = {};
  for (const team of model.teams) teams[team.id] = team.name ? `${team.name} (${team.id})` : team.id;
  return { nodes, teams };
}

// helpers

function printDiagnostics(where: string, diagnostics: readonly Diagnostic[], io: CliIO): void {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  for (const d of diagnostics) io.err(`${where}: ${formatDiagnostic(d)}\n`);
  io.err(`${where}: ${errors} error${errors === 1 ? "" : "s"}; nothing was simulated.\n`);
}
