/** Hourly and weekly arrival profiles as the engine and the load estimate read them. */

/** Weights normalised to mean 1 over `length` entries (missing entries weigh 0; no weights: all 1). */
export function meanOne(weights: number[] | undefined, length: number): Float64Array {
  const out = new Float64Array(length).fill(1);
  if (!weights || weights.length === 0) return out;
  let total = 0;
  for (let i = 0; i < length; i++) total += weights[i] ?? 0;
  for (let i = 0; i < length; i++) out[i] = total > 0 ? ((weights[i] ?? 0) * length) / total : 0;
  return out;
}
