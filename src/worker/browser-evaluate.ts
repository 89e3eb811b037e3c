/**
 * Simulating one staffing candidate in the browser's Web Worker pool, stopping early exactly
 * as the CLI does (src/staff/evaluate.ts): the verdict is asked after the same first 2, 4
 * and 7 replications, so the search makes the same decisions and gives the same answer.
 * Workers run in parallel between two checks and none runs past a check before it is
 * decided, so a candidate costs the same replications as on the CLI.
 *
 * Replication r depends only on the flow, the seed, r and the horizon, so a run asked again
 * for the same flow object (the answer, now wanted with every replication) keeps the
 * replications it already ran and simulates only the rest: the combined results are the
 * same as a fresh full run's, number for number.
 */
import type { Model } from "../model";
import type { ReplicationResult } from "../sim";
import { type Evaluate, STOP_CHECKPOINTS } from "../staff/search";
import { runInBrowserWithModel } from "./browser-pool";

interface Ran {
  seed: number;
  horizonSeconds: number | undefined;
  reps: ReplicationResult[];
}

/** The replications of the last runs that stopped early, per flow object (at most KEPT; an evicted run is run again in full). */
const ran = new Map<Model, Ran>();
const KEPT = 16;

/** Replications simulated by this page's staffing runs so far (for tests and measurements). */
export const browserEvaluateStats = { replications: 0 };

/**
 * An Evaluate on Web Workers; Cancel (the signal) terminates the workers at once. `workers`
 * forces the pool's size (default: from the estimated work, as for a run).
 */
export function evaluateInWorkers(pool: { workers?: number } = {}): Evaluate {
  return async (model, run, signal) => {
    const kept = ran.get(model);
    ran.delete(model);
    const known =
      kept && kept.seed === run.seed && kept.horizonSeconds === run.horizonSeconds
        ? kept.reps
        : ([] as ReplicationResult[]);
    const { stopWhen } = run;
    const { results, reps } = await runInBrowserWithModel(
      model,
      { seed: run.seed, replications: run.replications, horizonSeconds: run.horizonSeconds },
      { signal, workers: pool.workers, known, early: stopWhen && { at: STOP_CHECKPOINTS, stop: stopWhen } },
    );
    browserEvaluateStats.replications += Math.max(0, reps.length - known.length);
    if (reps.length < run.replications) {
      ran.set(model, { seed: run.seed, horizonSeconds: run.horizonSeconds, reps });
      if (ran.size > KEPT) ran.delete(ran.keys().next().value as Model);
    }
    return results;
  };
}

/** The app's Evaluate: the pool sized from the work. */
export const evaluateInBrowser: Evaluate = evaluateInWorkers();
