/**
 * Simulating one staffing candidate in this thread: prepare, run every replication, combine.
 * For the small runs a search makes (a few seconds of simulated work each) this beats
 * starting worker threads per candidate; the app passes its Web Worker pool instead.
 *
 * Replication r of a run depends only on the flow, the seed, r and the horizon, so a run
 * asked again for the same flow object (the same candidate, now wanted with every
 * replication after stopping early) keeps the replications it already ran and runs only
 * the rest: the combined results are the same as a fresh run's, number for number.
 */

import type { Model } from "../model";
import { combineReplications, prepareRun, runReplication, SimulationInputError } from "../sim";
import type { ReplicationResult } from "../sim/replication";
import { STOP_CHECKPOINTS as CHECKPOINTS, type Evaluate } from "./search";

interface Ran {
  seed: number;
  horizonSeconds: number | undefined;
  prepared: Extract<ReturnType<typeof prepareRun>, { ok: true }>;
  reps: ReplicationResult[];
}

/**
 * The replications of the last runs that stopped early, per flow object: the ones a search
 * may complete. At most KEPT (a run of a big flow keeps its series per replication); an
 * evicted run is simply run again in full.
 */
const ran = new Map<Model, Ran>();
const KEPT = 16;

/** An Evaluate that runs in the calling thread, checking the abort signal between replications. */
export const evaluateInProcess: Evaluate = async (model, run, signal) => {
  let known: Ran | undefined = ran.get(model);
  const wholeCount = Number.isInteger(run.replications) && run.replications >= 1;
  if (!known || known.seed !== run.seed || known.horizonSeconds !== run.horizonSeconds || !wholeCount) {
    const prepared = prepareRun(model, run);
    if (!prepared.ok) throw new SimulationInputError(prepared.diagnostics);
    known = { seed: run.seed, horizonSeconds: run.horizonSeconds, prepared, reps: [] };
  }
  ran.delete(model);
  const { prepared, reps: done } = known;
  const reps = done.slice(0, run.replications);
  const combine = () =>
    combineReplications(
      prepared.model,
      { scenario: null, seed: run.seed, horizonSeconds: run.horizonSeconds, wallSeconds: 0 },
      reps,
    );
  for (let r = reps.length; r < run.replications; r++) {
    signal?.throwIfAborted();
    const rep = runReplication(prepared.model, run.seed, r, run.horizonSeconds);
    reps.push(rep);
    if (done.length === r) done.push(rep);
    if (run.stopWhen && CHECKPOINTS.includes(reps.length) && reps.length < run.replications) {
      const soFar = combine();
      if (run.stopWhen(soFar)) {
        ran.set(model, known);
        if (ran.size > KEPT) ran.delete(ran.keys().next().value as Model);
        return soFar;
      }
    }
  }
  return combine();
};
