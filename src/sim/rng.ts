/**
 * Seeded random streams. Each purpose (arrivals of one channel, handle times of one node,
 * ...) draws from its own stream, derived from (seed, replication, stream name) alone, so
 * adding a node does not shift other streams, replications can run in any order, and two
 * scenarios of one flow share common random numbers.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, PractRand-clean,
 * 128-bit state, period at least 2^32). Seeding: the key string is hashed with xmur3
 * (MurmurHash3's mixer) into four words, then 15 outputs are discarded.
 */

/** One random stream: uniform draws in (0, 1). */
export class RandomStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** The second deviate of the last Box-Muller pair (NaN when none is waiting). */
  private spareNormal = Number.NaN;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a >>> 0;
    this.b = b >>> 0;
    this.c = c >>> 0;
    this.d = d >>> 0 || 1;
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.c = (r + t) | 0;
    return t >>> 0;
  }

  /** Uniform in the open interval (0, 1): never 0, so -ln(u) is always finite. */
  next(): number {
    return (this.nextUint32() + 0.5) * 2.3283064365386963e-10;
  }

  /**
   * Standard normal deviate by Box-Muller: one pair from two uniforms, the second kept for
   * the next call. The spare lives in the stream, so a stream's draws stay reproducible.
   */
  normal(): number {
    const spare = this.spareNormal;
    if (!Number.isNaN(spare)) {
      this.spareNormal = Number.NaN;
      return spare;
    }
    const r = Math.sqrt(-2 * Math.log(this.next()));
    const theta = 6.283185307179586 * this.next();
    this.spareNormal = r * Math.sin(theta);
    return r * Math.cos(theta);
  }
}

/**
 * The stream of one purpose in one replication.
 * @param seed the run's seed
 * @param replication replication index (0-based)
 * @param name the purpose, e.g. `arrivals:phone` or `handle:l1-phone`
 */
export function createStream(seed: number, replication: number, name: string): RandomStream {
  const next = xmur3(`${seed}\u0000${replication}\u0000${name}`);
  return new RandomStream(next(), next(), next(), next());
}

// helpers

/** xmur3: a string hash whose successive calls give well-mixed 32-bit seeds. */
function xmur3(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
}
