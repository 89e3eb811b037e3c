/**
 * Arrivals on the flow's own calendar: hourly and weekly profiles, surges, the per-day
 * volume factor, and the weekday fixed by clock.start.
 */
import { describe, expect, it } from "vitest";
import type { Model } from "../model";
import { decodeModel, edges } from "../model/testing";
import { parseLocalSeconds, secondsIntoWeek } from "./clockTime";
import { simulate } from "./simulate";

function channelFlow(arrivals: unknown, start = "2026-01-05T00:00", days = 29): Model {
  return decodeModel({
    format: "flowcast/v1",
    clock: { start, horizon: `${days}d`, warmup: "1d", seriesInterval: "1h" },
    teams: [{ id: "t", agents: 50 }],
    nodes: [
      { id: "in", kind: "channel", channel: "email", arrivals },
      { id: "w", kind: "work", team: "t", handleTime: "1m", outcomes: { resolved: 1 } },
      { id: "done", kind: "end" },
    ],
    edges: edges("in -> w", "w:resolved -> done"),
  });
}

/** Arrivals per hour of day (0..23), averaged over the series (which starts at a midnight). */
function byHourOfDay(series: number[]): number[] {
  const sums = new Array(24).fill(0);
  series.forEach((v, k) => {
    sums[k % 24] += v;
  });
  return sums.map((s) => s / (series.length / 24));
}

describe("arrivals", () => {
  it("follow the hourly profile, normalised to the daily mean rate", () => {
    // weight 2 from 08:00 to 20:00, 0 otherwise; normalised to mean 1, the open hours run
    // at twice perHour (60/h) and the night at 0
    const hourly = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 20 ? 2 : 0));
    const results = simulate(channelFlow({ perHour: 30, hourly }), { seed: 1, replications: 4 });
    const profile = byHourOfDay(results.series.arrivals);
    for (let h = 0; h < 24; h++) {
      // 28 days x 4 replications per hour of day: the mean of 60/h has a 1.3% standard error; 8% margin
      if (h >= 8 && h < 20) expect(Math.abs(profile[h]! / 60 - 1), `hour ${h}`).toBeLessThan(0.08);
      else expect(profile[h], `hour ${h}`).toBe(0);
    }
  });

  it("follow the weekly profile on the weekday clock.start fixes", () => {
    // only Saturdays get contacts; the flow starts on Wednesday 2026-01-07
    const results = simulate(channelFlow({ perHour: 7, weekly: [0, 0, 0, 0, 0, 1, 0] }, "2026-01-07T00:00", 29), {
      seed: 2,
      replications: 2,
    });
    const daily = dailyTotals(results.series.arrivals);
    // series starts after the one-day warm-up: Thursday 2026-01-08; Saturdays are days 2, 9, 16, 23
    daily.forEach((count, d) => {
      if (d % 7 === 2)
        expect(count, `day ${d}`).toBeGreaterThan(100); // 7 x 7 x 24 = 1,176 expected
      else expect(count, `day ${d}`).toBe(0);
    });
  });

  it("scale a surge window by its factor", () => {
    const results = simulate(
      channelFlow({ perHour: 20, surges: [{ from: "2026-01-12T00:00", to: "2026-01-13T00:00", factor: 3 }] }),
      { seed: 3, replications: 4 },
    );
    const daily = dailyTotals(results.series.arrivals);
    // day 0 of the series is 2026-01-06; the surge day is day 6 (480 x 3 = 1,440 expected)
    expect(Math.abs(daily[6]! / 1440 - 1)).toBeLessThan(0.08);
    expect(Math.abs(daily[5]! / 480 - 1)).toBeLessThan(0.12);
  });

  it("vary day-to-day volume by the dayFactor draw", () => {
    const plain = dailyTotals(simulate(channelFlow({ perHour: 40 }), { seed: 4, replications: 1 }).series.arrivals);
    const varied = dailyTotals(
      simulate(channelFlow({ perHour: 40, dayFactor: { dist: "gamma", mean: 1, sd: 0.3 } }), {
        seed: 4,
        replications: 1,
      }).series.arrivals,
    );
    // Poisson days of 960: sd 31 (cv 3%); with a 30% day factor, cv about 30%
    expect(cv(plain)).toBeLessThan(0.08);
    expect(cv(varied)).toBeGreaterThan(0.15);
    expect(Math.abs(mean(varied) / 960 - 1)).toBeLessThan(0.2);
  });
});

describe("the flow's calendar", () => {
  it("parses local date-times and finds the weekday without Date", () => {
    expect(parseLocalSeconds("1970-01-02T00:00")).toBe(86400);
    expect(parseLocalSeconds("2000-03-01T01:02:03")).toBe(951872523);
    expect(secondsIntoWeek("2026-01-05T00:00")).toBe(0); // a Monday
    expect(secondsIntoWeek("2026-01-07T12:30")).toBe(2 * 86400 + 12 * 3600 + 1800);
    expect(secondsIntoWeek("2024-02-29T00:00")).toBe(3 * 86400); // a Thursday
  });
});

// helpers

function dailyTotals(hourly: number[]): number[] {
  const days: number[] = [];
  for (let k = 0; k + 24 <= hourly.length; k += 24) days.push(hourly.slice(k, k + 24).reduce((a, b) => a + b, 0));
  return days;
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function cv(xs: number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1)) / m;
}
