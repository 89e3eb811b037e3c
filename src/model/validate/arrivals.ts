/**
 * Rules on how contacts arrive and on the clock: a channel has a positive mean rate; its
 * hourly profile has 24 weights and its weekly profile 7, not all zero; surges end after
 * they start; the run is longer than its warm-up.
 */
import { describeSeconds } from "../duration";
import type { ChannelNode } from "../schema";
import { type Checker, isNumber, list, stepName } from "./context";

/** Checks every channel's arrivals. */
export function checkArrivals(c: Checker): void {
  list(c.model.nodes).forEach((node, index) => {
    if (node.kind === "channel") checkChannel(c, node, index);
  });
}

/** Checks horizon, warm-up and series interval. */
export function checkClock(c: Checker): void {
  const clock = c.model.clock;
  if (!clock) return;
  if (!(isNumber(clock.horizon) && clock.horizon > 0)) {
    c.error("clock.horizon", `The run length (horizon) is ${String(clock.horizon)}; give a duration such as "28d".`);
  } else if (!(isNumber(clock.warmup) && clock.warmup >= 0)) {
    c.error("clock.warmup", `The warm-up is ${String(clock.warmup)}; give a duration, 0 or more.`);
  } else if (clock.warmup >= clock.horizon) {
    c.error(
      "clock.warmup",
      `The warm-up (${describeSeconds(clock.warmup)}) is not shorter than the run (${describeSeconds(clock.horizon)}), so nothing would be measured.`,
    );
  }
  if (!(isNumber(clock.seriesInterval) && clock.seriesInterval > 0)) {
    c.error(
      "clock.seriesInterval",
      `The series interval is ${String(clock.seriesInterval)}; give a duration such as "1h".`,
    );
  } else if (isNumber(clock.horizon) && clock.horizon / clock.seriesInterval > MAX_SERIES_POINTS) {
    const shortest = Math.ceil(clock.horizon / MAX_SERIES_POINTS / 60) * 60;
    c.error(
      "clock.seriesInterval",
      `A series interval of ${describeSeconds(clock.seriesInterval)} over ${describeSeconds(clock.horizon)} makes ${Math.ceil(clock.horizon / clock.seriesInterval).toLocaleString("en")} points per series; use at least ${describeSeconds(shortest)} (at most ${MAX_SERIES_POINTS.toLocaleString("en")} points).`,
    );
  }
  const minutes = clock.intervalMinutes;
  if (minutes !== undefined && !INTERVAL_MINUTES.includes(minutes as never)) {
    c.error("clock.intervalMinutes", `The planning interval is ${String(minutes)} minutes; it must be 15, 30 or 60.`);
  }
  if (typeof clock.start === "string" && !isRealDate(clock.start)) {
    c.error("clock.start", `The start "${clock.start}" is not a real date and time.`);
  }
}

// helpers

/** Planning intervals a flow may use (clock.intervalMinutes). */
export const INTERVAL_MINUTES = [15, 30, 60] as const;

/** Most points a backlog or queue series may have (each replication keeps every series). */
const MAX_SERIES_POINTS = 100_000;

function checkChannel(c: Checker, node: ChannelNode, index: number): void {
  const base = `nodes[${index}].arrivals`;
  const place = { nodeId: node.id };
  const name = stepName(node);
  const arrivals = node.arrivals;
  if (!arrivals) {
    c.error(base, `Channel ${name} has no arrivals; give its mean rate per hour.`, place);
    return;
  }
  const rate = arrivals.perHour;
  if (!isNumber(rate) || rate < 0) {
    c.error(
      `${base}.perHour`,
      `The arrival rate of ${name} is ${String(rate)}; give contacts per hour, more than 0.`,
      place,
    );
  } else if (rate === 0) {
    c.error(
      `${base}.perHour`,
      `The arrival rate of ${name} is 0 per hour, so no contact ever arrives; give its mean rate or remove the channel.`,
      place,
    );
  }
  if (arrivals.profile !== undefined) {
    const minutes = c.model.clock?.intervalMinutes ?? 60;
    const ok = INTERVAL_MINUTES.includes(minutes as never);
    if (arrivals.hourly !== undefined || arrivals.weekly !== undefined) {
      c.error(
        `${base}.profile`,
        `Channel ${name} has both a profile per interval and hourly or weekly weights; the profile takes their place, so remove hourly and weekly.`,
        place,
      );
    }
    if (ok) {
      checkProfile(
        c,
        arrivals.profile,
        (7 * 1440) / minutes,
        "interval",
        `${minutes}-minute interval of the week (Monday 00:00 first; clock.intervalMinutes is ${minutes})`,
        `${base}.profile`,
        name,
        place,
      );
    }
  }
  checkProfile(c, arrivals.hourly, 24, "hourly", "hour of the day", `${base}.hourly`, name, place);
  checkProfile(c, arrivals.weekly, 7, "weekly", "day of the week (Monday first)", `${base}.weekly`, name, place);
  list(arrivals.surges).forEach((surge, s) => {
    const path = `${base}.surges[${s}]`;
    if (!(isNumber(surge.factor) && surge.factor >= 0)) {
      c.error(
        `${path}.factor`,
        `Surge ${s + 1} of ${name} has factor ${String(surge.factor)}; give a number, 0 or more.`,
        place,
      );
    }
    if (!(normaliseDateTime(surge.from) < normaliseDateTime(surge.to))) {
      c.error(
        path,
        `Surge ${s + 1} of ${name} runs from ${surge.from} to ${surge.to}; it must end after it starts.`,
        place,
      );
    }
  });
}

function checkProfile(
  c: Checker,
  weights: readonly number[] | undefined,
  length: number,
  field: string,
  unit: string,
  path: string,
  name: string,
  place: { nodeId: string },
): void {
  if (weights === undefined) return;
  if (!Array.isArray(weights) || weights.length !== length) {
    c.error(
      path,
      `The ${field} profile of ${name} has ${Array.isArray(weights) ? weights.length : 0} weights; it needs ${length}, one per ${unit}.`,
      place,
    );
    return;
  }
  const bad = weights.findIndex((w) => !(isNumber(w) && w >= 0));
  if (bad >= 0) {
    c.error(
      `${path}[${bad}]`,
      `The ${field} profile of ${name} has weight ${String(weights[bad])}; weights must be 0 or more.`,
      place,
    );
  } else if (weights.every((w) => w === 0)) {
    c.error(
      path,
      `The ${field} profile of ${name} is all zeros, so no contact would ever arrive; give relative weights.`,
      place,
    );
  }
}

/** "2026-01-05" and "2026-01-05T08:00" compare as text once both carry a time. */
function normaliseDateTime(text: string): string {
  if (typeof text !== "string") return "";
  const [date, time = "00:00"] = text.split("T");
  return `${date}T${time.length === 5 ? `${time}:00` : time}`;
}

function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(match[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const daysInMonth = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= (daysInMonth[month - 1] ?? 0) && hour <= 23 && minute <= 59;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
