import { afterEach, describe, expect, it, vi } from "vitest";
import { runReplication, simulate } from "../sim";
import { deskModel } from "../ui/results/results.fixture";
import { RunRejectedError, runInBrowser } from "./browser-pool";
import type { WorkerReply, WorkerRequest } from "./browser-worker";

/**
 * A stand-in for a module Web Worker: speaks the pool's protocol, runs replications with
 * the real engine, and answers after a delay that makes later replications finish first.
 */
class FakeWorker {
  static started: FakeWorker[] = [];
  static failAt: number | undefined;
  terminated = false;
  private listeners: ((event: { data: unknown }) => void)[] = [];
  private setup?: Extract<WorkerRequest, { type: "setup" }>;
  constructor() {
    FakeWorker.started.push(this);
  }
  addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    if (type === "message") this.listeners.push(listener);
  }
  postMessage(request: WorkerRequest): void {
    if (request.type === "setup") {
      this.setup = request;
      return;
    }
    const setup = this.setup;
    if (!setup) throw new Error("run before setup");
    // Like browser-worker.ts: an error in the engine is answered as a failure.
    let reply: WorkerReply;
    try {
      if (FakeWorker.failAt === request.replication) throw new Error("out of memory");
      const result = runReplication(setup.model, setup.seed, request.replication, setup.horizonSeconds);
      reply = { type: "result", replication: request.replication, result };
    } catch (error) {
      reply = { type: "failed", replication: request.replication, message: (error as Error).message };
    }
    setTimeout(
      () => {
        if (!this.terminated) for (const l of this.listeners) l({ data: reply });
      },
      30 - request.replication * 5,
    );
  }
  terminate(): void {
    this.terminated = true;
  }
}

const OPTIONS = { seed: 7, replications: 4, horizonSeconds: 3 * 86400 };

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.started = [];
  FakeWorker.failAt = undefined;
});

describe("runInBrowser", () => {
  it("combines replications in replication order: the same document as simulate()", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    const progress: number[] = [];
    const results = await runInBrowser(deskModel(), OPTIONS, { workers: 3, onProgress: (done) => progress.push(done) });
    const reference = simulate(deskModel(), OPTIONS);
    expect(JSON.stringify({ ...results, wallSeconds: 0 })).toBe(JSON.stringify({ ...reference, wallSeconds: 0 }));
    expect(progress).toEqual([1, 2, 3, 4]);
    expect(FakeWorker.started).toHaveLength(3);
    expect(FakeWorker.started.every((w) => w.terminated)).toBe(true);
  });

  it("terminates every worker on Cancel and rejects with an AbortError", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    const controller = new AbortController();
    const run = runInBrowser(deskModel(), OPTIONS, { workers: 2, signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(FakeWorker.started.every((w) => w.terminated)).toBe(true);
  });

  it("fails the run naming the replication a worker could not run", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    FakeWorker.failAt = 2;
    await expect(runInBrowser(deskModel(), OPTIONS, { workers: 2 })).rejects.toThrow(
      "Replication 3 failed: out of memory",
    );
    expect(FakeWorker.started.every((w) => w.terminated)).toBe(true);
  });

  it("rejects an unknown scenario before starting any worker", async () => {
    vi.stubGlobal("Worker", FakeWorker);
    await expect(runInBrowser(deskModel(), { ...OPTIONS, scenario: "nope" }, { workers: 2 })).rejects.toBeInstanceOf(
      RunRejectedError,
    );
    expect(FakeWorker.started).toHaveLength(0);
  });
});

describe("WorkerRequestSchema", () => {
  it("accepts the pool's requests and rejects malformed ones", async () => {
    const { WorkerRequestSchema } = await import("./browser-worker");
    expect(WorkerRequestSchema.safeParse({ type: "run", replication: 3 }).success).toBe(true);
    expect(WorkerRequestSchema.safeParse({ type: "setup", model: deskModel(), seed: 1 }).success).toBe(true);
    expect(WorkerRequestSchema.safeParse({ type: "run", replication: -1 }).success).toBe(false);
    expect(WorkerRequestSchema.safeParse({ type: "setup", model: "flow", seed: 1 }).success).toBe(false);
    expect(WorkerRequestSchema.safeParse({ type: "explode" }).success).toBe(false);
  });
});
