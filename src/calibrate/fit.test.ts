/** The written distribution keeps the sample's shape: p50 and p90 within 10% on heavy tails. */
import { describe, expect, it } from "vitest";
import { cdfOf, distQuantile, fitDuration, meanOf, quantileSorted } from "./fit";
import { DurationSample } from "./sample";

/** A seeded uniform generator (mulberry32). */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297;
  };
}
const normal = (u: () => number) => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());

function draw(seed: number, f: (u: () => number) => number, count = 20000): DurationSample {
  const u = uniform(seed);
  const sample = new DurationSample(4000, seed);
  for (let i = 0; i < count; i++) sample.add(f(u));
  return sample;
}

// Shapes seen in help-desk logs: heavy right tails, snapshot rows logged to the minute,
// instant rows, and work that is either quick or parked for days.
const HEAVY: [string, (u: () => number) => number][] = [
  ["lognormal, sigma 2 (median 3.4 min, mean 15 min)", (u) => Math.exp(Math.log(204) + 2 * normal(u))],
  ["Pareto tail (alpha 1.2)", (u) => 60 * (u() ** (-1 / 1.2) - 1) + 5],
  ["to the minute, with a tail", (u) => 60 * Math.round(Math.exp(1.5 + 1.4 * normal(u)))],
  ["30% instant, rest lognormal", (u) => (u() < 0.3 ? 0 : Math.exp(6 + 1.2 * normal(u)))],
  ["quick or parked for days", (u) => (u() < 0.7 ? Math.exp(5 + 0.5 * normal(u)) : Math.exp(12 + normal(u)))],
  ["exponential", (u) => -300 * Math.log(u())],
  ["gamma shape 0.4", (u) => gamma04(u)],
];

describe("fitDuration keeps the log's shape", () => {
  for (const [name, f] of HEAVY) {
    it(`writes a distribution whose p50 and p90 are within 10% of the sample's: ${name}`, () => {
      const sample = draw(name.length * 7 + 1, f);
      const fit = fitDuration(sample);
      const sorted = sample.sorted();
      for (const q of [0.5, 0.9]) {
        const want = quantileSorted(sorted, q);
        const got = distQuantile(fit.dist, q);
        // Tolerance: 10% of the sample quantile, or one second for instant durations.
        expect(Math.abs(got - want), `${name} p${q * 100}: ${got} vs ${want} (${fit.chosen})`).toBeLessThanOrEqual(
          Math.max(1, 0.1 * want),
        );
      }
      // The distance reported is the written distribution's own.
      expect(fit.ks).toBeLessThan(0.06);
    });
  }

  it("fits a lognormal by maximum likelihood, not by keeping the sample mean", () => {
    const sample = draw(3, (u) => Math.exp(Math.log(204) + 1.5 * normal(u)));
    const fit = fitDuration(sample);
    expect(fit.chosen).toBe("lognormal");
    // True median 204 s, true mean 204 e^(1.125) = 628 s: within 5% each with 20,000 values.
    expect(Math.abs(distQuantile(fit.dist, 0.5) / 204 - 1)).toBeLessThan(0.05);
    expect(Math.abs(meanOf(fit.dist) / 628.5 - 1)).toBeLessThan(0.08);
  });

  it("falls back to a quantile table when no family fits, and says which distance failed", () => {
    const sample = draw(5, (u) => (u() < 0.5 ? 60 + 5 * normal(u) : 3600 + 60 * normal(u)));
    const fit = fitDuration(sample);
    expect(fit.chosen).toBe("empirical");
    expect(Math.min(...Object.values(fit.distances ?? {}))).toBeGreaterThan(0.05);
    expect(cdfOf(fit.dist)(1800)).toBeCloseTo(0.5, 1);
  });

  it("reports nothing measured for an empty sample", () => {
    expect(fitDuration(new DurationSample()).chosen).toBe("none");
  });
});

// helpers

/** Gamma with shape 0.4, scale 1000 (Ahrens–Dieter GS for shape < 1). */
function gamma04(u: () => number): number {
  const a = 0.4;
  const b = 1 + a / Math.E;
  for (;;) {
    const p = b * u();
    if (p <= 1) {
      const x = p ** (1 / a);
      if (u() <= Math.exp(-x)) return 1000 * x;
    } else {
      const x = -Math.log((b - p) / a);
      if (u() <= x ** (a - 1)) return 1000 * x;
    }
  }
}
