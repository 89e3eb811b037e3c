import { describe, expect, it } from "vitest";
import {
  formatBrief,
  formatDifference,
  formatDifferenceWithInterval,
  formatEstimate,
  formatHalfWidth,
  formatInterval,
  formatPlain,
  formatThreshold,
  formatValue,
  type KpiUnit,
} from "./format";

const UNITS: KpiUnit[] = ["share", "seconds", "count", "money"];
/** Float noise and extremes a run can produce: none may show as exponent notation. */
const AWKWARD = [6.7e-15, -6.7e-15, -0.0017, 1e-9, 0.00049, 123456789.123, -2.5e-7, 1e20];

describe("formatValue", () => {
  it.each<[number | null, KpiUnit, string]>([
    [0.7234, "share", "72.3%"],
    [0.873, "share", "87.3%"],
    [0.043, "share", "4.3%"],
    [372, "seconds", "6.2 min"],
    [12240, "seconds", "3.4 h"],
    [45, "seconds", "45 s"],
    [3.25, "seconds", "3.3 s"],
    [5 * 86400, "seconds", "5.0 d"],
    [12345.678, "money", "12,345.68"],
    [4.2, "money", "4.20"],
    [2181.4, "count", "2,181"],
    [Number.NaN, "share", "—"],
    [1234567.4, "count", "1,234,567"],
    [7.25, "count", "7.3"],
    [null, "share", "—"],
    [Number.NaN, "seconds", "—"],
  ])("writes %s (%s) as a manager reads it: %s", (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  it("never writes float noise: no exponent, no signed zero", () => {
    for (const unit of UNITS) {
      for (const value of AWKWARD) {
        const text = formatValue(value, unit);
        expect(text, `${value} ${unit}`).not.toMatch(/e[+-]?\d/i);
        expect(text, `${value} ${unit}`).not.toMatch(/^[−-][0.,]+\D*$/);
      }
    }
    expect(formatValue(-0.0017, "count")).toBe("0.0");
    expect(formatValue(6.7e-15, "share")).toBe("0.0%");
    expect(formatValue(-3.5, "count")).toBe("−3.5");
  });

  it("moves to the next time unit where rounding would show 90 s or 90 min", () => {
    expect(formatValue(89.7, "seconds")).toBe("1.5 min");
    expect(formatValue(89.96 * 60, "seconds")).toBe("1.5 h");
  });
});

describe("formatBrief", () => {
  it("rounds figures for sentences further than tables do", () => {
    expect(formatBrief(0.97, "share")).toBe("97%");
    expect(formatBrief(0.043, "share")).toBe("4.3%");
    expect(formatBrief(4 * 3600, "seconds")).toBe("4 h");
    expect(formatBrief(12240, "seconds")).toBe("3.4 h");
    expect(formatBrief(4, "money")).toBe("4.00");
    expect(formatBrief(2181.4, "count")).toBe("2,181");
    expect(formatBrief(-1e-12, "count")).toBe("0");
  });
});

describe("formatEstimate and formatInterval", () => {
  it("give the mean and its 95% interval, or the mean alone when the interval is a point", () => {
    expect(formatEstimate({ mean: 0.8, ci95: [0.78, 0.82] }, "share")).toBe("80.0% (78.0% – 82.0%)");
    expect(formatEstimate({ mean: 0.8, ci95: [0.8, 0.8] }, "share")).toBe("80.0%");
    expect(formatEstimate(undefined, "share")).toBe("—");
    expect(formatInterval({ mean: 0.8, ci95: [0.78, 0.82] }, "share")).toBe("95% CI 78.0% – 82.0%");
  });

  it("write the bounds in the mean's unit and add digits until a tight interval shows", () => {
    expect(formatEstimate({ mean: 96, ci95: [76, 116] }, "seconds")).toBe("1.6 min (1.3 min – 1.9 min)");
    expect(formatEstimate({ mean: 6840, ci95: [6780, 6900] }, "seconds")).toBe("1.90 h (1.88 h – 1.92 h)");
    expect(formatEstimate({ mean: 0.5, ci95: [0.49999, 0.50001] }, "share")).toBe("50.000% (49.999% – 50.001%)");
    expect(formatInterval({ mean: 80, ci95: [50, 110] }, "seconds")).toBe("95% CI 50 s – 110 s");
    expect(formatInterval({ mean: 0, ci95: [0, 0] }, "share")).toBe("95% CI ± 0 pp");
  });

  it("never write an interval whose ends read the same: its half-width instead", () => {
    // 2.5684 min to 2.5686 min reads "2.568 min" at both ends even with two more digits.
    const tight = { mean: 154.106, ci95: [154.105, 154.107] as [number, number] };
    expect(formatEstimate(tight, "seconds")).toBe("2.6 min (± 0.001 s)");
    expect(formatInterval(tight, "seconds")).toBe("95% CI ± 0.001 s");
    expect(formatInterval({ mean: 0.5, ci95: [0.4999999, 0.5000001] }, "share")).toBe("95% CI ± 0.00001 pp");
    expect(formatHalfWidth([7200, 21600], "seconds")).toBe("2 h");
    expect(formatHalfWidth([10, 10], "count")).toBe("0");
    const cases: [number, number, number][] = [
      [154.106, 154.105, 154.107],
      [0.5, 0.49999, 0.50001],
      [96, 76, 116],
      [12.5, 12.4999, 12.5001],
    ];
    for (const [mean, lo, hi] of cases) {
      const text = formatInterval({ mean, ci95: [lo, hi] }, "seconds");
      const ends = text.replace("95% CI ", "").split(" – ");
      expect(ends.length === 1 || ends[0] !== ends[1], text).toBe(true);
    }
  });

  it("clip bounds to what the figure can be: no negative times, no share above 100%", () => {
    expect(formatInterval({ mean: 1.7, ci95: [-5.7, 9.1] }, "seconds")).toBe("95% CI 0.0 s – 9.1 s");
    expect(formatEstimate({ mean: 0.998, ci95: [0.995, 1.001] }, "share")).toBe("99.8% (99.5% – 100.0%)");
    expect(formatEstimate({ mean: 2, ci95: [-1, 5] }, "count")).toBe("2.0 (0.0 – 5.0)");
  });
});

describe("formatDifference", () => {
  it("signs differences, in percentage points for shares, and leaves zero unsigned", () => {
    expect(formatDifference(0.021, "share")).toBe("+2.1 pp");
    expect(formatDifference(0.019, "share")).toBe("+1.9 pp");
    expect(formatDifference(0, "seconds")).toBe("0.0 s");
    expect(formatDifference(-16.4, "seconds")).toBe("−16 s");
    expect(formatDifference(-0.3, "seconds")).toBe("−0.3 s");
    expect(formatDifference(-0.0004, "share")).toBe("0.0 pp");
    expect(formatDifference(0.5, "money")).toBe("+0.50");
    expect(formatDifference(-120, "count")).toBe("−120");
  });

  it("writes the issue's noise as zero", () => {
    expect(formatDifference(6.7e-17, "share")).toBe("0.0 pp");
    expect(formatDifference(-0.0017, "count")).toBe("0.0");
    for (const unit of UNITS) {
      for (const value of AWKWARD) expect(formatDifference(value, unit)).not.toMatch(/e[+-]?\d/i);
    }
  });

  it("writes a difference and its interval in one unit", () => {
    expect(formatDifferenceWithInterval(0.021, [0.014, 0.028], "share")).toBe("+2.1 pp (+1.4 to +2.8)");
    expect(formatDifferenceWithInterval(-252, [-300, -204], "seconds")).toBe("−4.2 min (−5.0 to −3.4)");
    expect(formatDifferenceWithInterval(30, [-20, 100], "seconds")).toBe("+0.5 min (−0.3 to +1.7)");
    expect(formatDifferenceWithInterval(-0.0017, [-0.0019, -0.0015], "count")).toBe("0.0");
    expect(formatDifferenceWithInterval(2, [Number.NaN, Number.NaN], "count")).toBe("+2.0");
  });
});

describe("formatThreshold", () => {
  it("writes a threshold in the unit a manager sets it", () => {
    expect(formatThreshold(0.005, "share")).toBe("0.5 pp");
    expect(formatThreshold(1, "seconds")).toBe("1 s");
    expect(formatThreshold(600, "seconds")).toBe("10 min");
    expect(formatThreshold(60, "seconds")).toBe("1 min");
    expect(formatThreshold(5400, "seconds")).toBe("1.5 h");
    expect(formatThreshold(1, "count")).toBe("1 ticket");
    expect(formatThreshold(2.5, "count")).toBe("2.5 tickets");
    expect(formatThreshold(0.05, "money")).toBe("0.05");
  });
});

describe("formatPlain", () => {
  it("writes exports in plain units without exponents or float noise", () => {
    expect(formatPlain(0.80123456789, "share")).toBe("0.801235");
    expect(formatPlain(6.7e-15, "share")).toBe("0");
    expect(formatPlain(-0.00000001, "count")).toBe("0");
    expect(formatPlain(1234567.891, "seconds")).toBe("1234567.891");
    expect(formatPlain(-2.5, "money")).toBe("-2.5");
    expect(formatPlain(null, "count")).toBe("");
  });
});
