import { describe, expect, it } from "vitest";
import { binnedEmdHours, circadianEmd, countNgrams, histogramEmd, ngramDistance } from "./distances";

describe("n-gram distance", () => {
  it("pads each sequence with n-1 start and end markers", () => {
    // [A] padded: S S A E E -> SSA, SAE, AEE
    expect(countNgrams([["A"]], 3).size).toBe(3);
    // [A, B] padded: S S A B E E -> 4 trigrams
    expect([...countNgrams([["A", "B"]], 3).values()].reduce((s, n) => s + n, 0)).toBe(4);
  });

  it("is 0 for the same mix of sequences, whatever the volume", () => {
    const a = countNgrams([["L1"], ["L1", "L2"]]);
    const b = countNgrams([["L1"], ["L1"], ["L1", "L2"], ["L1", "L2"]]);
    expect(ngramDistance(a, b)).toBeCloseTo(0, 12);
  });

  it("is 1 when the logs share no n-gram", () => {
    expect(ngramDistance(countNgrams([["A"]]), countNgrams([["B"]]))).toBeCloseTo(1, 12);
  });

  it("counts half the non-overlapping frequency: [A] against [A, B] by hand", () => {
    // [A]: SSA, SAE, AEE (1/3 each). [A,B]: SSA, SAB, ABE, BEE (1/4 each).
    // |1/3-1/4| + 1/3 + 1/3 + 1/4 + 1/4 + 1/4 = 1/12 + 2/3 + 3/4 = 1.5; half: 0.75
    expect(ngramDistance(countNgrams([["A"]]), countNgrams([["A", "B"]]))).toBeCloseTo(0.75, 12);
  });

  it("is NaN when a log has no sequence", () => {
    expect(ngramDistance(new Map(), countNgrams([["A"]]))).toBeNaN();
  });
});

describe("earth mover's distance on hourly bins", () => {
  it("moves all the mass one bin: 1", () => {
    expect(histogramEmd([1, 0], [0, 1])).toBe(1);
  });

  it("moves half the mass two bins: 1", () => {
    // F = [0.5, 0.5, 1], G = [0, 0, 1]: |0.5| + |0.5| = 1
    expect(histogramEmd([1, 0, 1], [0, 0, 2])).toBe(1);
  });

  it("scales histograms to shares: twice the counts are the same distribution", () => {
    expect(histogramEmd([2, 4, 2], [1, 2, 1])).toBe(0);
  });

  it("bins samples by whole hours", () => {
    // 0.2 h and 0.9 h fall in bin 0, 3.5 h in bin 3: all mass moves 3 bins
    expect(binnedEmdHours([0.2, 0.9], [3.5])).toBe(3);
    expect(binnedEmdHours([], [1])).toBeNaN();
  });

  it("averages the circadian distance over weekdays, a weekday in one log only counting 23", () => {
    const a = new Float64Array(168);
    const b = new Float64Array(168);
    a[9] = 5; // Monday 09:00
    b[11] = 2; // Monday 11:00: 2 hours apart
    a[24 + 10] = 1; // Tuesday only in a: 23
    expect(circadianEmd(a, b)).toBe((2 + 23) / 2);
    expect(circadianEmd(new Float64Array(168), new Float64Array(168))).toBeNaN();
  });
});
