/**
 * The shape of a distribution for the editor's preview: its density drawn analytically on a
 * grid (exponential, lognormal, gamma/Erlang, normal truncated at 0, triangular, uniform),
 * point masses for fixed and empirical values, and weighted sums for mixtures.
 */
import { type Dist, distMean } from "../../model";

/** A preview: density at evenly spaced x, plus point masses (probability at one x). */
export interface DistShape {
  xMax: number;
  xs: number[];
  density: number[];
  spikes: { x: number; p: number }[];
  mean: number;
}

const POINTS = 80;

/** Computes the preview shape of `dist` over [0, xMax] (xMax chosen to show its bulk). */
export function distShape(dist: Dist): DistShape {
  const mean = distMean(dist);
  const xMax = Math.max(upperBound(dist), 1e-9);
  const xs = Array.from({ length: POINTS }, (_, i) => (xMax * (i + 0.5)) / POINTS);
  const density = xs.map((x) => pdf(dist, x));
  return { xMax, xs, density, spikes: spikes(dist, 1), mean };
}

/** Density at x (point masses excluded). */
export function pdf(dist: Dist, x: number): number {
  switch (dist.dist) {
    case "fixed":
    case "empirical":
      return 0;
    case "exponential":
      return dist.mean > 0 && x >= 0 ? Math.exp(-x / dist.mean) / dist.mean : 0;
    case "lognormal": {
      if (dist.mean <= 0 || x <= 0) return 0;
      if (dist.sd <= 0) return 0;
      const s2 = Math.log(1 + (dist.sd * dist.sd) / (dist.mean * dist.mean));
      const mu = Math.log(dist.mean) - s2 / 2;
      const z = Math.log(x) - mu;
      return Math.exp((-z * z) / (2 * s2)) / (x * Math.sqrt(2 * Math.PI * s2));
    }
    case "gamma":
      if (dist.mean <= 0 || dist.sd <= 0) return 0;
      return gammaPdf(x, (dist.mean * dist.mean) / (dist.sd * dist.sd), (dist.sd * dist.sd) / dist.mean);
    case "erlang":
      return dist.mean > 0 ? gammaPdf(x, dist.k, dist.mean / dist.k) : 0;
    case "normal": {
      if (dist.sd <= 0 || x < 0) return 0;
      const z = (x - dist.mean) / dist.sd;
      return Math.exp((-z * z) / 2) / (dist.sd * Math.sqrt(2 * Math.PI));
    }
    case "triangular": {
      const { min, mode, max } = dist;
      if (x < min || x > max || max <= min) return 0;
      if (x < mode) return (2 * (x - min)) / ((max - min) * (mode - min));
      return mode === max ? 2 / (max - min) : (2 * (max - x)) / ((max - min) * (max - mode));
    }
    case "uniform":
      return dist.max > dist.min && x >= dist.min && x <= dist.max ? 1 / (dist.max - dist.min) : 0;
    case "mixture": {
      const total = dist.parts.reduce((a, p) => a + p.weight, 0);
      return total > 0 ? dist.parts.reduce((sum, p) => sum + (p.weight / total) * pdf(p.dist, x), 0) : 0;
    }
  }
}

// helpers

function spikes(dist: Dist, scale: number): { x: number; p: number }[] {
  switch (dist.dist) {
    case "fixed":
      return [{ x: dist.value, p: scale }];
    case "empirical": {
      const weights = dist.weights ?? dist.values.map(() => 1);
      const total = weights.reduce((a, b) => a + b, 0);
      return total > 0 ? dist.values.map((x, i) => ({ x, p: (scale * (weights[i] ?? 0)) / total })) : [];
    }
    case "mixture": {
      const total = dist.parts.reduce((a, p) => a + p.weight, 0);
      return total > 0 ? dist.parts.flatMap((p) => spikes(p.dist, (scale * p.weight) / total)) : [];
    }
    default:
      return [];
  }
}

function upperBound(dist: Dist): number {
  switch (dist.dist) {
    case "fixed":
      return dist.value * 2 || 1;
    case "exponential":
      return dist.mean * 4;
    case "lognormal":
    case "gamma":
      return dist.mean + 3.5 * dist.sd || dist.mean * 2;
    case "normal":
      return dist.mean + 3 * dist.sd || dist.mean * 2;
    case "erlang":
      return dist.mean * (1 + 4 / Math.sqrt(dist.k));
    case "triangular":
    case "uniform":
      return dist.max * 1.1;
    case "empirical":
      return Math.max(...dist.values) * 1.15 || 1;
    case "mixture":
      return Math.max(...dist.parts.map((p) => upperBound(p.dist)), distMean(dist) * 2 || 1);
  }
}

function gammaPdf(x: number, shape: number, scale: number): number {
  if (x <= 0 || shape <= 0 || scale <= 0) return 0;
  return Math.exp((shape - 1) * Math.log(x) - x / scale - logGamma(shape) - shape * Math.log(scale));
}

/** ln Γ(z) by the Lanczos approximation (g = 7, n = 9), accurate to ~1e-13 for z > 0. */
function logGamma(z: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const zz = z - 1;
  let a = c[0] as number;
  const t = zz + 7.5;
  for (let i = 1; i < 9; i++) a += (c[i] as number) / (zz + i);
  return 0.5 * Math.log(2 * Math.PI) + (zz + 0.5) * Math.log(t) - t + Math.log(a);
}
