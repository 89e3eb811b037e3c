/**
 * Samplers for every distribution of DESIGN.md, compiled once from a `Dist` so that drawing
 * in the hot loop allocates nothing. Means and sd are those of the distribution itself:
 * - lognormal(mean m, sd s): sigma^2 = ln(1 + s^2/m^2), mu = ln m - sigma^2/2;
 * - gamma(mean m, sd s): shape k = m^2/s^2, scale m/k (Marsaglia & Tsang 2000; shape < 1
 *   by the boost X * U^(1/k));
 * - erlang(k, mean m): sum of k exponentials of mean m/k;
 * - normal(mean, sd) truncated at 0 by resampling (after 64 negative draws: 0, for a
 *   distribution whose mass sits almost all below 0);
 * - empirical(values, weights): a value with probability proportional to its weight;
 * - mixture: a part chosen by weight, then a draw from it.
 * Normal deviates come from the stream's Box-Muller pairs (rng.ts `normal`).
 */
import type { Dist } from "../model";
import type { RandomStream } from "./rng";

const FIXED = 0;
const EXPONENTIAL = 1;
const LOGNORMAL = 2;
const GAMMA = 3;
const ERLANG = 4;
const TRIANGULAR = 5;
const UNIFORM = 6;
const NORMAL = 7;
const EMPIRICAL = 8;
const MIXTURE = 9;

/** A compiled distribution. `sample` draws one value from a stream. */
export class Sampler {
  /** Distribution code (see the constants above). */
  readonly code: number;
  /** Parameters; their meaning depends on `code`. */
  readonly p0: number;
  readonly p1: number;
  readonly p2: number;
  /** Empirical values. */
  readonly values: Float64Array;
  /** Cumulative normalised weights (empirical values or mixture parts). */
  readonly cumulative: Float64Array;
  readonly parts: Sampler[];
  /** The distribution's mean (for a truncated normal, the mean before truncation). */
  readonly mean: number;

  constructor(dist: Dist) {
    let p0 = 0;
    let p1 = 0;
    let p2 = 0;
    let values: Float64Array = new Float64Array(0);
    let cumulative: Float64Array = new Float64Array(0);
    let parts: Sampler[] = [];
    let code = FIXED;
    let mean = 0;
    switch (dist.dist) {
      case "fixed":
        p0 = dist.value;
        mean = p0;
        break;
      case "exponential":
        code = EXPONENTIAL;
        p0 = dist.mean;
        mean = p0;
        break;
      case "lognormal": {
        mean = dist.mean;
        if (dist.sd <= 0 || dist.mean <= 0) {
          p0 = Math.max(dist.mean, 0);
          break;
        }
        code = LOGNORMAL;
        const sigma2 = Math.log(1 + (dist.sd * dist.sd) / (dist.mean * dist.mean));
        p0 = Math.log(dist.mean) - sigma2 / 2;
        p1 = Math.sqrt(sigma2);
        break;
      }
      case "gamma":
        mean = dist.mean;
        if (dist.sd <= 0 || dist.mean <= 0) {
          p0 = Math.max(dist.mean, 0);
          break;
        }
        code = GAMMA;
        p0 = (dist.mean * dist.mean) / (dist.sd * dist.sd);
        p1 = dist.mean / p0;
        break;
      case "erlang":
        code = ERLANG;
        p0 = Math.max(1, Math.round(dist.k));
        p1 = dist.mean / p0;
        mean = dist.mean;
        break;
      case "triangular":
        code = TRIANGULAR;
        p0 = dist.min;
        p1 = dist.mode;
        p2 = dist.max;
        mean = (p0 + p1 + p2) / 3;
        break;
      case "uniform":
        code = UNIFORM;
        p0 = dist.min;
        p1 = dist.max;
        mean = (p0 + p1) / 2;
        break;
      case "normal":
        code = NORMAL;
        p0 = dist.mean;
        p1 = dist.sd;
        mean = p0;
        break;
      case "empirical":
        code = EMPIRICAL;
        values = Float64Array.from(dist.values);
        cumulative = cumulate(dist.values.map((_, i) => dist.weights?.[i] ?? (dist.weights ? 0 : 1)));
        mean = dist.values.reduce((sum, v, i) => sum + v * (cumulative[i]! - (i > 0 ? cumulative[i - 1]! : 0)), 0);
        break;
      case "mixture":
        code = MIXTURE;
        parts = dist.parts.map((part) => new Sampler(part.dist));
        cumulative = cumulate(dist.parts.map((part) => part.weight));
        mean = parts.reduce((sum, part, i) => sum + part.mean * (cumulative[i]! - (i > 0 ? cumulative[i - 1]! : 0)), 0);
        break;
    }
    this.code = code;
    this.p0 = p0;
    this.p1 = p1;
    this.p2 = p2;
    this.values = values;
    this.cumulative = cumulative;
    this.parts = parts;
    this.mean = mean;
  }

