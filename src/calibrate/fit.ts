/**
 * Fitting a duration distribution to a streamed sample, so that the flow keeps the log's
 * shape. Candidates: exponential, lognormal and gamma, each by maximum likelihood (lognormal:
 * mean and sd of ln x, written as the distribution's own mean and sd; gamma's shape by Minka's
 * approximation refined by Newton steps: T. Minka, "Estimating a Gamma distribution", 2002).
 * Each candidate is written exactly as the flow will hold it (rounded, with a share of zero
 * durations mixed in), and judged on that written distribution: its Kolmogorov–Smirnov
 * distance to the reservoir, and its median and 90th percentile against the sample's. The
 * closest candidate within `KS_LIMIT` whose p50 and p90 are within `QUANTILE_TOLERANCE`
 * wins; when none qualifies the empirical distribution (a quantile table of the reservoir)
 * is written instead. Weibull is not a candidate: the flow format has no Weibull, and the
 * empirical table already covers the shapes the three families miss.
 */
import type { Dist } from "../model/distribution";
import { type DurationSample, ZERO_SECONDS } from "./sample";

/** KS distance above which a parametric family is judged too far from the data. */
export const KS_LIMIT = 0.05;
/** Largest relative gap between the written distribution's p50/p90 and the sample's. */
export const QUANTILE_TOLERANCE = 0.08;
/** Fewest positive values for a likelihood fit; fewer give an exponential on the mean. */
export const MIN_FIT = 5;

export type Family = "exponential" | "lognormal" | "gamma";

export interface FitResult {
  dist: Dist;
  /** What was chosen and why, for the report. */
  chosen: Family | "empirical" | "fixed" | "none";
  n: number;
  mean: number;
  zeroShare: number;
  /** Log-likelihood per candidate (positive part). */
  logLikelihood: Partial<Record<Family, number>>;
  /** KS distance of the written distribution to the sample (the chosen one). */
  ks?: number;
  /** KS distance of each candidate as written. */
  distances?: Partial<Record<Family, number>>;
  /** The sample's p50/p90 and the written distribution's (seconds). */
  quantiles?: { sample: [number, number]; written: [number, number] };
}

/** Fits a duration distribution (seconds) to a sample. */
export function fitDuration(sample: DurationSample): FitResult {
  const n = sample.n;
  const mean = sample.mean;
  const zeroShare = n > 0 ? sample.zeros / n : 0;
  const base = { n, mean, zeroShare, logLikelihood: {} };
  if (n === 0) return { ...base, dist: { dist: "fixed", value: 0 }, chosen: "none" };
  const m = sample.positives;
  if (m === 0) return { ...base, dist: { dist: "fixed", value: 0 }, chosen: "fixed" };
  const posMean = sample.sumPositive / m;
  // Durations under a second are written as zeros: judge the written distribution on that.
  const sorted = sample.sorted().map((x) => (x < ZERO_SECONDS ? 0 : x));
  if (m < MIN_FIT) {
    const dist = empiricalOf(sorted);
    return { ...base, dist, chosen: "empirical", ks: ksDistance(sorted, cdfOf(dist)) };
  }
  const mu = sample.sumLog / m;
  const s2 = Math.max(1e-12, sample.sumLog2 / m - mu * mu);
  const k = gammaShape(Math.log(posMean) - mu);
  const theta = posMean / k;
  const logLikelihood: Record<Family, number> = {
    exponential: -m * Math.log(posMean) - m,
    lognormal: -sample.sumLog - (m / 2) * Math.log(2 * Math.PI * s2) - m / 2,
    gamma: (k - 1) * sample.sumLog - sample.sumPositive / theta - m * k * Math.log(theta) - m * lnGamma(k),
  };
  const logMean = Math.exp(mu + s2 / 2);
  const candidates: Record<Family, Dist> = {
    exponential: roundDist({ dist: "exponential", mean: posMean }),
    lognormal: roundDist({ dist: "lognormal", mean: logMean, sd: logMean * Math.sqrt(Math.expm1(s2)) }),
    gamma: roundDist({ dist: "gamma", mean: posMean, sd: posMean / Math.sqrt(k) }),
  };
  const target: [number, number] = [quantileSorted(sorted, 0.5), quantileSorted(sorted, 0.9)];
  const distances: Partial<Record<Family, number>> = {};
  let best: { family: Family; dist: Dist; ks: number; written: [number, number] } | undefined;
  for (const family of ["exponential", "gamma", "lognormal"] as const) {
    const dist = withZeros(candidates[family], zeroShare);
    const ks = ksDistance(sorted, cdfOf(dist));
    distances[family] = ks;
    const written: [number, number] = [distQuantile(dist, 0.5), distQuantile(dist, 0.9)];
    if (ks > KS_LIMIT || !quantilesMatch(written, target)) continue;
    // The simpler family is kept unless another is clearly closer (beyond sampling noise).
    if (best === undefined || ks < best.ks - 0.005) best = { family, dist, ks, written };
  }
  const result = { ...base, logLikelihood, distances };
  if (best)
    return {
      ...result,
      dist: best.dist,
      chosen: best.family,
      ks: best.ks,
      quantiles: { sample: target, written: best.written },
    };
  // The table holds the zeros itself (as value 0 with their weight).
  const dist = empiricalOf(sorted);
  return {
    ...result,
    dist,
    chosen: "empirical",
    ks: ksDistance(sorted, cdfOf(dist)),
    quantiles: { sample: target, written: [distQuantile(dist, 0.5), distQuantile(dist, 0.9)] },
  };
}

