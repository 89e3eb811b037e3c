import { describe, expect, it } from "vitest";
import { interval } from "./runBacktest";
import { checkSplit, checkWindowsAgainstLog, formatWindow, parseWindow, WindowError } from "./window";

const DAY = 86_400_000;
const day = (text: string) => Date.parse(`${text}T00:00Z`);

describe("periods", () => {
  it("reads FROM..TO, a TO without a time covering that whole day", () => {
    const w = parseWindow("--train", "2016-03-01..2016-04-30");
    expect(w).toEqual({ fromMs: day("2016-03-01"), toMs: day("2016-05-01") });
    expect(formatWindow(w)).toBe("2016-03-01..2016-04-30");
    expect(parseWindow("--test", "2016-05-01T08:00..2016-05-02T08:00").toMs).toBe(day("2016-05-02") + 8 * 3600_000);
  });

  it("says how to write a period it cannot read", () => {
    expect(() => parseWindow("--train", "2016-03-01")).toThrow(/must be written FROM\.\.TO/);
    expect(() => parseWindow("--train", "March..April")).toThrow(/"March" is not a date/);
    expect(() => parseWindow("--train", "2016-04-01..2016-03-01")).toThrow(/ends before it starts/);
    expect(() => parseWindow("--train", undefined)).toThrow(WindowError);
  });

  it("refuses a short train period, overlapping periods and a test before the train", () => {
    const w = (a: string, b: string) => parseWindow("--x", `${a}..${b}`);
    expect(() => checkSplit(w("2016-03-01", "2016-03-03"), w("2016-04-01", "2016-04-30"))).toThrow(/at least 7 days/);
    expect(() => checkSplit(w("2016-03-01", "2016-04-10"), w("2016-04-01", "2016-04-30"))).toThrow(/overlap/);
    expect(() => checkSplit(w("2016-04-01", "2016-04-30"), w("2016-03-01", "2016-03-10"))).toThrow(/later period/);
    expect(() => checkSplit(w("2016-03-01", "2016-03-31"), w("2016-04-01", "2016-04-30"))).not.toThrow();
  });

  it("refuses periods outside the log, reaching past it, or without tickets", () => {
    const span = { firstStartMs: day("2016-03-01"), lastStartMs: day("2016-05-31"), lastEventMs: day("2016-06-10") };
    const train = parseWindow("--train", "2016-03-01..2016-04-30");
    const ok = { train: 100, test: 50 };
    expect(() => checkWindowsAgainstLog(train, parseWindow("--test", "2017-01-01..2017-01-31"), span, ok)).toThrow(
      /--test 2017-01-01\.\.2017-01-31 is outside the log: the log's tickets start from 2016-03-01 to 2016-05-31/,
    );
    expect(() => checkWindowsAgainstLog(train, parseWindow("--test", "2016-05-01..2016-06-30"), span, ok)).toThrow(
      /reaches past the log/,
    );
    const test = parseWindow("--test", "2016-05-01..2016-05-31");
    expect(() => checkWindowsAgainstLog(train, test, span, { train: 100, test: 0 })).toThrow(
      /no ticket starts in --test/,
    );
    expect(() => checkWindowsAgainstLog(train, test, span, { train: 12, test: 5 })).toThrow(/only 12 tickets/);
    expect(() => checkWindowsAgainstLog(train, test, span, ok)).not.toThrow();
    expect(span.lastEventMs - span.lastStartMs).toBe(10 * DAY);
  });
});

describe("prediction interval over replications", () => {
  it("is mean ± t(0.975, n-1)·sd·√(1 + 1/n)", () => {
    // 1, 2, 3: mean 2, sd 1, t(2) = 4.3027, √(4/3)
    const i = interval([1, 2, 3]);
    expect(i.mean).toBe(2);
    expect(i.high! - 2).toBeCloseTo(4.3027 * Math.sqrt(4 / 3), 4);
    expect(interval([5])).toEqual({ mean: 5, low: 5, high: 5 });
    expect(interval([Number.NaN, undefined])).toEqual({ mean: null, low: null, high: null });
  });
});
