import { describe, expect, it } from "vitest";
import { addToHistogram, HISTOGRAM_BINS, histogramBin } from "./histogram";
import { createStream } from "./rng";

/** The bin addToHistogram counts `seconds` in. */
function binCounted(seconds: number): number {
  const counts = new Float64Array(HISTOGRAM_BINS);
  addToHistogram(counts, seconds);
  const bins = [...counts.keys()].filter((i) => counts[i] !== 0);
  expect(bins).toHaveLength(1);
  expect(counts[bins[0]!]).toBe(1);
  return bins[0]!;
}

const buffer = new Float64Array(1);
const bits = new BigInt64Array(buffer.buffer);
/** x moved by `ulps` units in the last place. */
function ulpStep(x: number, ulps: number): number {
  buffer[0] = x;
  bits[0]! += BigInt(ulps);
  return buffer[0]!;
}

describe("addToHistogram", () => {
  it("counts every time in the bin of the defining formula, exactly (no logarithm on the hot path)", () => {
    const values: number[] = [0, -1, Number.NaN, 1e-4, 1e-3, 1, 20, 300, 86400, 1e9, 1e12, Number.MAX_VALUE];
    // both sides of every bin edge, to the last ulp
    for (let b = 0; b <= HISTOGRAM_BINS; b++) {
      const edge = 10 ** (-3 + b / 40);
      for (let d = -8; d <= 8; d++) values.push(ulpStep(edge, d));
    }
    // random times over the whole range, and exponential-looking times around minutes
    const rng = createStream(1, 0, "histogram-test");
    for (let i = 0; i < 100_000; i++) values.push(10 ** (-4 + 14 * rng.next()));
    for (let i = 0; i < 100_000; i++) values.push(-300 * Math.log(rng.next()));
    // each value must raise the formula's bin by one, and nothing else (the total checks that)
    const counts = new Float64Array(HISTOGRAM_BINS);
    let mismatches = 0;
    for (const v of values) {
      const bin = histogramBin(v);
      const before = counts[bin]!;
      addToHistogram(counts, v);
      if (counts[bin] !== before + 1) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(values.length);
  });

  it("keeps the layout: below 1 ms in bin 0, 40 bins per decade, the last bin open-ended", () => {
    expect(binCounted(0)).toBe(0);
    expect(binCounted(5e-4)).toBe(0);
    // away from the edges: 1 + floor(40 log10(s) + 120)
    expect(binCounted(1.5)).toBe(128);
    expect(binCounted(20)).toBe(173);
    expect(binCounted(3600)).toBe(263);
    expect(binCounted(1e30)).toBe(HISTOGRAM_BINS - 1);
  });
});
