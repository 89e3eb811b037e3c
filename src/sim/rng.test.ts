import { describe, expect, it } from "vitest";
import { createStream } from "./rng";

function draws(seed: number, rep: number, name: string, n: number): number[] {
  const s = createStream(seed, rep, name);
  return Array.from({ length: n }, () => s.next());
}

describe("random streams", () => {
  it("repeat exactly for the same (seed, replication, name)", () => {
    expect(draws(1, 0, "arrivals:phone", 1000)).toEqual(draws(1, 0, "arrivals:phone", 1000));
  });

  it("differ by seed, replication and name", () => {
    const base = draws(1, 0, "arrivals:phone", 10);
    expect(draws(2, 0, "arrivals:phone", 10)).not.toEqual(base);
    expect(draws(1, 1, "arrivals:phone", 10)).not.toEqual(base);
    expect(draws(1, 0, "arrivals:chat", 10)).not.toEqual(base);
  });

  it("draw uniformly in (0, 1)", () => {
    // 200k draws: the mean's standard error is 0.00065, the tolerance 0.003 is ~5 of them;
    // each decile holds 10% +- 0.5% (about 7.5 standard errors)
    const xs = draws(42, 3, "handle:l1", 200_000);
    const deciles = new Array(10).fill(0);
    let sum = 0;
    let outside = 0;
    for (const x of xs) {
      if (!(x > 0 && x < 1)) outside++;
      sum += x;
      deciles[Math.floor(x * 10)]++;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / xs.length - 0.5)).toBeLessThan(0.003);
    for (const d of deciles) expect(Math.abs(d / xs.length - 0.1)).toBeLessThan(0.005);
  });

  it("give streams that are uncorrelated with each other and along themselves", () => {
    // correlation of 100k pairs has standard error 0.0032; tolerance 0.015 (~5 of them)
    const a = draws(1, 0, "outcome:l1", 100_000);
    const b = draws(1, 0, "outcome:l2", 100_000);
    expect(Math.abs(correlation(a, b))).toBeLessThan(0.015);
    expect(Math.abs(correlation(a.slice(1), a.slice(0, -1)))).toBeLessThan(0.015);
  });
});

function correlation(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}
