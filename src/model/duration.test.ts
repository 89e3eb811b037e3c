import { describe, expect, it } from "vitest";
import { describeSeconds, formatDuration, parseDuration } from "./duration";

describe("parseDuration", () => {
  it("reads numbers as seconds and strings with their unit", () => {
    expect(parseDuration(90)).toBe(90);
    expect(parseDuration("90s")).toBe(90);
    expect(parseDuration("6m")).toBe(360);
    expect(parseDuration("2h")).toBe(7200);
    expect(parseDuration("3d")).toBe(259200);
    expect(parseDuration("1.5h")).toBe(5400);
    expect(parseDuration(" 45 ")).toBe(45);
  });

  it("returns undefined for text that is not a duration", () => {
    expect(parseDuration("six minutes")).toBeUndefined();
    expect(parseDuration("6x")).toBeUndefined();
    expect(parseDuration("")).toBeUndefined();
    expect(parseDuration(Number.NaN)).toBeUndefined();
  });
});

describe("formatDuration", () => {
  it("uses the largest unit that holds the value as a whole number", () => {
    expect(formatDuration(360)).toBe("6m");
    expect(formatDuration(90)).toBe("90s");
    expect(formatDuration(7200)).toBe("2h");
    expect(formatDuration(28 * 86400)).toBe("28d");
    expect(formatDuration(0)).toBe("0s");
  });

  it("round-trips through parseDuration exactly", () => {
    for (const seconds of [0, 0.5, 1, 59, 61, 90, 270, 3599, 3600, 5400, 86399, 123.456]) {
      const formatted = formatDuration(seconds);
      expect(parseDuration(formatted)).toBe(seconds);
    }
  });
});

describe("describeSeconds", () => {
  it("picks a readable unit", () => {
    expect(describeSeconds(45)).toBe("45 s");
    expect(describeSeconds(372)).toBe("6.2 min");
    expect(describeSeconds(3.4 * 3600)).toBe("3.4 h");
    expect(describeSeconds(3 * 86400)).toBe("3 d");
  });
});
