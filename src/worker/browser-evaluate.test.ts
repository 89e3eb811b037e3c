/**
 * The app's staffing search (Web Worker pool) stops candidates early exactly as the CLI's
 * (in process): same answer document, bar wall time, and the same replications simulated,
 * fewer than running every candidate in full. Workers are stand-ins that run the real engine
 * and answer out of order. Flow: test/staff/flows.ts's Jackson pair over 4 days.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { jacksonPair } from "../../test/staff/flows";
import type { Model } from "../model";
import { runReplication } from "../sim";
import { evaluateInProcess } from "../staff/evaluate";
import { staffFlow } from "../staff/run";
import type { Evaluate, StaffingOptions } from "../staff/search";
import { browserEvaluateStats, evaluateInWorkers } from "./browser-evaluate";
import type { WorkerReply, WorkerRequest } from "./browser-worker";

/** A module Web Worker's stand-in: the pool's protocol, the real engine, later replications answering first. */
class FakeWorker {
  static runs = 0;
  static started = 0;
  private listeners: ((event: { data: unknown }) => void)[] = [];
  private setup?: Extract<WorkerRequest, { type: "setup" }>;
  private terminated = false;
  constructor() {
    FakeWorker.started++;
  }
  addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    if (type === "message") this.listeners.push(listener);
  }
  postMessage(request: WorkerRequest): void {
    if (request.type === "setup") {
      this.setup = request;
      return;
    }
    const setup = this.setup as Extract<WorkerRequest, { type: "setup" }>;
    FakeWorker.runs++;
    const result = runReplication(setup.model, setup.seed, request.replication, setup.horizonSeconds);
    const reply: WorkerReply = { type: "result", replication: request.replication, result };
    setTimeout(
      () => {
        if (!this.terminated) for (const l of this.listeners) l({ data: reply });
      },
      12 - (request.replication % 3) * 5,
    );
  }
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.runs = 0;
  FakeWorker.started = 0;
});

/** Three workers per candidate, so replications finish out of order. */
const evaluateInBrowser = evaluateInWorkers({ workers: 3 });

const OPTIONS: StaffingOptions = {
  targets: [
    { kpi: "serviceLevel", node: "qa", atLeast: 0.8 },
    { kpi: "serviceLevel", node: "qb", atLeast: 0.8 },
  ],
  seed: 3,
  replications: 10,
  horizonSeconds: 4 * 86400,
};

/** The staffing document without its wall time. */
async function staffed(evaluate: Evaluate, stopEarly = true): Promise<string> {
  const doc = await staffFlow(jacksonPair(), { ...OPTIONS, stopEarly }, evaluate);
  return JSON.stringify({ ...doc, wallSeconds: 0 });
}

/**
 * The CLI's Evaluate, counting the replications it simulates: a run of a flow object asked
 * again (the answer, completed to every replication) simulates only those it lacked.
 */
function countedInProcess(): { evaluate: Evaluate; replications: () => number } {
  const seen = new WeakMap<Model, number>();
  let count = 0;
  const evaluate: Evaluate = async (model, run, signal) => {
    const results = await evaluateInProcess(model, run, signal);
    count += Math.max(0, results.replications - (seen.get(model) ?? 0));
    seen.set(model, results.replications);
    return results;
  };
  return { evaluate, replications: () => count };
}

describe("evaluateInBrowser", () => {
  it("finds the CLI's answer with the CLI's replications, fewer than without stopping early", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    const cli = countedInProcess();
    const byCli = await staffed(cli.evaluate);
    const before = browserEvaluateStats.replications;
    const inBrowser = await staffed(evaluateInBrowser);
    const browserReplications = browserEvaluateStats.replications - before;
    expect(inBrowser).toBe(byCli);
    // the pool simulates exactly what it counts, and exactly what the CLI does
    expect(FakeWorker.runs).toBe(browserReplications);
    expect(FakeWorker.started).toBeGreaterThan(0);
    expect(browserReplications).toBe(cli.replications());

    FakeWorker.runs = 0;
    const full = await staffed(evaluateInBrowser, false);
    expect(FakeWorker.runs).toBeGreaterThan(browserReplications);
    // the answer's statistics come from every replication, as without stopping early
    expect(JSON.parse(inBrowser).replications).toBe(10);
    expect(JSON.parse(inBrowser).kpis).toEqual(JSON.parse(full).kpis);
  });
});
