/**
 * Per work node: what happened to the measured contacts in its queue (answered, abandoned,
 * waits, service level) and the time-average queue length and contacts in service on the
 * clock, inside the measured window. Node arrays are indexed by node; non-work entries stay 0.
 */
import type { IntervalStats } from "./intervalStats";
import { type Clock, clampToWindow, type MeasureWindow, seriesIndex } from "./measureWindow";
import type { TicketTable } from "./tickets";

export class QueueStats {
  readonly served: Float64Array;
  readonly abandoned: Float64Array;
  /** Abandoned sooner than the queue's shortAbandonSeconds (left out of the service level). */
  readonly shortAbandoned: Float64Array;
  /** Seconds in queue of answered contacts (zero waits included). */
  readonly waitSum: Float64Array;
  /** Seconds in queue of abandoned contacts. */
  readonly abandonWaitSum: Float64Array;
  /** Answered contacts that could not start at once. */
  readonly waited: Float64Array;
  /** Contacts that counted for the service level, and those answered within it. */
  readonly slTotal: Float64Array;
  readonly slMet: Float64Array;
  /** Contacts that joined a queue with patience (the abandon rate's denominator). */
  readonly joinedPatience: Float64Array;
  /** Contacts that left this node's queue for its overflow step (counted where they are answered or abandon). */
  readonly overflowed: Float64Array;
  /** Integrals over the window of queue length and contacts in service (contact-seconds). */
  readonly queueArea: Float64Array;
  readonly serviceArea: Float64Array;
  /** Per series interval, over all SLA queues. */
  readonly seriesSlMet: Float64Array;
  readonly seriesSlTotal: Float64Array;
  /** Queue length per series point, per node (empty for nodes that are not `work`). */
  readonly seriesQueue: Float64Array[];
  private readonly last: Float64Array;
  private readonly window: MeasureWindow;
  private readonly clock: Clock;
  private readonly tickets: TicketTable;
  /** Per node: its queue's slaSeconds (NaN: none) and shortAbandonSeconds. */
  private readonly sla: Float64Array;
  private readonly shortAbandon: Float64Array;
  private readonly intervals: IntervalStats | null;

  /**
   * @param sla per node, its queue's slaSeconds (NaN: none); `shortAbandon` likewise
   * @param tickets the run's tickets: a contact's wait runs from its `queuedAt` to the clock
   * @param intervals figures per interval of the week, when the run collects them
   */
  constructor(
    isWork: readonly boolean[],
    sla: ArrayLike<number>,
    shortAbandon: ArrayLike<number>,
    window: MeasureWindow,
    clock: Clock,
    tickets: TicketTable,
    intervals: IntervalStats | null = null,
  ) {
    const n = isWork.length;
    this.intervals = intervals;
    this.window = window;
    this.clock = clock;
    this.tickets = tickets;
    this.sla = Float64Array.from(sla);
    this.shortAbandon = Float64Array.from(shortAbandon);
    this.served = new Float64Array(n);
    this.abandoned = new Float64Array(n);
    this.shortAbandoned = new Float64Array(n);
    this.waitSum = new Float64Array(n);
    this.abandonWaitSum = new Float64Array(n);
    this.waited = new Float64Array(n);
    this.slTotal = new Float64Array(n);
    this.slMet = new Float64Array(n);
    this.joinedPatience = new Float64Array(n);
    this.overflowed = new Float64Array(n);
    this.queueArea = new Float64Array(n);
    this.serviceArea = new Float64Array(n);
    this.last = new Float64Array(n).fill(window.warmup);
    this.seriesSlMet = new Float64Array(window.points);
    this.seriesSlTotal = new Float64Array(window.points);
    this.seriesQueue = isWork.map((w) => new Float64Array(w ? window.points : 0));
  }

  /** The measured contact in ticket `slot` is answered at node n now (its wait ran from `queuedAt`). */
  answered(n: number, slot: number): void {
    const wait = this.clock[0]! - this.tickets.queuedAt[slot]!;
    this.served[n]!++;
    this.waitSum[n]! += wait;
    if (wait > 0) this.waited[n]!++;
    const sla = this.sla[n]!;
    if (!Number.isNaN(sla)) this.countSla(n, wait <= sla);
    if (this.intervals !== null)
      this.intervals.answer(n, this.tickets.queuedAt[slot]!, wait, Number.isNaN(sla) ? -1 : wait <= sla ? 1 : 0);
  }

  /**
   * The measured contact in ticket `slot` leaves node n's queue now. One that waited less
   * than the queue's shortAbandonSeconds counts neither met nor missed.
   */
  abandon(n: number, slot: number): void {
    const wait = this.clock[0]! - this.tickets.queuedAt[slot]!;
    this.abandoned[n]!++;
    this.abandonWaitSum[n]! += wait;
    const short = wait < this.shortAbandon[n]!;
    if (short) this.shortAbandoned[n]!++;
    else if (!Number.isNaN(this.sla[n]!)) this.countSla(n, false);
    if (this.intervals !== null)
      this.intervals.abandon(n, this.tickets.queuedAt[slot]!, !short && !Number.isNaN(this.sla[n]!));
  }

  /** Brings node n's time averages to the clock, with the queue and service counts held until then. */
  advance(n: number, queueLength: number, inService: number): void {
    const t = clampToWindow(this.window, this.clock[0]!);
    const dt = t - this.last[n]!;
    if (dt > 0) {
      this.queueArea[n]! += queueLength * dt;
      this.serviceArea[n]! += inService * dt;
      this.last[n] = t;
    }
  }

  // helpers

  private countSla(n: number, met: boolean): void {
    this.slTotal[n]!++;
    if (met) this.slMet[n]!++;
    const k = seriesIndex(this.window, this.clock[0]!);
    if (k >= 0) {
      this.seriesSlTotal[k]!++;
      if (met) this.seriesSlMet[k]!++;
    }
  }
}
