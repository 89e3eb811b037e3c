/**
 * The simulator's public entry points: prepare a run (apply the scenario, validate), run one
 * replication (a pure function of model, seed and replication index), combine replications
 * into a `flowcast-results/v1` document, and `simulate`, which does all three in order.
 *
 * Determinism: every replication draws from streams derived from (seed, replication,
 * stream name) only, so replications may run in any order, on any number of workers, and
 * combine to the same bytes (bar `wallSeconds`).
 */
import type { Diagnostic, Model } from "../model";
import { combineReplications as combine } from "./combine";
import { runEngine } from "./engine";
import { prepareRun, type RunOptions } from "./prepare";
import type { ReplicationResult } from "./replication";
import type { Results } from "./results";
import type { TraceSink } from "./trace";

export { type Prepared, prepareRun, type RunOptions } from "./prepare";
export type { ReplicationResult } from "./replication";
export type { TraceEventKind, TraceSink } from "./trace";

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
