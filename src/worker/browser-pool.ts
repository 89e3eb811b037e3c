/**
 * Runs a flow's replications in the browser, spread over module Web Workers (up to one per
 * core and one per replication, fewer for a small run), so the page stays responsive. The model is prepared
 * (scenario applied, validated) once on the page; each worker gets it once, then one
 * replication index at a time. Results are combined in replication order, never arrival
 * order, so the document has the same bytes as the CLI's (bar `wallSeconds`). Workers are
 * always terminated: on success, failure or Cancel (abort).
 */
import { z } from "zod";
import type { Diagnostic, Model } from "../model";
import type { ReplicationResult } from "../sim";
import { combineReplications } from "../sim/combine";
import { prepareRun } from "../sim/prepare";
import type { Results } from "../sim/results";
import type { WorkerReply, WorkerRequest } from "./browser-worker";
import { type DispatchOptions, dispatchReplications } from "./dispatch";
import { chooseWorkerCount, estimateEvents } from "./workerCount";

/** What to run: the scenario (base flow when omitted), seed, replications and horizon (seconds). */
export interface BrowserRunOptions {
  scenario?: string;
  seed: number;
  replications: number;
  horizonSeconds?: number;
}

export interface BrowserRunHooks {
  /** Called after each finished replication. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting (Cancel) terminates the workers and rejects with an AbortError. */
  signal?: AbortSignal;
  /** Workers to start; default: from the estimated work, up to navigator.hardwareConcurrency. */
  workers?: number;
  /**
   * Replications of this same run (model, scenario, seed, horizon) already at hand, from a
   * run that stopped early: kept, and only the rest are simulated.
   */
  known?: readonly ReplicationResult[];
  /**
   * Early stop: after the first n replications (n in `at`), `stop` sees them combined; true
   * ends the run there (the results then hold those n replications).
   */
  early?: { at: readonly number[]; stop(results: Results): boolean };
}

/** The model or scenario cannot run; `diagnostics` say why. */
export class RunRejectedError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join("\n") || "The flow cannot be simulated.");
    this.name = "RunRejectedError";
  }
}

/**
 * Simulates `options.replications` replications of `model` in Web Workers and combines
 * them. Rejects with RunRejectedError for an invalid model or scenario (before any worker
 * starts), with an AbortError on Cancel, and with an Error naming the replication when a
 * worker fails. The second value is the model as simulated (scenario applied).
 */
export async function runInBrowserWithModel(
  model: Model,
  options: BrowserRunOptions,
  hooks: BrowserRunHooks = {},
): Promise<{ results: Results; model: Model; reps: ReplicationResult[] }> {
  const started = performance.now();
  const prepared = prepareRun(model, options);
  if (!prepared.ok) throw new RunRejectedError(prepared.diagnostics);
  const { seed, replications, horizonSeconds } = prepared.options;
  const cores = (typeof navigator !== "undefined" ? navigator.hardwareConcurrency : 1) || 1;
  // The page never simulates itself (it must stay responsive): at least one worker, more
  // only for a run big enough to repay starting them.
  const events = estimateEvents(prepared.model, horizonSeconds ?? prepared.model.clock.horizon);
  const count = chooseWorkerCount(events, replications, cores, hooks.workers);
  const combine = (reps: ReplicationResult[], wallSeconds: number) =>
    combineReplications(
      prepared.model,
      { scenario: options.scenario ?? null, seed, horizonSeconds, wallSeconds },
      reps,
    );
  const { early } = hooks;
  const reps = await runOnWorkers({ type: "setup", model: prepared.model, seed, horizonSeconds }, replications, count, {
    ...hooks,
    early: early && { at: early.at, stop: (reps) => early.stop(combine(reps, 0)) },
  });
  const results = combine(reps, (performance.now() - started) / 1000);
  return { results, model: prepared.model, reps };
}

/** As runInBrowserWithModel, giving the results document only. */
export async function runInBrowser(
  model: Model,
  options: BrowserRunOptions,
  hooks: BrowserRunHooks = {},
): Promise<Results> {
  return (await runInBrowserWithModel(model, options, hooks)).results;
}

// helpers

/** A worker's reply, checked before it is trusted. */
const ReplySchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("result"),
    replication: z.number().int().min(0),
    result: z.custom<ReplicationResult>(
      (r) => typeof r === "object" && r !== null && typeof (r as ReplicationResult).kpis === "object",
      "not a replication result",
    ),
  }),
  z.object({ type: z.literal("failed"), replication: z.number().int(), message: z.string() }),
]);

function runOnWorkers(
  setup: WorkerRequest,
  total: number,
  count: number,
  hooks: Omit<BrowserRunHooks, "early"> & { early?: DispatchOptions["early"] },
): Promise<ReplicationResult[]> {
  return dispatchReplications(
    total,
    count,
    (events) => {
      const worker = new Worker(new URL("./browser-worker.ts", import.meta.url), { type: "module" });
      worker.addEventListener("message", (event: MessageEvent<unknown>) => {
        const parsed = ReplySchema.safeParse(event.data);
        if (!parsed.success) return events.fail(new Error("a simulation worker sent a malformed reply"));
        const reply = parsed.data as WorkerReply;
        if (reply.type === "failed") {
          return events.fail(new Error(`Replication ${reply.replication + 1} failed: ${reply.message}`));
        }
        events.done(reply.replication, reply.result);
      });
      worker.addEventListener("error", (event) => {
        event.preventDefault();
        events.fail(new Error(`A simulation worker crashed: ${event.message || "unknown error"}`));
      });
      worker.postMessage(setup);
      return {
        run: (replication) => worker.postMessage({ type: "run", replication } satisfies WorkerRequest),
        terminate: () => worker.terminate(),
      };
    },
    {
      onProgress: hooks.onProgress,
      signal: hooks.signal,
      abortError: () => new DOMException("The run was cancelled.", "AbortError"),
      known: hooks.known,
      early: hooks.early,
    },
  );
}
