/**
 * Figures per interval of the week (clock.intervalMinutes; Monday 00:00 is interval 0), the
 * way a contact centre's ACD reports them: per work step the contacts offered, answered and
 * abandoned, answered within the SLA and their waits, binned by the interval the contact
 * joined the queue; per team the busy and staffed contact-seconds inside each interval.
 * Only measured contacts (created after the warm-up) and measured time count. Collected
 * only when the flow asks for intervals (compile.ts `collectsIntervals`).
 */
import type { MeasureWindow } from "./measureWindow";

const WEEK = 7 * 86400;

export class IntervalStats {
  /** Intervals in a week. */
  readonly cells: number;
  /** Interval length, seconds. */
  readonly length: number;
  /** Per node (empty arrays for nodes that are not `work`), per interval of the week. */
  readonly offered: Float64Array[];
  readonly answered: Float64Array[];
  readonly abandoned: Float64Array[];
  readonly slTotal: Float64Array[];
  readonly slMet: Float64Array[];
  /** Seconds in queue of answered contacts. */
  readonly waitSum: Float64Array[];
  /** Per team, per interval: busy and staffed contact-seconds. */
  readonly busy: Float64Array[];
  readonly staff: Float64Array[];
  /** Measured seconds of each interval of the week in this run (how many weeks it saw, x length). */
  readonly measured: Float64Array;
  private readonly weekOffset: number;

  constructor(isWork: readonly boolean[], teams: number, length: number, weekOffset: number, window: MeasureWindow) {
    this.length = length;
    this.cells = Math.round(WEEK / length);
    this.weekOffset = weekOffset;
    const perNode = () => isWork.map((w) => new Float64Array(w ? this.cells : 0));
    this.offered = perNode();
    this.answered = perNode();
    this.abandoned = perNode();
    this.slTotal = perNode();
    this.slMet = perNode();
    this.waitSum = perNode();
    this.busy = Array.from({ length: teams }, () => new Float64Array(this.cells));
    this.staff = Array.from({ length: teams }, () => new Float64Array(this.cells));
    this.measured = new Float64Array(this.cells);
    this.spread(this.measured, window.warmup, window.horizon, 1);
  }

  /** Interval of the week holding run time t. */
  cellOf(t: number): number {
    const s = (t + this.weekOffset) % WEEK;
    return Math.min(this.cells - 1, Math.floor(s / this.length));
  }

  /** A contact that joined node n's queue at `queuedAt` is answered after `wait` seconds (sla: 1 met, 0 missed, -1 none). */
  answer(n: number, queuedAt: number, wait: number, sla: number): void {
    const k = this.cellOf(queuedAt);
    this.offered[n]![k]!++;
    this.answered[n]![k]!++;
    this.waitSum[n]![k]! += wait;
    if (sla >= 0) {
      this.slTotal[n]![k]!++;
      if (sla > 0) this.slMet[n]![k]!++;
    }
  }

  /** A contact that joined node n's queue at `queuedAt` hangs up; `counted`: it counts as missing the SLA. */
  abandon(n: number, queuedAt: number, counted: boolean): void {
    const k = this.cellOf(queuedAt);
    this.offered[n]![k]!++;
    this.abandoned[n]![k]!++;
    if (counted) this.slTotal[n]![k]!++;
  }

  /** The team held `busy` of `staff` contact seats from run time `from` to `to` (inside the window). */
  teamTime(team: number, from: number, to: number, busy: number, staff: number): void {
    if (busy > 0) this.spread(this.busy[team]!, from, to, busy);
    if (staff > 0) this.spread(this.staff[team]!, from, to, staff);
  }

  // helpers

  /** Adds `level` x seconds of [from, to) to the intervals it covers. */
  private spread(into: Float64Array, from: number, to: number, level: number): void {
    let t = from;
    while (t < to) {
      const k = this.cellOf(t);
      const intoWeek = (t + this.weekOffset) % WEEK;
      const end = Math.min(to, t + ((k + 1) * this.length - intoWeek));
      into[k]! += level * (end > t ? end - t : to - t);
      if (!(end > t)) break;
      t = end;
    }
  }
}
