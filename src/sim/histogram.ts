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

/**
 * The bin of `seconds` by the defining formula: 0 below 1 ms (and for NaN), else
 * 1 + floor((ln s - ln 1e-3) x 40 / ln 10), the last bin taking anything longer. The hot
 * path (`addToHistogram`) finds the same bin without a logarithm, from BIN_START.
 */
export function histogramBin(seconds: number): number {
  let bin = 0;
  if (seconds >= 1e-3) {
    bin = 1 + Math.floor((Math.log(seconds) - LOG_MIN) * SCALE);
    if (bin >= HISTOGRAM_BINS) bin = HISTOGRAM_BINS - 1;
  }
  return bin;
}

const ulpScratch = new Float64Array(1);
const ulpBits = new BigInt64Array(ulpScratch.buffer);
const scratchUlp = ulpScratch;
const scratchUlpWords = new Int32Array(ulpScratch.buffer);
const ULP_HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
/**
 * BIN_START[b]: the smallest number of seconds `histogramBin` puts in bin b or above (b >= 1),
 * found exactly once at load: from the bin's nominal edge, a few steps of one ulp to where
 * the formula changes bin (the formula is monotone). Index 0 holds -Infinity, index
 * HISTOGRAM_BINS Infinity.
 */
const BIN_START = binStarts();
/** Scratch for reading a double's high word: sign, exponent, leading mantissa bits (little-endian or not). */
const scratch = new Float64Array(1);
const scratchWords = new Int32Array(scratch.buffer);
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
/**
 * Sub-octaves: a positive double's high word shifted right by SUB_SHIFT keeps its exponent
 * and 6 leading mantissa bits, a step of 2^(1/64) (1.1%), finer than a bin (10^(1/40), 5.9%),
 * so a sub-octave holds at most one bin start. SUB_BIN[i]: the bin of the lowest double of
 * sub-octave SUB_FIRST + i, for the sub-octaves from BIN_START[1] to the last bin's start.
 */
const SUB_SHIFT = 14;
const SUB_FIRST = highWord(BIN_START[1]!) >> SUB_SHIFT;
const SUB_BIN = subOctaveBins();

/** Counts `seconds` into `counts` (length HISTOGRAM_BINS): the bin of `histogramBin`, found without a logarithm. */
export function addToHistogram(counts: Float64Array, seconds: number): void {
  let bin = 0;
  if (seconds >= BIN_START[1]!) {
    scratch[0] = seconds;
    const sub = (scratchWords[HIGH_WORD]! >> SUB_SHIFT) - SUB_FIRST;
    if (sub < SUB_BIN.length) {
      bin = SUB_BIN[sub]!;
      if (seconds >= BIN_START[bin + 1]!) bin++;
    } else bin = HISTOGRAM_BINS - 1;
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

// helpers

function binStarts(): Float64Array {
  const starts = new Float64Array(HISTOGRAM_BINS + 1);
  starts[0] = Number.NEGATIVE_INFINITY;
  starts[HISTOGRAM_BINS] = Number.POSITIVE_INFINITY;
  for (let b = 1; b < HISTOGRAM_BINS; b++) {
    let x = Math.max(1e-3, 10 ** (MIN_EXPONENT + (b - 1) / BINS_PER_DECADE));
    if (histogramBin(x) >= b) {
      for (let below = nextDown(x); below >= 1e-3 && histogramBin(below) >= b; below = nextDown(below)) x = below;
    } else {
      while (histogramBin(x) < b) x = nextUp(x);
    }
    starts[b] = x;
  }
  return starts;
}

/** The next double above positive finite x. */
function nextUp(x: number): number {
  ulpScratch[0] = x;
  ulpBits[0]! += 1n;
  return ulpScratch[0]!;
}

/** The next double below positive x. */
function nextDown(x: number): number {
  ulpScratch[0] = x;
  ulpBits[0]! -= 1n;
  return ulpScratch[0]!;
}

function highWord(x: number): number {
  scratchUlp[0] = x;
  return scratchUlpWords[ULP_HIGH_WORD]!;
}

function subOctaveBins(): Int16Array {
  const last = highWord(BIN_START[HISTOGRAM_BINS - 1]!) >> SUB_SHIFT;
  const bins = new Int16Array(last - SUB_FIRST + 1);
  let bin = 0;
  for (let i = 0; i < bins.length; i++) {
    // the sub-octave's lowest double: high word (SUB_FIRST + i) << SUB_SHIFT, low word 0
    scratchUlpWords[ULP_HIGH_WORD] = (SUB_FIRST + i) << SUB_SHIFT;
    scratchUlpWords[1 - ULP_HIGH_WORD] = 0;
    const low = scratchUlp[0]!;
    while (bin < HISTOGRAM_BINS - 1 && low >= BIN_START[bin + 1]!) bin++;
    bins[i] = bin;
  }
  return bins;
}
