import { describe, expect, it } from "vitest";
import { guessIntervalColumns } from "./guessColumns";
import { type IntervalColumns, IntervalReportError, parseDurationCell, readIntervalReport } from "./readReport";

const COLUMNS: IntervalColumns = { start: "Interval", offered: "Offered", abandoned: "Abandoned", aht: "AHT" };

function report(rows: string[], header = "Interval,Offered,Abandoned,AHT"): string {
  return `${header}\n${rows.join("\n")}\n`;
}

/** Rows every `minutes` from 08:00 on 2026-01-05. */
function rowsEvery(minutes: number, count: number, cells = (i: number) => `${10 + i},1,3:00`): string[] {
  return Array.from({ length: count }, (_, i) => {
    const m = 8 * 60 + i * minutes;
    return `2026-01-05 ${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")},${cells(i)}`;
  });
}

function refusal(text: string, columns: IntervalColumns = COLUMNS): string {
  try {
    readIntervalReport(text, columns);
  } catch (error) {
    expect(error).toBeInstanceOf(IntervalReportError);
    return (error as Error).message;
  }
  throw new Error("the report was read");
}

describe("readIntervalReport", () => {
  it("reads 30-minute rows, mm:ss handle times, percent service levels, columns in any case", () => {
    const r = readIntervalReport(
      report(
        ["05/01/2026 08:00,12,1,3:05,80%", '05/01/2026 08:30,"1,250",,185,92.5%'],
        "interval,OFFERED,abandoned,aht,SL",
      ),
      { ...COLUMNS, serviceLevel: "sl" },
    );
    expect(r.intervalMinutes).toBe(30);
    expect(r.rows.map((x) => [x.offered, x.abandoned, x.ahtSeconds, x.serviceLevel])).toEqual([
      [12, 1, 185, 0.8],
      [1250, undefined, 185, 0.925],
    ]);
    expect(r.channels).toEqual(["Contacts"]);
  });

  it("keeps times with an offset in the report's own local hours", () => {
    const r = readIntervalReport(report(["2026-01-05T08:00+01:00,3,0,3:00", "2026-01-05T07:30Z,4,0,3:00"]), COLUMNS);
    expect(r.rows.map((x) => new Date(x.startMs).toISOString().slice(11, 16))).toEqual(["08:00", "08:30"]);
  });

  it("takes closed hours between days and finds 15-minute intervals", () => {
    const day2 = rowsEvery(15, 4).map((row) => row.replace("2026-01-05", "2026-01-06"));
    expect(readIntervalReport(report([...rowsEvery(15, 8), ...day2]), COLUMNS).intervalMinutes).toBe(15);
  });

  it("names a missing column, the option and the columns the report has", () => {
    const message = refusal(report(rowsEvery(30, 3)), { ...COLUMNS, asa: "ASA" });
    expect(message).toContain('no column --asa "ASA"');
    expect(message).toContain('"Interval", "Offered", "Abandoned", "AHT"');
  });

  it("names the line of a time that does not parse", () => {
    const rows = rowsEvery(30, 3);
    rows[1] = "2026-01-05 8h30,11,1,3:00";
    expect(refusal(report(rows))).toMatch(/line 3, column "Interval": "2026-01-05 8h30" is not a date and time/);
  });

  it("refuses a column that holds no times at all", () => {
    expect(refusal(report(["monday,1,0,3:00", "tuesday,2,0,3:00"]))).toContain("does not hold dates and times");
  });

  it("refuses mixed interval lengths, naming the line", () => {
    const rows = [...rowsEvery(30, 6), ...rowsEvery(15, 8).map((r) => r.replace("2026-01-05", "2026-01-06"))];
    expect(refusal(report(rows))).toMatch(/mixed interval lengths/);
    const offGrid = rowsEvery(30, 6);
    offGrid[3] = "2026-01-05 09:40,3,0,3:00";
    expect(refusal(report(offGrid))).toMatch(/mixed interval lengths|10 minutes|20 minutes/);
  });

  it("reads rows the ACD left out at night as closed intervals, not another length", () => {
    const day = rowsEvery(30, 20);
    const night = [
      "2026-01-05 19:00,1,0,3:00",
      "2026-01-05 20:00,2,0,3:00",
      "2026-01-05 21:00,1,0,3:00",
      "2026-01-05 22:00,1,0,3:00",
    ];
    expect(readIntervalReport(report([...day, ...night]), COLUMNS).intervalMinutes).toBe(30);
  });

  it("refuses interval lengths other than 15, 30 or 60 minutes", () => {
    expect(refusal(report(rowsEvery(10, 6)))).toContain("10 minutes long");
  });

  it("refuses negative counts and counts that are not numbers, naming line and column", () => {
    const rows = rowsEvery(30, 4);
    rows[2] = "2026-01-05 09:00,12,-2,3:00";
    expect(refusal(report(rows))).toBe('line 4, column "Abandoned": -2 contacts; a count cannot be negative');
    rows[2] = "2026-01-05 09:00,twelve,0,3:00";
    expect(refusal(report(rows))).toContain('line 4, column "Offered": "twelve" is not a number of contacts');
  });

  it("refuses the same interval twice and a service level above 100%", () => {
    const rows = rowsEvery(30, 3);
    rows.push(rows[1]!);
    expect(refusal(report(rows))).toContain("lines 3 and 5 are the same interval");
    expect(
      refusal(
        report(
          ["2026-01-05 08:00,1,0,3:00,80%", "2026-01-05 08:30,1,0,3:00,120%"],
          "Interval,Offered,Abandoned,AHT,SL",
        ),
        {
          ...COLUMNS,
          serviceLevel: "SL",
        },
      ),
    ).toContain('line 3, column "SL": "120%" is not a service level');
  });

  it("refuses a report without intervals", () => {
    expect(refusal("")).toContain("empty");
    expect(refusal("Interval,Offered\n", { start: "Interval", offered: "Offered" })).toContain("no intervals");
  });

  it("reads durations as seconds, mm:ss or h:mm:ss", () => {
    expect([
      parseDurationCell("185"),
      parseDurationCell("3:05"),
      parseDurationCell("1:02:03"),
      parseDurationCell("12.5s"),
    ]).toEqual([185, 185, 3723, 12.5]);
    expect(parseDurationCell("soon")).toBeNaN();
  });

  it("guesses the columns of a common ACD export", () => {
    expect(
      guessIntervalColumns([
        "Interval Start",
        "Queue",
        "Calls Offered",
        "Calls Handled",
        "Abandoned",
        "AHT",
        "ASA",
        "Service Level",
      ]),
    ).toEqual({
      start: "Interval Start",
      offered: "Calls Offered",
      answered: "Calls Handled",
      abandoned: "Abandoned",
      aht: "AHT",
      asa: "ASA",
      serviceLevel: "Service Level",
      channel: "Queue",
    });
  });
});
