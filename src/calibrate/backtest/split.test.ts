import { describe, expect, it } from "vitest";
import { measureCohort } from "./cohort";
import { SplitAnalysis } from "./split";

const at = (text: string) => Date.parse(`${text}Z`);
const train = { fromMs: at("2026-01-05T00:00"), toMs: at("2026-01-12T00:00") };
const test = { fromMs: at("2026-01-12T00:00"), toMs: at("2026-01-19T00:00") };

describe("splitting a log by the week each ticket starts", () => {
  it("keeps a ticket whole in the cohort of its first event, and skips tickets outside both", () => {
    const split = new SplitAnalysis(train, test);
    const e = (ticket: string, time: string, role: "queued" | "work" | "closed", team = "l1") =>
      split.event(ticket, at(time), role, team, "", "", "", 0);
    e("A", "2026-01-11T23:00", "queued"); // starts in train, closes in the test week
    e("B", "2026-01-12T09:00", "queued");
    e("A", "2026-01-12T01:00", "work");
    e("C", "2026-01-20T09:00", "queued"); // after both
    e("B", "2026-01-12T09:30", "work", "l2");
    e("A", "2026-01-12T02:00", "closed");
    e("B", "2026-01-12T10:00", "closed");
    e("C", "2026-01-20T10:00", "closed");
    split.finish();
    expect([...split.tickets.keys()]).toEqual(["A"]);
    expect([...split.test.tickets.keys()]).toEqual(["B"]);
    expect(split.span).toEqual({
      firstStartMs: at("2026-01-11T23:00"),
      lastStartMs: at("2026-01-20T09:00"),
      lastEventMs: at("2026-01-20T10:00"),
    });
    expect(split.weeklyStarts().map((w) => w.tickets)).toEqual([1, 1, 1]);
    expect(new Date(split.weeklyStarts()[0]!.weekStartMs).toISOString()).toBe("2026-01-05T00:00:00.000Z");
  });

  it("dates a ticket by its creation time when the log has one", () => {
    const split = new SplitAnalysis(train, test);
    // Created in the train week, first row in the test week.
    split.event("A", at("2026-01-13T08:00"), "queued", "l1", "", "", "", 0, at("2026-01-10T08:00"));
    expect(split.tickets.has("A")).toBe(true);
  });
});

describe("measuring a cohort", () => {
  it("counts reassigned, escalated and first-contact tickets by hand", () => {
    const split = new SplitAnalysis(train, test);
    const e = (ticket: string, hour: number, role: "queued" | "work" | "closed", team = "l1") =>
      split.event(ticket, train.fromMs + hour * 3_600_000, role, team, "", "", "", 0);
    // A: l1 only, closed after 2 h. B: l1 then l2 (escalated), closed after 5 h. C: still open.
    e("A", 0, "queued");
    e("A", 1, "work");
    e("A", 2, "closed");
    e("B", 0, "queued");
    e("B", 1, "work");
    e("B", 2, "queued", "l2");
    e("B", 3, "work", "l2");
    e("B", 5, "closed");
    e("C", 4, "queued");
    e("C", 5, "work");
    split.finish();
    const m = measureCohort(
      split,
      train,
      new Map([
        ["l1", 1],
        ["l2", 2],
      ]),
      train.fromMs + 10 * 3_600_000,
    );
    expect(m.tickets).toBe(3);
    expect(m.ticketsPerWeek).toBe(3);
    expect(m.escalationShare).toBeCloseTo(1 / 3, 12);
    expect(m.reassignedShare).toBeCloseTo(1 / 3, 12);
    expect(m.fcrShare).toBe(1 / 2);
    // Open at hours 0..: A and B from hour 0, C from 4; A closes at 2, B at 5.
    expect(m.openByHour.slice(0, 7)).toEqual([2, 2, 1, 1, 2, 1, 1]);
    expect(m.cycleHours.sort()).toEqual([2, 5]);
    // Kaplan–Meier: closings at 2 h and 5 h, C censored at 6 h: median 5 h.
    expect(m.resolutionP50Seconds).toBe(5 * 3600);
  });
});
