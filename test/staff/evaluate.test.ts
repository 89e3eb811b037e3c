/**
 * The in-process Evaluate resumes a run asked again for the same flow object (a candidate
 * that stopped early, now wanted with every replication): the figures must be exactly a
 * fresh run's. Small runs: one M/M/c queue at 40 calls/h over 8 days.
 */
import { describe, expect, it } from "vitest";
import { evaluateInProcess } from "../../src/staff/evaluate";
import { singleQueue } from "./flows";

describe("evaluateInProcess", () => {
  it("completes a run stopped early to every replication with the same figures as a fresh run", async () => {
    const model = singleQueue(40, 360);
    const stopped = await evaluateInProcess(model, { seed: 5, replications: 6, stopWhen: () => true });
    expect(stopped.replications).toBe(2);
    const completed = await evaluateInProcess(model, { seed: 5, replications: 6 });
    const fresh = await evaluateInProcess(structuredClone(model), { seed: 5, replications: 6 });
    expect(completed.replications).toBe(6);
    expect(completed).toEqual(fresh);
    // fewer replications of the same flow: the first ones, as a fresh run of that many
    const three = await evaluateInProcess(model, { seed: 5, replications: 3 });
    expect(three).toEqual(await evaluateInProcess(structuredClone(model), { seed: 5, replications: 3 }));
  });

  it("runs another seed or horizon of the same flow afresh", async () => {
    const model = singleQueue(40, 360);
    const first = await evaluateInProcess(model, { seed: 5, replications: 2 });
    const otherSeed = await evaluateInProcess(model, { seed: 6, replications: 2 });
    expect(otherSeed.seed).toBe(6);
    expect(otherSeed.replicationKpis).not.toEqual(first.replicationKpis);
    const shorter = await evaluateInProcess(model, { seed: 5, replications: 2, horizonSeconds: 4 * 86400 });
    expect(shorter.horizonSeconds).toBe(4 * 86400);
    expect(shorter).toEqual(
      await evaluateInProcess(structuredClone(model), { seed: 5, replications: 2, horizonSeconds: 4 * 86400 }),
    );
    await expect(evaluateInProcess(model, { seed: 5, replications: 0 })).rejects.toThrow(/Replications/);
  });
});
