/**
 * Means with Student-t 95% confidence intervals over replications.
 *
 * t quantile: exact table values of t(0.975, df) for df = 1..30 (Abramowitz & Stegun,
 * Handbook of Mathematical Functions, table 26.10), and beyond that the Cornish-Fisher
 * expansion of A&S 26.7.5 around the normal quantile 1.959964, accurate to better than
 * 1e-4 for df > 30.
 *
 * Also estimates a run's size before it starts (expected tickets from the arrival rates),
 * so that a run too big to finish is refused with a message instead of exhausting memory.
 */
import { distMean, type Model } from "../model";
import type { Estimate } from "./results";

const T975 = [
  12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788, 2.1604, 2.1448, 2.1314,
  2.1199, 2.1098, 2.1009, 2.093, 2.086, 2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
];

/** t(0.975, df): the multiplier of a two-sided 95% Student-t interval. */
export function tQuantile975(df: number): number {
  if (df < 1) return Number.NaN;
  if (df <= 30) return T975[Math.round(df) - 1]!;
  const z = 1.959963984540054;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
  );
}

/**
 * Mean and 95% interval of per-replication values; values that are NaN (no denominator in
 * that replication) are left out. With one value the interval is [mean, mean]; with none,
 * everything is 0.
 */
export function estimate(values: ArrayLike<number>): Estimate {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      n++;
      sum += v;
    }
  }
  if (n === 0) return { mean: 0, ci95: [0, 0] };
  const mean = sum / n;
  if (n === 1) return { mean: tidy(mean), ci95: [tidy(mean), tidy(mean)] };
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) ss += (v - mean) * (v - mean);
  }
  const half = (tQuantile975(n - 1) * Math.sqrt(ss / (n - 1))) / Math.sqrt(n);
  return { mean: tidy(mean), ci95: [tidy(mean - half), tidy(mean + half)] };
}

// helpers

/** Rounds to 12 significant digits: hides float noise without losing meaning. */
function tidy(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(12));
}

// Run size: how much work a run is before it starts.

/** Default ceiling on the tickets a run may create over all its replications. */
export const DEFAULT_MAX_TICKETS = 200_000_000;

/** The expected size of a run. */
export interface RunSize {
  /** Expected tickets created in one replication (arrivals over the whole horizon). */
  ticketsPerReplication: number;
  /** Expected tickets over every replication. */
  tickets: number;
  replications: number;
  horizonSeconds: number;
}

/**
 * Expected tickets of a run: per channel, the mean rate (hourly and weekly weights have mean
 * 1) times the horizon, plus each surge's extra volume over the part of it inside the run,
 * times the mean day factor; summed over channels and multiplied by the replications.
 * Overflows and non-finite inputs give Infinity, never NaN, so a check against a limit
 * always refuses them.
 * @param horizonSeconds the run length (seconds); default the flow's clock.horizon
 */
export function estimateRunSize(model: Model, replications: number, horizonSeconds = model.clock.horizon): RunSize {
  const start = Date.parse(`${model.clock.start}${model.clock.start.length === 10 ? "T00:00" : ""}Z`);
  let perReplication = 0;
  for (const node of model.nodes) {
    if (node.kind !== "channel") continue;
    const { perHour, surges, dayFactor } = node.arrivals;
    let hours = horizonSeconds / 3600;
    for (const surge of surges ?? []) {
      const from = (Date.parse(`${surge.from}Z`) - start) / 1000;
      const to = (Date.parse(`${surge.to}Z`) - start) / 1000;
      const overlap = Math.min(to, horizonSeconds) - Math.max(from, 0);
      if (overlap > 0) hours += ((surge.factor - 1) * overlap) / 3600;
    }
    const factor = dayFactor ? distMean(dayFactor) : 1;
    perReplication += perHour * Math.max(0, hours) * (Number.isFinite(factor) ? Math.max(0, factor) : Infinity);
  }
  const finite = (x: number) => (Number.isNaN(x) ? Infinity : x);
  const ticketsPerReplication = finite(perReplication);
  return {
    ticketsPerReplication,
    tickets: finite(ticketsPerReplication * replications),
    replications,
    horizonSeconds,
  };
}

/**
 * Why a run is too big to start, in words with the way forward, or undefined when its
 * expected tickets are within `maxTickets`. `raise` names how to lift the limit where the
 * caller has one (e.g. "--max-tickets 500000000").
 */
export function refuseRunSize(
  size: RunSize,
  maxTickets: number,
  raise: (tickets: number) => string,
): string | undefined {
  if (size.tickets <= maxTickets) return undefined;
  const days = size.horizonSeconds / 86400;
  const per = formatCount(size.ticketsPerReplication);
  const fitting = Math.floor(maxTickets / Math.max(1, size.ticketsPerReplication));
  const ways = [
    fitting >= 1
      ? `run at most ${fitting.toLocaleString("en")} replication${fitting === 1 ? "" : "s"}`
      : "shorten the run or lower the arrival rates",
    Number.isFinite(size.tickets) ? raise(Math.ceil(size.tickets / 1e6) * 1e6) : undefined,
  ].filter((w) => w !== undefined);
  return (
    `This run would simulate ${Number.isFinite(size.tickets) ? `about ${formatCount(size.tickets)}` : "an unlimited number of"} tickets (${per} per replication over ` +
    `${formatDays(days)}, ${size.replications.toLocaleString("en")} replication${size.replications === 1 ? "" : "s"}), ` +
    `more than the limit of ${formatCount(maxTickets)}. To go ahead, ${ways.join(", or ")}.`
  );
}

/** "1.2 billion", "350 million", "12,000": a count as a person says it. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return "unlimited";
  if (n >= 1e12) return `${Number((n / 1e12).toPrecision(3))} trillion`;
  if (n >= 1e9) return `${Number((n / 1e9).toPrecision(3))} billion`;
  if (n >= 1e6) return `${Number((n / 1e6).toPrecision(3))} million`;
  return Math.round(n).toLocaleString("en");
}

function formatDays(days: number): string {
  if (!Number.isFinite(days)) return "an unlimited time";
  if (days < 1) return `${Math.round(days * 24)} hours`;
  return `${Number(days.toPrecision(4))} day${days === 1 ? "" : "s"}`;
}