/**
 * The reservoir as an empirical distribution: its quantiles at 0, 0.5%, ..., 100% (201
 * values, equal ones merged into weights), so the table's p50 and p90 are the sample's own
 * (a value of an n-value table has probability 1/n: the least value whose cumulative share
 * reaches q is the sample's q-quantile). The top value is then moved so the table also keeps
 * the sample's mean (what the 0.5% tail beyond the last step carries), when that keeps the
 * order; utilisation depends on the mean.
 */
export function empiricalOf(sorted: readonly number[]): Dist {
  const steps = 200;
  const points = Array.from({ length: steps + 1 }, (_, i) => quantileSorted(sorted, i / steps));
  const sampleMean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const tableMean = points.reduce((a, b) => a + b, 0) / points.length;
  const top = points[steps]! + (steps + 1) * (sampleMean - tableMean);
  if (top >= points[steps - 1]!) points[steps] = top;
  const values: number[] = [];
  const weights: number[] = [];
  for (const p of points) {
    const v = round(p);
    if (values.length > 0 && values[values.length - 1] === v) weights[weights.length - 1]!++;
    else {
      values.push(v);
      weights.push(1);
    }
  }
  return weights.every((w) => w === 1) ? { dist: "empirical", values } : { dist: "empirical", values, weights };
}

/** Cumulative distribution function of a written distribution (seconds). */
export function cdfOf(dist: Dist): (x: number) => number {
  switch (dist.dist) {
    case "fixed":
      return (x) => (x >= dist.value ? 1 : 0);
    case "exponential":
      return (x) => (x <= 0 ? 0 : 1 - Math.exp(-x / dist.mean));
    case "lognormal": {
      const s2 = Math.log(1 + (dist.sd / dist.mean) ** 2);
      const mu = Math.log(dist.mean) - s2 / 2;
      const s = Math.sqrt(s2);
      return (x) => (x <= 0 ? 0 : s === 0 ? (x >= dist.mean ? 1 : 0) : normalCdf((Math.log(x) - mu) / s));
    }
    case "gamma":
    case "erlang": {
      const k = dist.dist === "erlang" ? dist.k : (dist.mean / Math.max(dist.sd, 1e-9)) ** 2;
      const theta = dist.mean / k;
      return (x) => gammaP(k, x / theta);
    }
    case "empirical": {
      const w = dist.weights ?? dist.values.map(() => 1);
      const pairs = dist.values.map((v, i) => [v, w[i] ?? 0] as const).sort((a, b) => a[0] - b[0]);
      const total = pairs.reduce((a, [, x]) => a + x, 0);
      return (x) => {
        let acc = 0;
        for (const [v, wt] of pairs) {
          if (v > x) break;
          acc += wt;
        }
        return total > 0 ? acc / total : 0;
      };
    }
    case "mixture": {
      const total = dist.parts.reduce((a, p) => a + p.weight, 0);
      const parts = dist.parts.map((p) => [p.weight / total, cdfOf(p.dist)] as const);
      return (x) => parts.reduce((a, [w, f]) => a + w * f(x), 0);
    }
    case "uniform":
      return (x) => Math.min(1, Math.max(0, (x - dist.min) / Math.max(1e-9, dist.max - dist.min)));
    case "triangular":
      return triangularCdf(dist.min, dist.mode, dist.max);
    case "normal":
      return (x) => normalCdf((x - dist.mean) / Math.max(dist.sd, 1e-9));
    default: {
      const never: never = dist;
      return never;
    }
  }
}

/** Quantile q (0..1) of a written distribution: the least x with F(x) >= q (bisection). */
export function distQuantile(dist: Dist, q: number): number {
  const f = cdfOf(dist);
  if (f(0) >= q) return 0;
  let hi = Math.max(1, meanOf(dist));
  while (f(hi) < q && hi < 1e12) hi *= 2;
  let lo = 0;
  for (let i = 0; i < 60 && hi - lo > 1e-3 * Math.max(1, lo); i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) >= q) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Mean of a distribution as written by `fitDuration` (for checks and the report). */
