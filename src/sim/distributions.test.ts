import { describe, expect, it } from "vitest";
import type { Dist } from "../model";
import { compileDist } from "./distributions";
import { createStream } from "./rng";

const N = 200_000;

/**
 * Each case: the distribution, its exact mean and sd. Tolerances: with 200k draws the mean's
 * standard error is sd/447, at most 0.4% of the mean here, so 1.5% is over 3.5 standard
 * errors; the sd's standard error grows with the tails (kurtosis) and stays under 1% for
 * these shapes, so 4% is safe.
 */
const CASES: { name: string; dist: Dist; mean: number; sd: number }[] = [
  { name: "fixed", dist: { dist: "fixed", value: 42 }, mean: 42, sd: 0 },
  { name: "exponential", dist: { dist: "exponential", mean: 180 }, mean: 180, sd: 180 },
  { name: "lognormal", dist: { dist: "lognormal", mean: 360, sd: 240 }, mean: 360, sd: 240 },
  { name: "gamma (shape > 1)", dist: { dist: "gamma", mean: 600, sd: 300 }, mean: 600, sd: 300 },
  { name: "gamma (shape < 1)", dist: { dist: "gamma", mean: 100, sd: 150 }, mean: 100, sd: 150 },
  { name: "erlang", dist: { dist: "erlang", k: 4, mean: 480 }, mean: 480, sd: 240 },
  {
    name: "triangular",
    dist: { dist: "triangular", min: 60, mode: 120, max: 600 },
    mean: 260,
    sd: Math.sqrt((60 * 60 + 120 * 120 + 600 * 600 - 60 * 120 - 60 * 600 - 120 * 600) / 18),
  },
  { name: "uniform", dist: { dist: "uniform", min: 100, max: 500 }, mean: 300, sd: 400 / Math.sqrt(12) },
  { name: "normal (far from 0)", dist: { dist: "normal", mean: 300, sd: 50 }, mean: 300, sd: 50 },
  {
    name: "empirical with weights",
    dist: { dist: "empirical", values: [10, 20, 50], weights: [1, 2, 1] },
    mean: 25,
    sd: Math.sqrt((100 + 2 * 400 + 2500) / 4 - 625),
  },
  {
    name: "mixture",
    dist: {
      dist: "mixture",
      parts: [
        { weight: 0.1, dist: { dist: "fixed", value: 0 } },
        { weight: 0.9, dist: { dist: "exponential", mean: 100 } },
      ],
    },
    mean: 90,
    // E[X^2] = 0.9 * 2 * 100^2
    sd: Math.sqrt(0.9 * 20000 - 90 * 90),
  },
];

describe("distributions", () => {
  for (const c of CASES) {
    it(`${c.name} has the stated mean and sd`, () => {
      const sampler = compileDist(c.dist);
      const rng = createStream(1, 0, c.name);
      let sum = 0;
      let sum2 = 0;
      let min = Number.POSITIVE_INFINITY;
      for (let i = 0; i < N; i++) {
        const x = sampler.sample(rng);
        sum += x;
        sum2 += x * x;
        if (x < min) min = x;
      }
      const mean = sum / N;
      const sd = Math.sqrt(Math.max(0, sum2 / N - mean * mean));
      expect(sampler.mean).toBeCloseTo(c.mean, 6);
      expect(Math.abs(mean - c.mean)).toBeLessThanOrEqual(0.015 * c.mean);
      if (c.sd === 0) expect(sd).toBeLessThan(1e-6);
      else expect(Math.abs(sd - c.sd)).toBeLessThanOrEqual(0.04 * c.sd);
      expect(min).toBeGreaterThanOrEqual(0);
    });
  }

  it("truncates a normal at 0 by resampling", () => {
    // normal(10, 20): P(X < 0) = 31%; the truncated mean is 10 + 20 phi(0.5) / Phi(0.5) = 26.0
    const sampler = compileDist({ dist: "normal", mean: 10, sd: 20 });
    const rng = createStream(3, 0, "normal");
    let sum = 0;
    let min = Number.POSITIVE_INFINITY;
    for (let i = 0; i < N; i++) {
      const x = sampler.sample(rng);
      min = Math.min(min, x);
      sum += x;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    const phi = Math.exp(-0.125) / Math.sqrt(2 * Math.PI);
    const truncatedMean = 10 + (20 * phi) / 0.6914624612740131;
    expect(Math.abs(sum / N - truncatedMean)).toBeLessThan(0.01 * truncatedMean);
  });
});
