/**
 * The backlog on the clock inside the measured window: open tickets (warm-up ones included)
 * as a time average and a series, the same for tickets past their resolution target (not
 * counting those waiting on the customer, whose resolution clock is paused), and tickets
 * created per series interval. A ticket's open time is added when it closes (or when
 * the run stops), so nothing is done per event while it is open.
 */
import { type Clock, type MeasureWindow, seriesIndex } from "./measureWindow";
import { TicketFlag, type TicketTable } from "./tickets";

const { WAITING_CUSTOMER } = TicketFlag;

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
  private readonly clock: Clock;
  private readonly tickets: TicketTable;

  constructor(window: MeasureWindow, clock: Clock, tickets: TicketTable) {
    this.window = window;
    this.clock = clock;
    this.tickets = tickets;
    this.seriesBacklog = new Float64Array(window.points);
    this.seriesArrivals = new Float64Array(window.points);
    this.seriesPastSlaDiff = new Float64Array(window.points + 1);
  }

  /** A measured ticket is created now. */
  arrival(): void {
    const k = seriesIndex(this.window, this.clock[0]!);
    if (k >= 0) this.seriesArrivals[k]!++;
  }

  /** Ticket `slot` closes now (or is still open when the run stops): its open time, and its last stretch on the resolution clock unless it waits on the customer. */
  ticketEnds(slot: number): void {
    this.openTime(slot);
    if ((this.tickets.flags[slot]! & WAITING_CUSTOMER) === 0) this.clockTime(slot);
  }

  /** Ticket `slot` was open from its creation until now. */
  openTime(slot: number): void {
    const created = this.tickets.created[slot]!;
    const end = this.clock[0]!;
    const w = this.window;
    const stop = end < w.horizon ? end : w.horizon;
    const from = created > w.warmup ? created : w.warmup;
    if (stop > from) this.backlogArea += stop - from;
  }

  /**
   * Ticket `slot`'s resolution clock ran from its `clockSince` until now (it was not waiting on
   * the customer); it is past its target from its creation + `sla` + the customer's waits so
   * far on (NaN: no target). A ticket's stretches never overlap, so each adds its own part to
   * the past-SLA figures.
   */
  clockTime(slot: number): void {
    const tk = this.tickets;
    const due = tk.created[slot]! + tk.sla[slot]! + tk.customerWait[slot]!;
    if (Number.isNaN(due)) return;
    const start = tk.clockSince[slot]!;
    const end = this.clock[0]!;
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