export function meanOf(dist: Dist): number {
  switch (dist.dist) {
    case "fixed":
      return dist.value;
    case "empirical": {
      const w = dist.weights ?? dist.values.map(() => 1);
      const total = w.reduce((a, b) => a + b, 0);
      return dist.values.reduce((a, v, i) => a + v * w[i]!, 0) / total;
    }
    case "mixture": {
      const total = dist.parts.reduce((a, p) => a + p.weight, 0);
      return dist.parts.reduce((a, p) => a + p.weight * meanOf(p.dist), 0) / total;
    }
    case "erlang":
    case "exponential":
    case "lognormal":
    case "gamma":
    case "normal":
      return dist.mean;
    case "triangular":
      return (dist.min + dist.mode + dist.max) / 3;
    case "uniform":
      return (dist.min + dist.max) / 2;
    default: {
      const never: never = dist;
      return never;
    }
  }
}

/** A distribution rounded as the flow file holds it (0.1 s; an sd of at least 0.1 s). */
export function roundDist(d: Dist): Dist {
  switch (d.dist) {
    case "exponential":
      return { dist: "exponential", mean: round(d.mean) };
    case "lognormal":
    case "gamma":
      return { dist: d.dist, mean: round(d.mean), sd: round(Math.max(d.sd, 0.1)) };
    case "mixture":
      return { dist: "mixture", parts: d.parts.map((p) => ({ weight: p.weight, dist: roundDist(p.dist) })) };
    default:
      return d;
  }
}

/** Quantile q of sorted values (linear interpolation between order statistics; NaN when empty). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

// helpers

/** A share of zero durations (1% or more) becomes a mixture of "0" and the fitted part. */
function withZeros(dist: Dist, zeroShare: number): Dist {
  if (zeroShare < 0.01) return dist;
  const w = round(zeroShare, 4);
  return {
    dist: "mixture",
    parts: [
      { weight: w, dist: { dist: "fixed", value: 0 } },
      { weight: round(1 - w, 4), dist },
    ],
  };
}

/** Within the tolerance, or within a second (durations are often logged to the second or minute). */
function quantilesMatch(written: readonly number[], target: readonly number[]): boolean {
  return written.every((w, i) => {
    const t = target[i]!;
    return Math.abs(w - t) <= Math.max(1, QUANTILE_TOLERANCE * t);
  });
}

/** Gamma shape from s = ln(mean) - mean(ln x) (Minka 2002, then Newton on the score). */
function gammaShape(s: number): number {
  if (!(s > 1e-9)) return 1e6;
  let k = (3 - s + Math.sqrt((s - 3) ** 2 + 24 * s)) / (12 * s);
  for (let i = 0; i < 6; i++) {
    const f = Math.log(k) - digamma(k) - s;
    const df = 1 / k - trigamma(k);
    const next = k - f / df;
    if (!(next > 0) || !Number.isFinite(next)) break;
    k = next;
  }
  return k;
}

function digamma(x: number): number {
  let r = 0;
  let y = x;
  while (y < 6) {
    r -= 1 / y;
    y += 1;
  }
  const f = 1 / (y * y);
  return r + Math.log(y) - 0.5 / y - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}

function trigamma(x: number): number {
  let r = 0;
  let y = x;
  while (y < 6) {
    r += 1 / (y * y);
    y += 1;
  }
  const f = 1 / (y * y);
  return r + 1 / y + f / 2 + (f / y) * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f / 30)));
}

/** ln Γ(x), Lanczos approximation (g = 7, n = 9). */
export function lnGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let a = c[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised lower incomplete gamma P(k, x) (Numerical Recipes: series / continued fraction). */
function gammaP(k: number, x: number): number {
  if (x <= 0) return 0;
  const lnPre = k * Math.log(x) - x - lnGamma(k);
  if (x < k + 1) {
    let sum = 1 / k;
    let term = sum;
    for (let n = 1; n < 500; n++) {
      term *= x / (k + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-12) break;
    }
    return Math.min(1, sum * Math.exp(lnPre));
  }
  let b = x + 1 - k;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - k);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-12) break;
  }
  return Math.max(0, 1 - Math.exp(lnPre) * h);
}

function normalCdf(z: number): number {
  // Abramowitz & Stegun 7.1.26 on erf: absolute error below 1.5e-7.
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp((-z * z) / 2);
  return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

function triangularCdf(min: number, mode: number, max: number): (x: number) => number {
  return (x) => {
    if (x <= min) return 0;
    if (x >= max) return 1;
    if (x <= mode) return (x - min) ** 2 / ((max - min) * Math.max(1e-9, mode - min));
    return 1 - (max - x) ** 2 / ((max - min) * Math.max(1e-9, max - mode));
  };
}

/** KS distance between sorted values and a CDF (the CDF's jumps, e.g. at 0, counted as such). */
function ksDistance(sorted: readonly number[], cdf: (x: number) => number): number {
  let d = 0;
  const n = sorted.length;
  for (let i = 0; i < n; ) {
    const x = sorted[i]!;
    let j = i;
    while (j < n && sorted[j] === x) j++;
    const f = cdf(x);
    d = Math.max(d, Math.abs(f - j / n), Math.abs(cdf(x - 1e-9 * Math.max(1, x)) - i / n));
    i = j;
  }
  return d;
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
