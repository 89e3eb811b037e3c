import { describe, expect, it } from "vitest";
import { splitWindows } from "./backtestClient";

const day = (text: string) => Date.parse(`${text}T00:00Z`);

describe("the split picked on the weekly chart", () => {
  const weeks = ["2016-02-29", "2016-03-07", "2016-03-14", "2016-03-21"].map((d) => ({
    weekStartMs: day(d),
    tickets: 100,
  }));
  // The log's first ticket on Wednesday 2016-03-02, its last on Thursday 2016-03-24.
  const span = { firstStartMs: day("2016-03-02") + 3600_000, lastStartMs: day("2016-03-24") + 7200_000 };

  it("trains from the log's first day to the chosen week's Monday", () => {
    const { train, test } = splitWindows(weeks, 2, 1, span);
    expect(train).toEqual({ fromMs: day("2016-03-02"), toMs: day("2016-03-14") });
    expect(test).toEqual({ fromMs: day("2016-03-14"), toMs: day("2016-03-21") });
  });

  it("ends the test by the log's last day", () => {
    expect(splitWindows(weeks, 2, 2, span).test.toMs).toBe(day("2016-03-25"));
  });
});
