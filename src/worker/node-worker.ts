/**
 * A worker thread of the Node pool (node-pool.ts): receives the prepared model once as
 * `workerData`, then replication indices one at a time, and answers each with its
 * structured-cloneable ReplicationResult. It never combines or orders results.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Model } from "../model";
import { type ReplicationResult, runReplication } from "../sim";

/** What every worker is started with. */
export interface WorkerSetup {
  /** The prepared model (scenario applied, validated). */
  model: Model;
  seed: number;
  horizonSeconds?: number;
}

/** Run replication number `replication` (0-based). */
export interface WorkerRequest {
  replication: number;
}

export type WorkerReply =
  | { type: "result"; replication: number; result: ReplicationResult }
  | { type: "failed"; replication: number; message: string };

if (parentPort) {
  const port = parentPort;
  const setup = workerData as WorkerSetup;
  port.on("message", ({ replication }: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = {
        type: "result",
        replication,
        result: runReplication(setup.model, setup.seed, replication, setup.horizonSeconds),
      };
    } catch (error) {
      reply = { type: "failed", replication, message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
}
