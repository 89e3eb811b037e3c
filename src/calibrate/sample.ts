/**
 * Streaming summaries of a duration: sufficient statistics for the likelihood fits (count,
 * sums of x, ln x and (ln x)^2, zeros) and a fixed-size uniform reservoir sample (Vitter's
 * algorithm R) for quantiles and goodness of fit. Memory is constant however many values
 * stream past; the reservoir's random choices are seeded, so a calibration is reproducible.
 */

/** Durations below this (seconds) count as zero: a status changed twice in the same minute. */
export const ZERO_SECONDS = 1;

export class DurationSample {
  n = 0;
  zeros = 0;
  sum = 0;
  /** Over positive values only. */
  positives = 0;
  sumPositive = 0;
  sumLog = 0;
  sumLog2 = 0;
  readonly reservoir: number[] = [];
  private seed: number;

  constructor(
    readonly capacity = 4000,
    seed = 1,
  ) {
    this.seed = seed >>> 0 || 1;
  }

  /** Adds one duration (seconds, >= 0). */
  add(seconds: number): void {
    this.n++;
    this.sum += seconds;
    if (seconds < ZERO_SECONDS) this.zeros++;
    else {
      this.positives++;
      this.sumPositive += seconds;
      const l = Math.log(seconds);
      this.sumLog += l;
      this.sumLog2 += l * l;
    }
    if (this.reservoir.length < this.capacity) this.reservoir.push(seconds);
    else {
      const j = Math.floor(this.random() * this.n);
      if (j < this.capacity) this.reservoir[j] = seconds;
    }
  }

  get mean(): number {
    return this.n > 0 ? this.sum / this.n : 0;
  }

  /** Standard deviation of the reservoir (NaN under two values). */
  get sd(): number {
    const r = this.reservoir;
    if (r.length < 2) return Number.NaN;
    const m = r.reduce((x, y) => x + y, 0) / r.length;
    return Math.sqrt(r.reduce((x, y) => x + (y - m) ** 2, 0) / (r.length - 1));
  }

  /** Quantile q (0..1) of the reservoir (linear interpolation); 0 when empty. */
  quantile(q: number): number {
    return quantileOf(this.sorted(), q);
  }

  sorted(): number[] {
    return [...this.reservoir].sort((a, b) => a - b);
  }

  // xorshift32: small, fast and seeded; quality is ample for reservoir positions.
  private random(): number {
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x >>> 0;
    return this.seed / 4294967296;
  }
}

/** Quantile q of sorted values (linear interpolation between order statistics). */
export function quantileOf(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/**
 * Kaplan–Meier quantiles of durations some of which are censored (still open when the log
 * ends: the true duration is at least the value). Returns NaN for a quantile the data never
 * reach (too many censored).
 */
export function kaplanMeierQuantiles(
  values: readonly { seconds: number; censored: boolean }[],
  qs: readonly number[],
): number[] {
  const sorted = [...values].sort((a, b) => a.seconds - b.seconds || Number(a.censored) - Number(b.censored));
  let atRisk = sorted.length;
  let survival = 1;
  const out = qs.map(() => Number.NaN);
  for (let i = 0; i < sorted.length; ) {
    const t = sorted[i]!.seconds;
    let events = 0;
    let removed = 0;
    while (i < sorted.length && sorted[i]!.seconds === t) {
      if (!sorted[i]!.censored) events++;
      removed++;
      i++;
    }
    if (events > 0 && atRisk > 0) {
      survival *= 1 - events / atRisk;
      qs.forEach((q, k) => {
        if (Number.isNaN(out[k]!) && 1 - survival >= q - 1e-12) out[k] = t;
      });
    }
    atRisk -= removed;
  }
  return out;
}

/** A seeded reservoir of (duration, censored) pairs for Kaplan–Meier. */
export class CensoredSample {
  readonly reservoir: { seconds: number; censored: boolean }[] = [];
  n = 0;
  censored = 0;
  constructor(readonly capacity = 20000) {}
  add(seconds: number, censored: boolean): void {
    this.n++;
    if (censored) this.censored++;
    const item = { seconds, censored };
    if (this.reservoir.length < this.capacity) this.reservoir.push(item);
    else {
      const j = Math.floor(pseudo(this.n) * this.n);
      if (j < this.capacity) this.reservoir[j] = item;
    }
  }
}

// helpers

function pseudo(n: number): number {
  // A fixed hash of n to [0, 1): deterministic without a second generator state.
  let x = (n * 2654435761) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 2246822507) >>> 0;
  x ^= x >>> 13;
  return (x >>> 0) / 4294967296;
}
