/**
 * The measured stretch of a replication on the clock: from the end of the warm-up to the
 * horizon, cut into series intervals. Time averages (backlog, queue lengths, utilisation)
 * and series are taken over this window only.
 */

/**
 * The drain after the horizon stops at this many horizons of run time (flows that never
 * empty); the engine also stops it after as many events again as the run took.
 */
export const DRAIN_CAP_HORIZONS = 10;

export interface MeasureWindow {
  /** Run time (seconds) at which measurement starts: the end of the warm-up. */
  readonly warmup: number;
  /** Run time (seconds) at which arrivals stop and the clock figures end. */
  readonly horizon: number;
  /** Seconds between two series points. */
  readonly interval: number;
  /** Number of series points (the first at `warmup`). */
  readonly points: number;
}

/** The window of a run of `horizon` seconds (warm-up and interval in seconds). */
export function measureWindow(warmupSeconds: number, horizon: number, seriesInterval: number): MeasureWindow {
  const warmup = Math.min(warmupSeconds, horizon);
  const interval = seriesInterval > 0 ? seriesInterval : 3600;
  return { warmup, horizon, interval, points: Math.max(0, Math.ceil((horizon - warmup) / interval)) };
}

/**
 * The run's clock, shared by the engine and its collectors: `clock[0]` is the run time
 * (seconds) of the event being handled. Collectors read it rather than take the time as an
 * argument, so the engine's calls carry integers only and no number is boxed on the way.
 */
export type Clock = Float64Array;

/** A clock at run time 0. */
export function createClock(): Clock {
  return new Float64Array(1);
}

/** Run time `t` clamped into the window (seconds): time averages only grow inside it. */
export function clampToWindow(w: MeasureWindow, t: number): number {
  return t < w.warmup ? w.warmup : t > w.horizon ? w.horizon : t;
}

/** Index of the series interval holding run time `t`, or -1 outside the window. */
export function seriesIndex(w: MeasureWindow, t: number): number {
  const k = Math.floor((t - w.warmup) / w.interval);
  return k >= 0 && k < w.points ? k : -1;
}
