import { describe, expect, it } from "vitest";
import { Calendar } from "./calendar";

function drain(cal: Calendar): [number, number, number, number][] {
  const log: [number, number, number, number][] = [];
  while (cal.pop()) log.push([cal.now, cal.eventCode, cal.eventSlot, cal.eventDatum]);
  return log;
}

describe("Calendar", () => {
  it("fires events by time, and events at the same time in the order they were scheduled", () => {
    const cal = new Calendar(2);
    cal.schedule(5, 1, 10, 0);
    cal.schedule(2, 2, 11, 0);
    cal.schedule(5, 3, 12, 0);
    cal.schedule(0, 4, 13, 7);
    cal.schedule(2, 5, 14, 0);
    cal.schedule(5, 6, 15, 0);
    expect(cal.size).toBe(6);
    expect(drain(cal)).toEqual([
      [0, 4, 13, 7],
      [2, 2, 11, 0],
      [2, 5, 14, 0],
      [5, 1, 10, 0],
      [5, 3, 12, 0],
      [5, 6, 15, 0],
    ]);
    expect(cal.pop()).toBe(false);
  });

  it("keeps order when events are scheduled while others fire", () => {
    const cal = new Calendar();
    cal.schedule(1, 1, 0, 0);
    cal.schedule(3, 2, 0, 0);
    const log: [number, number][] = [];
    while (cal.pop()) {
      log.push([cal.now, cal.eventCode]);
      if (cal.eventCode === 1) {
        cal.schedule(3, 3, 0, 0); // same time as code 2, scheduled later: fires after it
        cal.schedule(2, 4, 0, 0);
      }
    }
    expect(log).toEqual([
      [1, 1],
      [2, 4],
      [3, 2],
      [3, 3],
    ]);
  });

  it("sorts a large random set like a stable sort by time", () => {
    const cal = new Calendar(4);
    const times: number[] = [];
    let x = 12345;
    for (let i = 0; i < 5000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const t = x % 100; // many ties
      times.push(t);
      cal.schedule(t, 0, i, 0);
    }
    const expected = times.map((t, i) => [t, i]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    const got: number[][] = [];
    while (cal.pop()) got.push([cal.now, cal.eventSlot]);
    expect(got).toEqual(expected);
    expect(cal.peekTime()).toBe(Number.POSITIVE_INFINITY);
  });
});
