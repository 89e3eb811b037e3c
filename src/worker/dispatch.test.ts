import { describe, expect, it } from "vitest";
import type { ReplicationResult } from "../sim";
import { dispatchReplications, type ReplicationWorker, type WorkerEvents } from "./dispatch";

/** A fake result that names its replication, so order can be checked. */
function result(replication: number): ReplicationResult {
  return { replication } as unknown as ReplicationResult;
}

/** Fake workers that queue their requests; the test decides when and how each answers. */
function fakePool() {
  const workers: { events: WorkerEvents; asked: number[]; terminated: boolean }[] = [];
  const start = (events: WorkerEvents): ReplicationWorker => {
    const worker = { events, asked: [] as number[], terminated: false };
    workers.push(worker);
    return {
      run: (replication) => worker.asked.push(replication),
      terminate: () => {
        worker.terminated = true;
      },
    };
  };
  return { workers, start };
}

const abortError = () => new Error("aborted");

describe("dispatchReplications", () => {
  it("hands out one replication at a time and returns results in replication order", async () => {
    const pool = fakePool();
    const progress: number[] = [];
    const run = dispatchReplications(4, 2, pool.start, { abortError, onProgress: (done) => progress.push(done) });
    const [a, b] = pool.workers;
    expect([a?.asked, b?.asked]).toEqual([[0], [1]]);
    b?.events.done(1, result(1)); // the second worker finishes first and gets the next index
    expect(b?.asked).toEqual([1, 2]);
    b?.events.done(2, result(2));
    expect(b?.asked).toEqual([1, 2, 3]);
    a?.events.done(0, result(0)); // nothing left to hand out: the first worker stays idle
    expect(a?.asked).toEqual([0]);
    b?.events.done(3, result(3));
    const reps = await run;
    expect(reps.map((r) => (r as unknown as { replication: number }).replication)).toEqual([0, 1, 2, 3]);
    expect(progress).toEqual([1, 2, 3, 4]);
    expect(pool.workers.every((w) => w.terminated)).toBe(true);
  });

  it("rejects on the first failure and terminates every worker", async () => {
    const pool = fakePool();
    const run = dispatchReplications(4, 2, pool.start, { abortError });
    pool.workers[0]?.events.fail(new Error("replication 1 failed: out of memory"));
    await expect(run).rejects.toThrow("replication 1 failed: out of memory");
    expect(pool.workers.every((w) => w.terminated)).toBe(true);
  });

  it("rejects an answer that comes twice", async () => {
    const pool = fakePool();
    const run = dispatchReplications(3, 1, pool.start, { abortError });
    pool.workers[0]?.events.done(0, result(0));
    pool.workers[0]?.events.done(0, result(0));
    await expect(run).rejects.toThrow(/answered twice/);
  });

  it("rejects with the abort error when cancelled, and starts nothing when already aborted", async () => {
    const pool = fakePool();
    const controller = new AbortController();
    const run = dispatchReplications(4, 2, pool.start, { abortError, signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toThrow("aborted");
    expect(pool.workers.every((w) => w.terminated)).toBe(true);

    const idle = fakePool();
    await expect(dispatchReplications(4, 2, idle.start, { abortError, signal: controller.signal })).rejects.toThrow(
      "aborted",
    );
    expect(idle.workers).toHaveLength(0);
  });

  it("stops early at a check, never starting a replication past a check before it is decided", async () => {
    const pool = fakePool();
    const seen: number[][] = [];
    const stop = (reps: ReplicationResult[]) => {
      seen.push(ids(reps));
      return reps.length === 4;
    };
    const early = { at: [2, 4, 7], stop };
    const run = dispatchReplications(10, 3, pool.start, { abortError, early });
    const [a, b, c] = pool.workers;
    expect([a?.asked, b?.asked, c?.asked]).toEqual([[0], [1], []]); // the third waits for the check at 2
    b?.events.done(1, result(1));
    expect(seen).toEqual([]);
    a?.events.done(0, result(0)); // 0 and 1 done: checked, not clear, 2 and 3 handed out
    expect(seen).toEqual([[0, 1]]);
    expect([a?.asked, b?.asked, c?.asked]).toEqual([[0], [1, 3], [2]]);
    b?.events.done(3, result(3));
    c?.events.done(2, result(2)); // clear at 4: the run ends with replications 0-3
    expect(ids(await run)).toEqual([0, 1, 2, 3]);
    expect(seen).toEqual([
      [0, 1],
      [0, 1, 2, 3],
    ]);
    expect(pool.workers.every((w) => w.terminated)).toBe(true);
  });

  it("runs only the replications not known, checking only past them", async () => {
    const pool = fakePool();
    const early = { at: [2, 4, 7], stop: () => false };
    const run = dispatchReplications(5, 2, pool.start, { abortError, early, known: [0, 1, 2, 3].map(result) });
    expect(pool.workers).toHaveLength(1); // one replication left: one worker
    expect(pool.workers[0]?.asked).toEqual([4]);
    pool.workers[0]?.events.done(4, result(4));
    expect(ids(await run)).toEqual([0, 1, 2, 3, 4]);

    const none = fakePool();
    expect(ids(await dispatchReplications(2, 2, none.start, { abortError, known: [0, 1, 2].map(result) }))).toEqual([
      0, 1,
    ]);
    expect(none.workers).toHaveLength(0);
  });
});

function ids(reps: ReplicationResult[]): number[] {
  return reps.map((r) => (r as unknown as { replication: number }).replication);
}