  /**
   * One draw from `rng`. Kept this small so that the optimising compiler inlines it into
   * the engine's handlers: the commonest draws then return an unboxed number.
   */
  sample(rng: RandomStream): number {
    const code = this.code;
    if (code === EXPONENTIAL) return -this.p0 * Math.log(rng.next());
    if (code === FIXED) return this.p0;
    return this.sampleOther(rng);
  }

  // helpers

  /** Draws of every other distribution (same arithmetic, same stream use, as `sample`). */
  private sampleOther(rng: RandomStream): number {
    switch (this.code) {
      case FIXED:
        return this.p0;
      case EXPONENTIAL:
        return -this.p0 * Math.log(rng.next());
      case LOGNORMAL:
        return Math.exp(this.p0 + this.p1 * rng.normal());
      case GAMMA:
        return this.p1 * standardGamma(this.p0, rng);
      case ERLANG: {
        let sum = 0;
        for (let i = 0; i < this.p0; i++) sum -= Math.log(rng.next());
        return sum * this.p1;
      }
      case TRIANGULAR:
        return triangular(this.p0, this.p1, this.p2, rng.next());
      case UNIFORM:
        return this.p0 + (this.p1 - this.p0) * rng.next();
      case NORMAL:
        for (let i = 0; i < 64; i++) {
          const x = this.p0 + this.p1 * rng.normal();
          if (x >= 0) return x;
        }
        return 0;
      case EMPIRICAL:
        return this.values[pick(this.cumulative, rng.next())]!;
      default:
        return this.parts[pick(this.cumulative, rng.next())]!.sample(rng);
    }
  }
}

/** Compiles a distribution into a sampler. */
export function compileDist(dist: Dist): Sampler {
  return new Sampler(dist);
}

/**
 * Index of the first cumulative share above `u` (u in (0,1)); the last index when rounding
 * leaves `u` above every share.
 */
export function pick(cumulative: Float64Array, u: number): number {
  const last = cumulative.length - 1;
  for (let i = 0; i < last; i++) if (u < cumulative[i]!) return i;
  return last;
}

/** Cumulative shares normalised to end at 1 (all zero weights: equal shares). */
export function cumulate(weights: readonly number[]): Float64Array {
  const total = weights.reduce((a, b) => a + Math.max(0, b), 0);
  const out = new Float64Array(weights.length);
  let run = 0;
  for (let i = 0; i < weights.length; i++) {
    run += total > 0 ? Math.max(0, weights[i]!) / total : 1 / weights.length;
    out[i] = run;
  }
  if (out.length > 0) out[out.length - 1] = 1;
  return out;
}

// helpers

/** Gamma(shape, 1) deviate: Marsaglia & Tsang (2000), "A simple method for generating gamma variables". */
function standardGamma(shape: number, rng: RandomStream): number {
  if (shape < 1) return standardGamma(shape + 1, rng) * rng.next() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x = 0;
    let v = 0;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Inverse distribution function of the triangular distribution. */
function triangular(min: number, mode: number, max: number, u: number): number {
  const span = max - min;
  if (span <= 0) return min;
  const cut = (mode - min) / span;
  return u < cut ? min + Math.sqrt(u * span * (mode - min)) : max - Math.sqrt((1 - u) * span * (max - mode));
}
