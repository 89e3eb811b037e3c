import { describe, expect, it } from "vitest";
import { Backlog, backlogSink } from "./backlog";
import { SplitAnalysis } from "./split";

const at = (text: string) => Date.parse(`${text}Z`);
const train = { fromMs: at("2026-01-05T00:00"), toMs: at("2026-01-12T00:00") };
const test = { fromMs: at("2026-01-12T00:00"), toMs: at("2026-01-19T00:00") };

describe("open tickets over a period", () => {
  it("counts a ticket in each hour that starts while it is open, older tickets included", () => {
    const b = new Backlog({ fromMs: at("2026-01-12T00:00"), toMs: at("2026-01-12T04:00") });
    b.add(at("2026-01-01T00:00"), at("2026-01-12T02:00")); // opened long before: open at 00:00 and 01:00
    b.add(at("2026-01-12T00:30"), Number.POSITIVE_INFINITY); // from 01:00 on
    b.add(at("2026-01-12T03:00"), at("2026-01-12T03:10")); // open at 03:00
    b.add(at("2026-01-11T00:00"), at("2026-01-11T05:00")); // closed before: never
    expect(b.byHour()).toEqual([1, 2, 1, 2]);
  });

  it("the log's backlog holds tickets from before both periods until their first closing", () => {
    const split = new SplitAnalysis(train, test);
    const e = (ticket: string, time: string, role: "queued" | "work" | "closed") =>
      split.event(ticket, at(time), role, "l1", "", "", "", 0);
    e("OLD", "2026-01-01T00:00", "queued"); // before the train period: in neither cohort
    e("GONE", "2026-01-02T00:00", "queued");
    e("GONE", "2026-01-06T00:00", "closed"); // open one day of the train period
    e("OLD", "2026-01-13T00:00", "work");
    e("OLD", "2026-01-14T00:00", "closed"); // open the first two days of the test period
    split.finish();
    expect(split.tickets.size + split.test.tickets.size).toBe(0);
    const testOpen = split.earlierBacklog.test!.byHour();
    expect(testOpen.slice(0, 48).every((n) => n === 1)).toBe(true);
    expect(testOpen.slice(48).every((n) => n === 0)).toBe(true);
    const trainOpen = split.earlierBacklog.train!.byHour();
    expect(trainOpen.slice(0, 24).every((n) => n === 2)).toBe(true);
    expect(trainOpen.slice(24).every((n) => n === 1)).toBe(true);
  });

  it("a simulated run's backlog holds its warm-up tickets, and every event passes on", () => {
    const b = new Backlog({ fromMs: at("2026-01-12T00:00"), toMs: at("2026-01-12T03:00") });
    const seen: string[] = [];
    const sink = backlogSink(
      { record: (ticket, _time, event) => seen.push(`${ticket}:${event}`) },
      b,
      at("2026-01-11T00:00"),
    );
    const rec = (ticket: number, hours: number, event: "arrival" | "close") =>
      sink.record(ticket, hours * 3600, event, "n", "", -1, "", "", "");
    rec(1, 1, "arrival"); // warm-up ticket, closes at 01:30 on the 12th
    rec(2, 24.5, "arrival"); // never closes
    rec(1, 25.5, "close");
    sink.finish();
    expect(b.byHour()).toEqual([1, 2, 1]);
    expect(seen).toEqual(["1:arrival", "2:arrival", "1:close"]);
  });
});
