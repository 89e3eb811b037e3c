/**
 * A Web Worker of the browser pool (browser-pool.ts): receives the prepared model once, then
 * replication indices one at a time, and answers each with its structured-cloneable
 * ReplicationResult. It never combines or orders results. Messages are checked on arrival:
 * anything malformed is answered with a failure instead of running.
 */
import { z } from "zod";
import type { Model } from "../model";
import { type ReplicationResult, runReplication } from "../sim";

/** Sent once after start: the prepared model (scenario applied, validated) and the run's seed. */
export interface WorkerSetup {
  type: "setup";
  model: Model;
  seed: number;
  horizonSeconds?: number;
}

/** Run replication number `replication` (0-based). */
export interface WorkerRun {
  type: "run";
  replication: number;
}

export type WorkerRequest = WorkerSetup | WorkerRun;

export type WorkerReply =
  | { type: "result"; replication: number; result: ReplicationResult }
  | { type: "failed"; replication: number; message: string };

/** The shape of a request, checked before it is trusted (the model was validated by the page). */
export const WorkerRequestSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("setup"),
    model: z.custom<Model>(
      (m) => typeof m === "object" && m !== null && Array.isArray((m as Model).nodes),
      "not a model",
    ),
    seed: z.number().int(),
    horizonSeconds: z.number().positive().optional(),
  }),
  z.object({ type: z.literal("run"), replication: z.number().int().min(0) }),
]);

interface WorkerScope {
  postMessage(message: WorkerReply): void;
  addEventListener(type: "message", listener: (event: MessageEvent<unknown>) => void): void;
}

// Only start listening inside a worker (this module is also imported for its types).
if (typeof self !== "undefined" && typeof (globalThis as { document?: unknown }).document === "undefined") {
  const scope = self as unknown as WorkerScope;
  let setup: WorkerSetup | undefined;
  scope.addEventListener("message", (event) => {
    const parsed = WorkerRequestSchema.safeParse(event.data);
    if (!parsed.success) {
      scope.postMessage({
        type: "failed",
        replication: -1,
        message: `bad request: ${parsed.error.issues[0]?.message}`,
      });
      return;
    }
    const request = parsed.data;
    if (request.type === "setup") {
      setup = request;
      return;
    }
    if (!setup) {
      scope.postMessage({
        type: "failed",
        replication: request.replication,
        message: "no model was sent before the run",
      });
      return;
    }
    try {
      const result = runReplication(setup.model, setup.seed, request.replication, setup.horizonSeconds);
      scope.postMessage({ type: "result", replication: request.replication, result });
    } catch (error) {
      scope.postMessage({
        type: "failed",
        replication: request.replication,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  });
}
