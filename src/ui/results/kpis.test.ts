import { describe, expect, it } from "vitest";
import { KPI_NAMES } from "../../sim/results";
import { formatDifference, formatInterval, formatValue, KPI_CARDS, KPI_DEFINITIONS } from "./kpis";

describe("formatValue", () => {
  it("writes shares as percent, times in a readable unit, money with cents", () => {
    expect(formatValue(0.873, "share")).toBe("87.3%");
    expect(formatValue(0.043, "share")).toBe("4.3%");
    expect(formatValue(12240, "seconds")).toBe("3.4 h");
    expect(formatValue(4.2, "money")).toBe("4.20");
    expect(formatValue(2181.4, "count")).toBe("2,181");
    expect(formatValue(Number.NaN, "share")).toBe("—");
  });
});

describe("formatDifference", () => {
  it("signs differences at the table's precision, and leaves what rounds to zero unsigned", () => {
    expect(formatDifference(0.019, "share")).toBe("+1.9 pp");
    expect(formatDifference(-0.0004, "share")).toBe("0.0 pp");
    expect(formatDifference(-0.0017, "count")).toBe("0.0");
    expect(formatDifference(-120, "count")).toBe("−120");
    expect(formatDifference(0, "seconds")).toBe("0.0 s");
  });
});

describe("formatInterval", () => {
  it("gives both ends in the figure's unit", () => {
    expect(formatInterval({ mean: 0.8, ci95: [0.78, 0.82] }, "share")).toBe("95% CI 78.0% – 82.0%");
  });
});

describe("KPI definitions", () => {
  it("define FCR exactly as the metric counts it", () => {
    const fcr = KPI_CARDS.find((c) => c.name === "fcr");
    expect(fcr?.definition).toContain("resolved at the first contact, with no escalation, reopen or repeat contact");
  });

  it("say what every KPI counts", () => {
    for (const name of KPI_NAMES) expect(KPI_DEFINITIONS[name].length, name).toBeGreaterThan(30);
    for (const card of KPI_CARDS) expect(card.definition).toBe(card.definition.trim());
  });
});
