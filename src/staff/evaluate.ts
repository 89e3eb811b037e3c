/**
 * Simulating one staffing candidate in this thread: prepare, run every replication, combine.
 * For the small runs a search makes (a few seconds of simulated work each) this beats
 * starting worker threads per candidate; the app passes its Web Worker pool instead.
 */
import { combineReplications, prepareRun, runReplication, SimulationInputError } from "../sim";
import type { ReplicationResult } from "../sim/replication";
import type { Evaluate } from "./search";

/** Replications after which an early stop is considered (search.ts `RunRequest.stopWhen`). */
const CHECKPOINTS = [2, 4, 7];

/** An Evaluate that runs in the calling thread, checking the abort signal between replications. */
export const evaluateInProcess: Evaluate = async (model, run, signal) => {
  const prepared = prepareRun(model, run);
  if (!prepared.ok) throw new SimulationInputError(prepared.diagnostics);
  const reps: ReplicationResult[] = [];
  const combine = () =>
    combineReplications(
      prepared.model,
      { scenario: null, seed: run.seed, horizonSeconds: run.horizonSeconds, wallSeconds: 0 },
      reps,
    );
  for (let r = 0; r < run.replications; r++) {
    signal?.throwIfAborted();
    reps.push(runReplication(prepared.model, run.seed, r, run.horizonSeconds));
    if (run.stopWhen && CHECKPOINTS.includes(reps.length) && reps.length < run.replications) {
      const soFar = combine();
      if (run.stopWhen(soFar)) return soFar;
    }
  }
  return combine();
};
