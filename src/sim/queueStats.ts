/**
 * Per work node: what happened to the measured contacts in its queue (answered, abandoned,
 * waits, service level) and the time-average queue length and contacts in service on the
 * clock, inside the measured window. Node arrays are indexed by node; non-work entries stay 0.
 */
import { clampToWindow, type MeasureWindow, seriesIndex } from "./measureWindow";

export class QueueStats {
  readonly served: Float64Array;
  readonly abandoned: Float64Array;
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

  constructor(isWork: readonly boolean[], window: MeasureWindow) {
    const n = isWork.length;
    this.window = window;
    this.served = new Float64Array(n);
    this.abandoned = new Float64Array(n);
    this.waitSum = new Float64Array(n);
    this.abandonWaitSum = new Float64Array(n);
    this.waited = new Float64Array(n);
    this.slTotal = new Float64Array(n);
    this.slMet = new Float64Array(n);
    this.joinedPatience = new Float64Array(n);
    this.queueArea = new Float64Array(n);
    this.serviceArea = new Float64Array(n);
    this.last = new Float64Array(n).fill(window.warmup);
    this.seriesSlMet = new Float64Array(window.points);
    this.seriesSlTotal = new Float64Array(window.points);
    this.seriesQueue = isWork.map((w) => new Float64Array(w ? window.points : 0));
  }

  /** A measured contact answered at node n after `wait` seconds; `sla` NaN when none. */
  answered(n: number, wait: number, sla: number, now: number): void {
    this.served[n]!++;
    this.waitSum[n]! += wait;
    if (wait > 0) this.waited[n]!++;
    if (!Number.isNaN(sla)) this.countSla(n, wait <= sla, now);
  }

  /** A measured contact left node n's queue after `wait` seconds; `sla` NaN when none. */
  abandonedAfter(n: number, wait: number, sla: number, now: number): void {
    this.abandoned[n]!++;
    this.abandonWaitSum[n]! += wait;
    if (!Number.isNaN(sla)) this.countSla(n, false, now);
  }

  /** Brings node n's time averages to `now`, with the queue and service counts held until now. */
  advance(n: number, now: number, queueLength: number, inService: number): void {
    const t = clampToWindow(this.window, now);
    const dt = t - this.last[n]!;
    if (dt > 0) {
      this.queueArea[n]! += queueLength * dt;
      this.serviceArea[n]! += inService * dt;
      this.last[n] = t;
    }
  }

  // helpers

  private countSla(n: number, met: boolean, now: number): void {
    this.slTotal[n]!++;
    if (met) this.slMet[n]!++;
    const k = seriesIndex(this.window, now);
    if (k >= 0) {
      this.seriesSlTotal[k]!++;
      if (met) this.seriesSlMet[k]!++;
    }
  }
}
