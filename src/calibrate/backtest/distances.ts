/**
 * Distances between a real and a simulated event log, after Chapela-Campa, Benchekroun,
 * Baron, Dumas, Feldman and La Rosa, "Can I trust my simulation model? Measuring the quality
 * of business process simulation models" (BPM 2023), as Simod reports them:
 *
 * - n-gram distance (control flow): the share of the two logs' n-gram frequencies that does
 *   not overlap, ½ Σ |p(g) − q(g)| over n-grams g of the activity sequences (each padded
 *   with n−1 start and end markers), p and q relative frequencies. 0: the same mix of
 *   n-grams; 1: no n-gram in common.
 * - EMD (earth mover's distance, 1-D Wasserstein) between two samples binned into whole
 *   hours: Σ_k |F(k) − G(k)| over bins k, F and G the cumulative shares. It is the hours the
 *   mass of one histogram must move, on average, to become the other. Used on cycle times
 *   (creation to closing), on arrival times (hours since the period's start) and, per
 *   weekday, on the hour of the day of arrivals (circadian; averaged over the weekdays with
 *   arrivals in either log, a weekday with arrivals in one log only counting the 23-hour
 *   maximum).
 *
 * Each is computed per replication and averaged, as Simod does.
 */

const START = "\u0002";
const END = "\u0003";

/** The n-grams of a set of activity sequences, counted (keys join activities with \u0000). */
export function countNgrams(sequences: Iterable<readonly string[]>, n = 3): Map<string, number> {
  const counts = new Map<string, number>();
  for (const seq of sequences) addNgrams(counts, seq, n);
  return counts;
}

/** Adds one sequence's n-grams to `counts`. */
export function addNgrams(counts: Map<string, number>, sequence: readonly string[], n = 3): void {
  const padded = [...Array<string>(n - 1).fill(START), ...sequence, ...Array<string>(n - 1).fill(END)];
  for (let i = 0; i + n <= padded.length; i++) {
    const key = padded.slice(i, i + n).join("\u0000");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
}

/** ½ Σ |p − q| of two n-gram counts (0..1); NaN when either is empty. */
export function ngramDistance(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const totalA = sum(a.values());
  const totalB = sum(b.values());
  if (totalA === 0 || totalB === 0) return Number.NaN;
  let diff = 0;
  for (const [key, n] of a) diff += Math.abs(n / totalA - (b.get(key) ?? 0) / totalB);
  for (const [key, n] of b) if (!a.has(key)) diff += n / totalB;
  return diff / 2;
}

/**
 * EMD between two histograms over the same bins (counts; each is scaled to a share), in
 * bins: Σ_k |F(k) − G(k)|. NaN when either is empty.
 */
export function histogramEmd(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const totalA = sum(Array.from(a));
  const totalB = sum(Array.from(b));
  if (totalA === 0 || totalB === 0) return Number.NaN;
  const bins = Math.max(a.length, b.length);
  let cdfA = 0;
  let cdfB = 0;
  let distance = 0;
  // The last bin's cumulative shares are both 1: its term is 0.
  for (let k = 0; k < bins - 1; k++) {
    cdfA += (a[k] ?? 0) / totalA;
    cdfB += (b[k] ?? 0) / totalB;
    distance += Math.abs(cdfA - cdfB);
  }
  return distance;
}

/** EMD between two samples of hours, each value binned to its whole hour (floor). */
export function binnedEmdHours(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return Number.NaN;
  let max = 0;
  for (const x of a) max = Math.max(max, Math.floor(x));
  for (const x of b) max = Math.max(max, Math.floor(x));
  return histogramEmd(binHours(a, max + 1), binHours(b, max + 1));
}

/**
 * Circadian EMD: per weekday, the EMD between the two logs' hour-of-day histograms of
 * arrivals, averaged over weekdays with arrivals in either; a weekday with arrivals in one
 * log only counts 23 (the most an hour-of-day histogram can be moved). `a` and `b` are
 * counts per hour of the week (168, Monday 00:00 first).
 */
export function circadianEmd(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let total = 0;
  let days = 0;
  for (let d = 0; d < 7; d++) {
    const dayA = Array.from({ length: 24 }, (_, h) => a[d * 24 + h] ?? 0);
    const dayB = Array.from({ length: 24 }, (_, h) => b[d * 24 + h] ?? 0);
    const hasA = sum(dayA) > 0;
    const hasB = sum(dayB) > 0;
    if (!hasA && !hasB) continue;
    days++;
    total += hasA && hasB ? histogramEmd(dayA, dayB) : 23;
  }
  return days > 0 ? total / days : Number.NaN;
}

// helpers

function binHours(values: readonly number[], bins: number): Float64Array {
  const h = new Float64Array(bins);
  for (const x of values) h[Math.max(0, Math.floor(x))]!++;
  return h;
}

function sum(values: Iterable<number>): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
