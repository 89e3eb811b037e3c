import { describe, expect, it } from "vitest";
import { estimate, tQuantile975 } from "./estimate";
import { addToHistogram, HISTOGRAM_BINS, histogramEdges, histogramQuantile } from "./histogram";

describe("Student t intervals", () => {
  it("use t(0.975, df) from the tables and the Cornish-Fisher expansion", () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(4)).toBeCloseTo(2.776, 3);
    expect(tQuantile975(9)).toBeCloseTo(2.262, 3);
    expect(tQuantile975(30)).toBeCloseTo(2.042, 3);
    expect(tQuantile975(40)).toBeCloseTo(2.021, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.98, 3);
    expect(tQuantile975(1e6)).toBeCloseTo(1.96, 3);
  });

  it("give mean +- t s / sqrt(n), skipping values that are not numbers", () => {
    const e = estimate([1, 2, 3, 4, 5, Number.NaN]);
    const half = (2.7764 * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(e.mean).toBe(3);
    expect(e.ci95[0]).toBeCloseTo(3 - half, 9);
    expect(e.ci95[1]).toBeCloseTo(3 + half, 9);
    expect(estimate([7])).toEqual({ mean: 7, ci95: [7, 7] });
    expect(estimate([])).toEqual({ mean: 0, ci95: [0, 0] });
  });
});

describe("streaming histograms", () => {
  it("find percentiles within the bin width of the exact ones", () => {
    const counts = new Float64Array(HISTOGRAM_BINS);
    // 1..10000 seconds, one each: exact median 5000, 90th percentile 9000
    for (let s = 1; s <= 10_000; s++) addToHistogram(counts, s);
    expect(Math.abs(histogramQuantile(counts, 0.5) / 5000 - 1)).toBeLessThan(0.03);
    expect(Math.abs(histogramQuantile(counts, 0.9) / 9000 - 1)).toBeLessThan(0.03);
    expect(histogramEdges().length).toBe(HISTOGRAM_BINS + 1);
  });

  it("read zero waits as 0 and an empty histogram as NaN", () => {
    const counts = new Float64Array(HISTOGRAM_BINS);
    expect(histogramQuantile(counts, 0.5)).toBeNaN();
    for (let i = 0; i < 60; i++) addToHistogram(counts, 0);
    for (let i = 0; i < 40; i++) addToHistogram(counts, 100);
    expect(histogramQuantile(counts, 0.5)).toBe(0);
    expect(Math.abs(histogramQuantile(counts, 0.9) / 100 - 1)).toBeLessThan(0.06);
  });
});
