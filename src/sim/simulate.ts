/**
 * The simulator's public entry points: prepare a run (apply the scenario, validate), run one
 * replication (a pure function of model, seed and replication index), combine replications
 * into a `flowcast-results/v1` document, and `simulate`, which does all three in order.
 *
 * Determinism: every replication draws from streams derived from (seed, replication,
 * stream name) only, so replications may run in any order, on any number of workers, and
 * combine to the same bytes (bar `wallSeconds`).
 */
import { applyScenario, type Diagnostic, hasErrors, type Model, validateModel } from "../model";
import { combineReplications as combine } from "./combine";
import { runEngine } from "./engine";
import type { ReplicationResult } from "./replication";
import type { Results } from "./results";
import type { TraceSink } from "./trace";

export type { ReplicationResult } from "./replication";
export type { TraceEventKind, TraceSink } from "./trace";

/** Options of a run. */
export interface RunOptions {
  /** Scenario id; the base flow when omitted. */
  scenario?: string;
  /** Seed of the run (default 1). */
  seed?: number;
  /** Number of replications (default 10). */
  replications?: number;
  /** Overrides clock.horizon (seconds). */
  horizonSeconds?: number;
  /** Called after each replication with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Aborts the run between replications. */
  signal?: AbortSignal;
}

/** A run ready to go (scenario applied, model valid), or why it cannot run. */
export type Prepared =
  | { ok: true; model: Model; options: Required<Pick<RunOptions, "seed" | "replications">> & RunOptions }
  | { ok: false; diagnostics: Diagnostic[] };

/** Thrown by `simulate` when the model or scenario is invalid; carries the diagnostics. */
export class SimulationInputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join("\n") || "The flow cannot be simulated.");
    this.name = "SimulationInputError";
    this.diagnostics = diagnostics;
  }
}

/** Thrown by `simulate` when its signal aborts the run. */
export class SimulationAbortedError extends Error {
  constructor() {
    super("The simulation was aborted.");
    this.name = "AbortError";
  }
}

/** Applies the scenario and validates the flow; errors make the run not ok. */
export function prepareRun(model: Model, options: RunOptions = {}): Prepared {
  const applied = applyScenario(model, options.scenario);
  if (!applied.ok) return { ok: false, diagnostics: applied.diagnostics };
  const diagnostics = validateModel(applied.model);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics: diagnostics.filter((d) => d.severity === "error") };
  const seed = options.seed ?? 1;
  const replications = options.replications ?? 10;
  const problems: Diagnostic[] = [];
  if (!Number.isInteger(seed))
    problems.push({ severity: "error", message: "The seed must be a whole number.", path: "seed" });
  if (!Number.isInteger(replications) || replications < 1)
    problems.push({
      severity: "error",
      message: "Replications must be a whole number of at least 1.",
      path: "replications",
    });
  const horizon = options.horizonSeconds ?? applied.model.clock.horizon;
  if (!(horizon > applied.model.clock.warmup))
    problems.push({
      severity: "error",
      message: `The horizon (${horizon} s) must be longer than the warm-up (${applied.model.clock.warmup} s).`,
      path: "clock.horizon",
    });
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  return { ok: true, model: applied.model, options: { ...options, seed, replications } };
}

/**
 * Runs one replication of a prepared model. Pure: the same (model, seed, replication,
 * horizon) always gives the same result, a plain structured-cloneable object.
 * @param horizonSeconds overrides clock.horizon (seconds)
 * @param trace receives every step of every ticket of this replication (trace.ts)
 */
export function runReplication(
  model: Model,
  seed: number,
  replication: number,
  horizonSeconds?: number,
  trace?: TraceSink,
): ReplicationResult {
  return runEngine(model, seed, replication, horizonSeconds ?? model.clock.horizon, trace);
}

/**
 * Combines replications (in replication order) into the results document.
 * @param meta.wallSeconds elapsed wall-clock time of the whole run (seconds)
 */
export function combineReplications(
  model: Model,
  meta: { scenario: string | null; seed: number; horizonSeconds?: number; wallSeconds: number },
  reps: ReplicationResult[],
): Results {
  return combine(model, meta, reps);
}

/**
 * Prepares, runs every replication in order and combines them. Throws
 * `SimulationInputError` (with diagnostics) for an invalid flow and `SimulationAbortedError`
 * when `options.signal` aborts. `wallSeconds` is 0: callers that time runs set it.
 */
export function simulate(model: Model, options: RunOptions = {}): Results {
  const prepared = prepareRun(model, options);
  if (!prepared.ok) throw new SimulationInputError(prepared.diagnostics);
  const { seed, replications, horizonSeconds, signal, onProgress } = prepared.options;
  const reps: ReplicationResult[] = [];
  for (let r = 0; r < replications; r++) {
    if (signal?.aborted) throw new SimulationAbortedError();
    reps.push(runReplication(prepared.model, seed, r, horizonSeconds));
    onProgress?.(r + 1, replications);
  }
  return combineReplications(
    prepared.model,
    { scenario: options.scenario ?? null, seed, horizonSeconds, wallSeconds: 0 },
    reps,
  );
}
