/**
 * Hands a run's replications to a set of workers, one index at a time, and collects the
 * results by replication index (never arrival order), so the combined document does not
 * depend on how many workers ran or which finished first. Shared by the Web Worker pool and
 * the worker_threads pool: each supplies how to start a worker and send it an index; this
 * owns the scheduling, progress, abort and the rule that every worker is terminated however
 * the run ends. No DOM or Node built-ins here.
 */
import type { ReplicationResult } from "../sim";

/** A started worker as the dispatcher sees it. */
export interface ReplicationWorker {
  /** Asks the worker to run one replication (it answers through the `WorkerEvents`). */
  run(replication: number): void;
  terminate(): void;
}

/** What a worker reports back; its pool calls these from the worker's message and error handlers. */
export interface WorkerEvents {
  done(replication: number, result: ReplicationResult): void;
  fail(error: Error): void;
}

export interface DispatchOptions {
  /** Called after each finished replication. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** The error a run rejects with when `signal` aborts. */
  abortError: () => unknown;
  /** Results already at hand for replications 0..known.length-1: only the rest are run. */
  known?: readonly ReplicationResult[];
  /**
   * Early stop: once the first n replications have finished (n in `at`, below the total),
   * `stop` sees them; true ends the run with those n. No replication past the next such n
   * is started before it is decided, so a run does exactly the replications a sequential
   * run would (the workers run in parallel between two checks).
   */
  early?: { at: readonly number[]; stop(reps: ReplicationResult[]): boolean };
}

/**
 * Runs replications 0..total-1 (those not `known`) on up to `count` workers made by `start`.
 * Resolves with the results in replication order (fewer than `total` when `early` stopped
 * the run); rejects on the first failure, a duplicate or out-of-range answer, or abort.
 * Workers are terminated in every case.
 */
export function dispatchReplications(
  total: number,
  count: number,
  start: (events: WorkerEvents) => ReplicationWorker,
  options: DispatchOptions,
): Promise<ReplicationResult[]> {
  const reps = new Array<ReplicationResult | undefined>(total);
  const known = (options.known ?? []).slice(0, total);
  known.forEach((rep, r) => {
    reps[r] = rep;
  });
  const workers: ReplicationWorker[] = [];
  const idle: ReplicationWorker[] = [];
  let next = known.length;
  /** Replications 0..prefix-1 have all finished. */
  let prefix = known.length;
  let finished = known.length;
  let settled = false;
  // the early-stop checks still ahead; `gate` is the next (no replication at or past it starts before it is decided)
  const gates = [...(options.early?.at ?? [])].filter((n) => n > prefix && n < total).sort((a, b) => a - b);
  let gate = gates.shift() ?? total;

  return new Promise<ReplicationResult[]>((resolve, reject) => {
    const finish = (error?: unknown, upTo = total) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener("abort", onAbort);
      // Idle workers keep a process alive and hold memory in a page: always terminate.
      for (const worker of workers) worker.terminate();
      if (error !== undefined) reject(error);
      else resolve(reps.slice(0, upTo) as ReplicationResult[]);
    };
    const onAbort = () => finish(options.abortError());
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener("abort", onAbort);
    if (finished === total) return finish();

    const hand = (worker: ReplicationWorker) => {
      if (next < gate) worker.run(next++);
      else idle.push(worker);
    };
    /** At a check: stop there, or open the way to the next one and put every idle worker to work. */
    const check = (): boolean => {
      const early = options.early as NonNullable<DispatchOptions["early"]>;
      if (early.stop(reps.slice(0, gate) as ReplicationResult[])) {
        finish(undefined, gate);
        return true;
      }
      gate = gates.shift() ?? total;
      for (const worker of idle.splice(0)) hand(worker);
      return false;
    };

    const wanted = Math.max(1, Math.min(count, total - known.length));
    for (let w = 0; w < wanted && !settled; w++) {
      let worker: ReplicationWorker | undefined;
      const events: WorkerEvents = {
        done(replication, result) {
          if (settled) return;
          if (replication < 0 || replication >= total || reps[replication]) {
            return finish(new Error("a simulation worker answered twice or out of turn"));
          }
          reps[replication] = result;
          finished++;
          options.onProgress?.(finished, total);
          while (prefix < total && reps[prefix]) prefix++;
          if (prefix === total) return finish();
          if (worker) hand(worker);
          if (prefix === gate) {
            try {
              check();
            } catch (error) {
              finish(error);
            }
          }
        },
        fail(error) {
          finish(error);
        },
      };
      worker = start(events);
      workers.push(worker);
      hand(worker);
    }
  });
}
