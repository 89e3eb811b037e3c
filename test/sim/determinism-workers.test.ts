import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseModelText } from "../../src/model";
import type { Results } from "../../src/sim/results";
import { RunRejectedError, runReplicationsInNode } from "../../src/worker/node-pool";

const DESK = new URL("../cli/fixtures/cli.desk.json", import.meta.url);

describe("replications on worker threads", () => {
  it("give byte-identical results (bar wallSeconds) on 1, 2 and 3 workers", async () => {
    const model = load();
    const options = { seed: 42, replications: 5, scenario: "busy" };
    const runs = [];
    for (const workers of [1, 2, 3])
      runs.push(withoutWallTime(await runReplicationsInNode(model, options, { workers })));
    expect(runs[0]).toContain('"replications":5');
    expect(runs[1]).toBe(runs[0]);
    expect(runs[2]).toBe(runs[0]);
  });

  it("report progress once per replication and reach the total", async () => {
    const seen: [number, number][] = [];
    await runReplicationsInNode(
      load(),
      { seed: 1, replications: 4 },
      { workers: 2, onProgress: (d, t) => seen.push([d, t]) },
    );
    expect(seen).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });

  it("reject an unknown scenario before starting any worker", async () => {
    await expect(
      runReplicationsInNode(load(), { scenario: "nope", replications: 2 }, { workers: 2 }),
    ).rejects.toBeInstanceOf(RunRejectedError);
  });

  it("stop and reject when aborted", async () => {
    const controller = new AbortController();
    const run = runReplicationsInNode(
      load(),
      { seed: 1, replications: 50 },
      { workers: 2, signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
  });
});

// helpers

function load() {
  const parsed = parseModelText(readFileSync(DESK, "utf8"));
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
  return parsed.model;
}

function withoutWallTime(results: Results): string {
  return JSON.stringify({ ...results, wallSeconds: 0 });
}
