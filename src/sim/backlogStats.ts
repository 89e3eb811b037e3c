/**
 * The backlog on the clock inside the measured window: open tickets (warm-up ones included)
 * as a time average and a series, the same for tickets past their resolution target (not
 * counting those waiting on the customer, whose resolution clock is paused), and tickets
 * created per series interval. A ticket's open time is added when it closes (or when
 * the run stops), so nothing is done per event while it is open.
 */
import { type MeasureWindow, seriesIndex } from "./measureWindow";

export class BacklogStats {
  /** Integral over the window of open tickets (ticket-seconds). */
  backlogArea = 0;
  /** Integral over the window of open tickets past their target (ticket-seconds). */
  pastSlaArea = 0;
  /** Open tickets at each series point. */
  readonly seriesBacklog: Float64Array;
  /** Measured tickets created per series interval. */
  readonly seriesArrivals: Float64Array;
  /** Difference array of tickets past target per point (prefix sums give the series). */
  readonly seriesPastSlaDiff: Float64Array;
  private readonly window: MeasureWindow;

  constructor(window: MeasureWindow) {
    this.window = window;
    this.seriesBacklog = new Float64Array(window.points);
    this.seriesArrivals = new Float64Array(window.points);
    this.seriesPastSlaDiff = new Float64Array(window.points + 1);
  }

  /** A measured ticket created at run time `now`. */
  arrival(now: number): void {
    const k = seriesIndex(this.window, now);
    if (k >= 0) this.seriesArrivals[k]!++;
  }

  /** A ticket open from `created` to `end` (seconds). */
  openTime(created: number, end: number): void {
    const w = this.window;
    const stop = end < w.horizon ? end : w.horizon;
    const from = created > w.warmup ? created : w.warmup;
    if (stop > from) this.backlogArea += stop - from;
  }

  /**
   * A stretch from `start` to `end` (seconds) during which a ticket's resolution clock ran (it
   * was not waiting on the customer); past its target from run time `due` on (NaN: no target).
   * A ticket's stretches never overlap, so each adds its own part to the past-SLA figures.
   */
  clockTime(start: number, end: number, due: number): void {
    if (Number.isNaN(due)) return;
    const w = this.window;
    const stop = end < w.horizon ? end : w.horizon;
    const from = Math.max(start, due, w.warmup);
    if (stop > from) {
      this.pastSlaArea += stop - from;
      const k0 = Math.ceil((from - w.warmup) / w.interval);
      const k1 = Math.min(w.points, Math.ceil((stop - w.warmup) / w.interval));
      if (k1 > k0) {
        this.seriesPastSlaDiff[k0]!++;
        this.seriesPastSlaDiff[k1]!--;
      }
    }
  }
}
