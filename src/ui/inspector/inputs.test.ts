import { describe, expect, it } from "vitest";
import { formatDurationText, parseDurationText } from "./DurationInput";
import { formatNumber, formatSharePercent, parseNumberText, parseShareText } from "./fields";

/** Each text parser: what it reads (text, value) and what it rejects with a message. */
const PARSERS: { name: string; parse: typeof parseShareText; reads: [string, number][]; rejects: string[] }[] = [
  {
    name: "parseDurationText",
    parse: parseDurationText,
    reads: [
      ["6m", 360],
      ["90s", 90],
      ["2h", 7200],
      ["1.5h", 5400],
      ["45", 45],
      [" 7m ", 420],
    ],
    rejects: ["", "7 minutes", "m", "-3m", "1e3"],
  },
  {
    name: "parseShareText (issue 10: shares typed as a person types them)",
    parse: parseShareText,
    reads: [
      ["60%", 0.6],
      ["60", 0.6],
      ["0.6", 0.6],
      ["12.5 %", 0.125],
      ["1", 1],
      ["100%", 1],
      ["0", 0],
      ["0,25", 0.25],
      ["7", 0.07],
    ],
    rejects: ["", "%", "abc", "-5%", "150%", "101", "NaN", "Infinity"],
  },
];

describe.each(PARSERS)("$name", ({ parse, reads, rejects }) => {
  it.each(reads)("reads %j as %d", (text, value) => {
    expect(parse(text)).toEqual({ ok: true, value });
  });

  it.each(rejects)("rejects %j with a message", (text) => {
    const result = parse(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message.length).toBeGreaterThan(5);
  });
});

describe("writing values back", () => {
  it("writes seconds back as a person types them", () => {
    expect(formatDurationText(420)).toBe("7m");
    expect(formatDurationText(5400)).toBe("90m");
    expect(formatDurationText(20)).toBe("20s");
  });

  it("shows a share as a percentage without float noise", () => {
    expect(formatSharePercent(0.6)).toBe("60%");
    expect(formatSharePercent(0.1 + 0.2)).toBe("30%");
    expect(formatSharePercent(0.125)).toBe("12.5%");
  });
});

describe("parseNumberText", () => {
  it("accepts numbers in bounds and never returns NaN", () => {
    expect(parseNumberText("0.25", { min: 0, max: 1 })).toEqual({ ok: true, value: 0.25 });
    expect(parseNumberText("0,5")).toEqual({ ok: true, value: 0.5 });
    expect(parseNumberText("abc")).toEqual({ ok: false, message: '"abc" is not a number' });
    expect(parseNumberText("")).toEqual({ ok: false, message: "Enter a number" });
    expect(parseNumberText("1.5", { integer: true })).toEqual({ ok: false, message: "Must be a whole number" });
    expect(parseNumberText("2", { max: 1 })).toEqual({ ok: false, message: "Must be at most 1" });
    expect(parseNumberText("Infinity").ok).toBe(false);
  });

  it("formats without float noise", () => {
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
  });
});
