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
}

/**
 * Runs replications 0..total-1 on `count` workers made by `start`. Resolves with the
 * results in replication order; rejects on the first failure, a duplicate or out-of-range
 * answer, or abort. Workers are terminated in every case.
 */
export function dispatchReplications(
  total: number,
  count: number,
  start: (events: WorkerEvents) => ReplicationWorker,
  options: DispatchOptions,
): Promise<ReplicationResult[]> {
  const reps = new Array<ReplicationResult | undefined>(total);
  const workers: ReplicationWorker[] = [];
  let next = 0;
  let finished = 0;
  let settled = false;

  return new Promise<ReplicationResult[]>((resolve, reject) => {
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener("abort", onAbort);
      // Idle workers keep a process alive and hold memory in a page: always terminate.
      for (const worker of workers) worker.terminate();
      if (error !== undefined) reject(error);
      else resolve(reps as ReplicationResult[]);
    };
    const onAbort = () => finish(options.abortError());
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener("abort", onAbort);

    const hand = (worker: ReplicationWorker) => {
      if (next < total) worker.run(next++);
    };

    for (let w = 0; w < count && !settled; w++) {
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
          if (finished === total) finish();
          else if (worker) hand(worker);
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
