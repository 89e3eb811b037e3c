/**
 * Streaming log-bucket histograms of times (seconds): percentiles without keeping every
 * ticket, so memory is fixed whatever the number of tickets. Bin 0 holds [0, 1 ms) and
 * reads as 0 (a contact answered at once waited 0 s); then BINS_PER_DECADE bins per decade
 * from 1 ms up to 10^9 s, the last bin also taking anything longer. A percentile interpolates geometrically inside its bin, so its relative
 * error is below the bin width (10^(1/40) - 1, about 6%) and in practice far smaller.
 */

export const BINS_PER_DECADE = 40;
const MIN_EXPONENT = -3;
const MAX_DECADES = 12;
/** Number of bins of every time histogram. */
export const HISTOGRAM_BINS = 1 + BINS_PER_DECADE * MAX_DECADES;
const SCALE = BINS_PER_DECADE / Math.LN10;
const LOG_MIN = MIN_EXPONENT * Math.LN10;

/** The shared bin edges (seconds, length HISTOGRAM_BINS + 1). */
export function histogramEdges(): number[] {
  const edges = [0];
  for (let i = 0; i < HISTOGRAM_BINS; i++) edges.push(10 ** (MIN_EXPONENT + i / BINS_PER_DECADE));
  return edges;
}

/** Counts `seconds` into `counts` (length HISTOGRAM_BINS). */
export function addToHistogram(counts: Float64Array, seconds: number): void {
  let bin = 0;
  if (seconds >= 1e-3) {
    bin = 1 + Math.floor((Math.log(seconds) - LOG_MIN) * SCALE);
    if (bin >= HISTOGRAM_BINS) bin = HISTOGRAM_BINS - 1;
  }
  counts[bin]! += 1;
}

/** The q-quantile (0..1) of the counted times (seconds); NaN when nothing was counted. */
export function histogramQuantile(counts: Float64Array, q: number): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i]!;
  if (total === 0) return Number.NaN;
  const target = q * total;
  let run = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (c > 0 && run + c >= target) {
      const within = (target - run) / c;
      if (i === 0) return 0;
      const lo = 10 ** (MIN_EXPONENT + (i - 1) / BINS_PER_DECADE);
      return lo * 10 ** (within / BINS_PER_DECADE);
    }
    run += c;
  }
  return 10 ** (MIN_EXPONENT + (counts.length - 1) / BINS_PER_DECADE);
}
