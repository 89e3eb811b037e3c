import { describe, expect, it } from "vitest";
import { formatDifference, formatInterval, formatValue } from "./kpis";

describe("formatValue", () => {
  it("writes shares as percent, times in a readable unit, money with cents", () => {
    expect(formatValue(0.873, "share")).toBe("87%");
    expect(formatValue(0.043, "share")).toBe("4.3%");
    expect(formatValue(12240, "seconds")).toBe("3.4 h");
    expect(formatValue(4.2, "money")).toBe("4.20");
    expect(formatValue(2181.4, "count")).toBe("2,181");
    expect(formatValue(Number.NaN, "share")).toBe("—");
  });
});

describe("formatDifference", () => {
  it("signs differences and writes shares in percentage points", () => {
    expect(formatDifference(0.019, "share")).toBe("+1.9 pp");
    expect(formatDifference(-0.0004, "share")).toBe("−0.04 pp");
    expect(formatDifference(-0.034, "count")).toBe("−0.034");
    expect(formatDifference(-120, "count")).toBe("−120");
    expect(formatDifference(0, "seconds")).toBe("±0 s");
  });
});

describe("formatInterval", () => {
  it("gives both ends in the figure's unit", () => {
    expect(formatInterval({ mean: 0.8, ci95: [0.78, 0.82] }, "share")).toBe("95% CI 78% – 82%");
  });
});
