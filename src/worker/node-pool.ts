/**
 * Runs a flow's replications in parallel on Node worker threads. The model is prepared
 * (scenario applied, validated) once here; each worker is handed one replication index at
 * a time, runs it with `runReplication` and posts the result back. Results are combined in
 * replication order, never arrival order, so the document is byte-identical (bar
 * `wallSeconds`) whatever the number of workers. Workers are always terminated, on
 * success, error or abort; a crashed worker fails the whole run.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Diagnostic, Model } from "../model";
import { combineReplications, prepareRun, type ReplicationResult, type RunOptions, runReplication } from "../sim";
import type { Results } from "../sim/results";
import { dispatchReplications } from "./dispatch";
import type { WorkerReply, WorkerRequest, WorkerSetup } from "./node-worker";
import { chooseWorkerCount, estimateEvents } from "./workerCount";

export interface PoolOptions {
  /**
   * Worker threads to use; 1 runs on this thread. Default: from the estimated work, one per
   * core for a large run, none for a small one (workerCount.ts).
   */
  workers?: number;
  /** Called after each finished replication. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting terminates the workers and rejects with an AbortError. */
  signal?: AbortSignal;
}

/** The model or scenario was rejected by `prepareRun`; `diagnostics` say why. */
export class RunRejectedError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join("\n"));
  }
}

/**
 * Simulates `options.replications` replications of `model` (with `options.scenario`) on
 * worker threads and combines them. Throws RunRejectedError for an invalid model or
 * scenario, before any worker starts.
 */
export async function runReplicationsInNode(
  model: Model,
  options: RunOptions,
  pool: PoolOptions = {},
): Promise<Results> {
  const started = performance.now();
  const prepared = prepareRun(model, options);
  if (!prepared.ok) throw new RunRejectedError(prepared.diagnostics);
  const { seed, replications, horizonSeconds } = prepared.options;
  const total = Math.max(1, replications);
  const events = estimateEvents(prepared.model, horizonSeconds ?? prepared.model.clock.horizon);
  const workers = chooseWorkerCount(events, total, availableParallelism(), pool.workers);
  const setup: WorkerSetup = { model: prepared.model, seed, horizonSeconds };
  const reps = workers === 1 ? await runHere(setup, total, pool) : await runOnWorkers(setup, total, workers, pool);
  return combineReplications(
    prepared.model,
    {
      scenario: options.scenario ?? null,
      seed,
      horizonSeconds,
      wallSeconds: (performance.now() - started) / 1000,
    },
    reps,
  );
}

// helpers

/** One worker: no thread to start, same results (runReplication is a pure function). */
async function runHere(setup: WorkerSetup, total: number, pool: PoolOptions): Promise<ReplicationResult[]> {
  const reps: ReplicationResult[] = [];
  for (let i = 0; i < total; i++) {
    pool.signal?.throwIfAborted();
    reps.push(runReplication(setup.model, setup.seed, i, setup.horizonSeconds));
    pool.onProgress?.(i + 1, total);
    // Let progress output and abort signals through between replications.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return reps;
}

function runOnWorkers(
  setup: WorkerSetup,
  total: number,
  count: number,
  pool: PoolOptions,
): Promise<ReplicationResult[]> {
  return dispatchReplications(
    total,
    count,
    (events) => {
      const thread = startWorker(setup);
      let terminated = false;
      thread.on("message", (reply: WorkerReply) => {
        if (reply.type === "failed")
          events.fail(new Error(`replication ${reply.replication + 1} failed: ${reply.message}`));
        else events.done(reply.replication, reply.result);
      });
      thread.on("error", (error) => events.fail(new Error(`a simulation worker crashed: ${error.message}`)));
      thread.on("exit", (code) => {
        if (!terminated) events.fail(new Error(`a simulation worker stopped unexpectedly (exit code ${code})`));
      });
      return {
        run: (replication) => thread.postMessage({ replication } satisfies WorkerRequest),
        terminate: () => {
          terminated = true;
          void thread.terminate();
        },
      };
    },
    {
      onProgress: pool.onProgress,
      signal: pool.signal,
      abortError: () => pool.signal?.reason ?? new DOMException("The run was aborted", "AbortError"),
    },
  );
}

/**
 * A worker thread running node-worker: the built JavaScript next to this module when it runs
 * from dist-cli/ (the shipped command), else the TypeScript source through tsx (tests, bench).
 */
function startWorker(setup: WorkerSetup): Worker {
  const built = new URL("./node-worker.js", import.meta.url);
  if (built.protocol === "file:" && existsSync(fileURLToPath(built))) return new Worker(built, { workerData: setup });
  return new Worker(bootstrap(), { eval: true, workerData: setup });
}

/**
 * The code a worker starts with: register the tsx loader, then import node-worker.ts.
 * Node 20 ignores `--import tsx` in a worker's execArgv for the worker's own entry file,
 * so the loader is registered from a small script instead. Both paths are absolute file
 * URLs: they resolve the same from `bin/flowcast.mjs`, vitest and any current directory.
 */
function bootstrap(): string {
  const tsxRoot = dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  const api = pathToFileURL(join(tsxRoot, "dist/esm/api/index.mjs")).href;
  const entry = new URL("./node-worker.ts", import.meta.url).href;
  return `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
}
