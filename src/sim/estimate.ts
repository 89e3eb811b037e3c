/**
 * Means with Student-t 95% confidence intervals over replications.
 *
 * t quantile: exact table values of t(0.975, df) for df = 1..30 (Abramowitz & Stegun,
 * Handbook of Mathematical Functions, table 26.10), and beyond that the Cornish-Fisher
 * expansion of A&S 26.7.5 around the normal quantile 1.959964, accurate to better than
 * 1e-4 for df > 30.
 */
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
