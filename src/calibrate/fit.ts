/**
 * Fitting a duration distribution to a streamed sample. Candidates: exponential, lognormal
 * and gamma, each by maximum likelihood (gamma's shape by Minka's approximation refined by
 * Newton steps: T. Minka, "Estimating a Gamma distribution", 2002); the one with the best
 * AIC wins. The chosen family keeps the sample's own mean (so team workload, and hence
 * utilisation, is exact) and takes its spread from the likelihood fit. Where even the best
 * family is far from the data (Kolmogorov–Smirnov distance above `KS_LIMIT`) the empirical
 * distribution of the reservoir is used instead; a share of zero durations (a status changed
 * twice in one minute) becomes a mixture of "0" and the fitted part.
 */
import type { Dist } from "../model/distribution";
import type { DurationSample } from "./sample";

/** KS distance above which a parametric family is judged too far from the data. */
export const KS_LIMIT = 0.08;
/** Fewest positive values for a likelihood fit; fewer give an exponential on the mean. */
export const MIN_FIT = 5;

export interface FitResult {
  dist: Dist;
  /** What was chosen and why, for the report. */
  chosen: "exponential" | "lognormal" | "gamma" | "empirical" | "fixed" | "none";
  n: number;
  mean: number;
  zeroShare: number;
  /** Log-likelihood per candidate (positive part). */
  logLikelihood: Partial<Record<"exponential" | "lognormal" | "gamma", number>>;
  ks?: number;
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
  if (m < MIN_FIT) return withZeros({ ...base, dist: { dist: "exponential", mean: posMean }, chosen: "exponential" });

  const mu = sample.sumLog / m;
  const s2 = Math.max(1e-12, sample.sumLog2 / m - mu * mu);
  const ll = {
    exponential: -m * Math.log(posMean) - m,
    lognormal: -sample.sumLog - (m / 2) * Math.log(2 * Math.PI * s2) - m / 2,
    gamma: Number.NEGATIVE_INFINITY,
  };
  const k = gammaShape(Math.log(posMean) - mu);
  const theta = posMean / k;
  ll.gamma = (k - 1) * sample.sumLog - sample.sumPositive / theta - m * k * Math.log(theta) - m * lnGamma(k);
  const aic = { exponential: 2 - 2 * ll.exponential, lognormal: 4 - 2 * ll.lognormal, gamma: 4 - 2 * ll.gamma };
  let family = (Object.keys(aic) as (keyof typeof aic)[]).reduce((a, b) => (aic[b] < aic[a] ? b : a));
  // Exponential is nested in gamma: keep the simpler model unless the likelihood-ratio test
  // rejects it at 1% (2 ΔLL > 6.63, chi-square with one degree of freedom).
  if (family !== "exponential" && 2 * (ll[family] - ll.exponential) < 6.63) family = "exponential";
  const sd =
    family === "exponential"
      ? posMean
      : family === "lognormal"
        ? posMean * Math.sqrt(Math.expm1(s2))
        : posMean / Math.sqrt(k);
  const dist: Dist =
    family === "exponential" ? { dist: "exponential", mean: posMean } : { dist: family, mean: posMean, sd };
  const positives = sample.sorted().filter((x) => x >= 1);
  const cdf = (x: number) =>
    family === "exponential"
      ? 1 - Math.exp(-x / posMean)
      : family === "lognormal"
        ? normalCdf((Math.log(x) - mu) / Math.sqrt(s2))
        : gammaP(k, x / theta);
  const ks = ksDistance(positives, cdf);
  const result: FitResult = { ...base, dist, chosen: family, logLikelihood: ll, ks };
  if (ks > KS_LIMIT && positives.length >= 50) {
    result.dist = empiricalOf(positives);
    result.chosen = "empirical";
  }
  return withZeros(result);
}

/** The reservoir as an empirical distribution of (at most) 100 quantiles, mean kept. */
export function empiricalOf(sorted: readonly number[]): Dist {
  const count = Math.min(100, sorted.length);
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const lo = Math.floor((i * sorted.length) / count);
    const hi = Math.floor(((i + 1) * sorted.length) / count);
    let s = 0;
    for (let j = lo; j < hi; j++) s += sorted[j]!;
    values.push(round(s / Math.max(1, hi - lo)));
  }
  return { dist: "empirical", values };
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

// helpers

function withZeros(fit: FitResult): FitResult {
  if (fit.zeroShare < 0.01) return fit;
  const w = round(fit.zeroShare, 4);
  return {
    ...fit,
    dist: {
      dist: "mixture",
      parts: [
        { weight: w, dist: { dist: "fixed", value: 0 } },
        { weight: round(1 - w, 4), dist: fit.dist },
      ],
    },
  };
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

function ksDistance(sorted: readonly number[], cdf: (x: number) => number): number {
  let d = 0;
  const n = sorted.length;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, Math.abs(f - i / n), Math.abs((i + 1) / n - f));
  }
  return d;
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
