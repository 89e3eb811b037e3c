import { describe, expect, it } from "vitest";
import { formatDifference, formatEstimate, formatTable, formatValue } from "./format";

describe("formatValue", () => {
  it("shows each unit as a manager reads it", () => {
    expect(formatValue(0.7234, "share")).toBe("72.3%");
    expect(formatValue(372, "seconds")).toBe("6.2 min");
    expect(formatValue(12345.678, "money")).toBe("12,345.68");
    expect(formatValue(1234567.4, "count")).toBe("1,234,567");
    expect(formatValue(7.25, "count")).toBe("7.3");
    expect(formatValue(null, "share")).toBe("—");
    expect(formatValue(Number.NaN, "seconds")).toBe("—");
  });
});

describe("formatEstimate", () => {
  it("gives the mean and its 95% interval, or the mean alone when the interval is a point", () => {
    expect(formatEstimate({ mean: 0.8, ci95: [0.78, 0.82] }, "share")).toBe("80.0% (78.0% – 82.0%)");
    expect(formatEstimate({ mean: 0.8, ci95: [0.8, 0.8] }, "share")).toBe("80.0%");
    expect(formatEstimate(undefined, "share")).toBe("—");
  });

  it("writes the bounds in the mean's unit and adds digits until a tight interval shows", () => {
    expect(formatEstimate({ mean: 96, ci95: [76, 116] }, "seconds")).toBe("1.6 min (1.3 min – 1.9 min)");
    expect(formatEstimate({ mean: 6840, ci95: [6780, 6900] }, "seconds")).toBe("1.90 h (1.88 h – 1.92 h)");
    expect(formatEstimate({ mean: 0.5, ci95: [0.49999, 0.50001] }, "share")).toBe("50.000% (49.999% – 50.001%)");
  });
});

describe("formatDifference", () => {
  it("signs differences, in percentage points for shares, and leaves zero unsigned", () => {
    expect(formatDifference(0.021, "share")).toBe("+2.1 pp");
    expect(formatDifference(-16.4, "seconds")).toBe("−16 s");
    expect(formatDifference(-0.3, "seconds")).toBe("−0.3 s");
    expect(formatDifference(-0.0004, "share")).toBe("0.0 pp");
    expect(formatDifference(0.5, "money")).toBe("+0.50");
  });
});

describe("formatTable", () => {
  it("aligns columns, numbers to the right", () => {
    const text = formatTable(
      [
        ["name", "n"],
        ["a", "1"],
        ["longer", "100"],
      ],
      [1],
    );
    expect(text).toBe("name      n\na         1\nlonger  100\n");
  });
});
