/**
 * Probability distributions as a flow file writes them. Two flavours share one shape:
 * `DurationDist` for times (handle time, patience, waits: parameters are durations, seconds
 * inside) and `NumberDist` for plain quantities (a refund amount, a day's volume factor).
 * A bare value means `fixed`. Means and sd are of the distribution itself, never of its
 * logarithm.
 */
import { z } from "zod";
import { Duration } from "./duration";

/** A decoded distribution: every parameter a plain number (seconds for durations). */
export type Dist =
  | { dist: "fixed"; value: number }
  | { dist: "exponential"; mean: number }
  | { dist: "lognormal"; mean: number; sd: number }
  | { dist: "gamma"; mean: number; sd: number }
  | { dist: "erlang"; k: number; mean: number }
  | { dist: "triangular"; min: number; mode: number; max: number }
  | { dist: "uniform"; min: number; max: number }
  | { dist: "normal"; mean: number; sd: number }
  | { dist: "empirical"; values: number[]; weights?: number[] }
  | { dist: "mixture"; parts: { weight: number; dist: Dist }[] };

export type DistKind = Dist["dist"];

export const DIST_KINDS: readonly DistKind[] = [
  "fixed",
  "exponential",
  "lognormal",
  "gamma",
  "erlang",
  "triangular",
  "uniform",
  "normal",
  "empirical",
  "mixture",
];

/** Builds the schema of a distribution whose parameters follow `param`. */
function distributionSchema(param: z.ZodType<number, unknown>): z.ZodType<Dist, unknown> {
  const weight = z.number().min(0, "weights must not be negative");
  const spread = z.number().min(0, "sd must not be negative");
  const self: z.ZodType<Dist, unknown> = z.lazy(() =>
    z.codec(
      z.union([
        param,
        z.discriminatedUnion("dist", [
          z.object({ dist: z.literal("fixed"), value: param }),
          z.object({ dist: z.literal("exponential"), mean: param }),
          z.object({ dist: z.literal("lognormal"), mean: param, sd: param.pipe(spread) }),
          z.object({ dist: z.literal("gamma"), mean: param, sd: param.pipe(spread) }),
          z.object({
            dist: z.literal("erlang"),
            k: z.number().int().min(1, "k must be at least 1").max(1000, "k must be at most 1,000"),
            mean: param,
          }),
          z.object({ dist: z.literal("triangular"), min: param, mode: param, max: param }),
          z.object({ dist: z.literal("uniform"), min: param, max: param }),
          z.object({ dist: z.literal("normal"), mean: param, sd: param.pipe(spread) }),
          z.object({
            dist: z.literal("empirical"),
            values: z.array(param).min(1, "needs at least one value").max(100_000, "may have at most 100,000 values"),
            weights: z.array(weight).max(100_000, "may have at most 100,000 weights").optional(),
          }),
          z.object({
            dist: z.literal("mixture"),
            parts: z
              .array(z.object({ weight, dist: self }))
              .min(1, "needs at least one part")
              .max(1000, "may have at most 1,000 parts"),
          }),
        ]),
      ]),
      z.custom<Dist>(),
      {
        decode: (value): Dist => (typeof value === "number" ? { dist: "fixed", value } : (value as Dist)),
        encode: (dist) => (dist.dist === "fixed" ? dist.value : dist) as never,
      },
    ),
  );
  return self;
}

/** A distribution of durations (seconds inside; "6m" style strings accepted). */
export const DurationDist = distributionSchema(Duration as unknown as z.ZodType<number, unknown>);
/** A distribution of plain numbers. */
export const NumberDist = distributionSchema(z.number());

/** The mean of a distribution (for a normal truncated at 0, the mean before truncation). */
export function distMean(dist: Dist): number {
  switch (dist.dist) {
    case "fixed":
      return dist.value;
    case "exponential":
    case "lognormal":
    case "gamma":
    case "erlang":
    case "normal":
      return dist.mean;
    case "triangular":
      return (dist.min + dist.mode + dist.max) / 3;
    case "uniform":
      return (dist.min + dist.max) / 2;
    case "empirical": {
      const weights = dist.weights ?? dist.values.map(() => 1);
      const total = weights.reduce((a, b) => a + b, 0);
      return total > 0 ? dist.values.reduce((sum, v, i) => sum + v * (weights[i] ?? 0), 0) / total : Number.NaN;
    }
    case "mixture": {
      const total = dist.parts.reduce((a, p) => a + p.weight, 0);
      return total > 0 ? dist.parts.reduce((sum, p) => sum + p.weight * distMean(p.dist), 0) / total : Number.NaN;
    }
    default:
      return assertNever(dist);
  }
}

/** Compile-time exhaustiveness check for switches over discriminated unions. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
