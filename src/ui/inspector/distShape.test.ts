import { describe, expect, it } from "vitest";
import type { Dist } from "../../model";
import { distShape, pdf } from "./distShape";

/** Integral of the density over [0, upper] by the midpoint rule on 20 000 steps. */
function mass(dist: Dist, upper: number): number {
  const steps = 20_000;
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += pdf(dist, ((i + 0.5) * upper) / steps);
  return (sum * upper) / steps;
}

describe("pdf", () => {
  // Tolerance 1e-3: the midpoint rule on a fine grid, with the tail beyond `upper` below 1e-4.
  it.each<[Dist, number]>([
    [{ dist: "exponential", mean: 360 }, 360 * 12],
    [{ dist: "lognormal", mean: 360, sd: 240 }, 360 * 30],
    [{ dist: "gamma", mean: 300, sd: 150 }, 300 * 10],
    [{ dist: "erlang", k: 3, mean: 600 }, 600 * 8],
    [{ dist: "triangular", min: 60, mode: 120, max: 400 }, 400],
    [{ dist: "uniform", min: 30, max: 90 }, 100],
    [{ dist: "normal", mean: 500, sd: 100 }, 1500],
  ])("%o integrates to 1", (dist, upper) => {
    expect(Math.abs(mass(dist, upper) - 1)).toBeLessThan(1e-3);
  });

  it("has the mean of the lognormal it was given (first moment)", () => {
    const dist: Dist = { dist: "lognormal", mean: 360, sd: 240 };
    const upper = 360 * 40;
    const steps = 40_000;
    let m = 0;
    for (let i = 0; i < steps; i++) {
      const x = ((i + 0.5) * upper) / steps;
      m += x * pdf(dist, x);
    }
    // Tolerance 0.5 s on 360 s: quadrature error plus the tail beyond 40 means.
    expect(Math.abs((m * upper) / steps - 360)).toBeLessThan(0.5);
  });
});

describe("distShape", () => {
  it("draws fixed and empirical values as point masses and mixtures as both", () => {
    expect(distShape({ dist: "fixed", value: 120 }).spikes).toEqual([{ x: 120, p: 1 }]);
    expect(distShape({ dist: "empirical", values: [60, 120], weights: [3, 1] }).spikes).toEqual([
      { x: 60, p: 0.75 },
      { x: 120, p: 0.25 },
    ]);
    const shape = distShape({
      dist: "mixture",
      parts: [
        { weight: 0.1, dist: { dist: "fixed", value: 0 } },
        { weight: 0.9, dist: { dist: "exponential", mean: 180 } },
      ],
    });
    expect(shape.spikes).toEqual([{ x: 0, p: 0.1 }]);
    expect(shape.density.some((d) => d > 0)).toBe(true);
    expect(shape.mean).toBeCloseTo(162, 9);
  });
});
