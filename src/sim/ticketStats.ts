/**
 * Per-ticket KPIs of the measured tickets (created after the warm-up): counts behind FCR,
 * deflection, escalation and reopen rates, first response and resolution times (sums and
 * streaming histograms), and the modelled CSAT. The engine decides what happened to a ticket;
 * this collector only counts it.
 */
import { addToHistogram, HISTOGRAM_BINS } from "./histogram";
import type { Clock } from "./measureWindow";
import type { TicketTable } from "./tickets";

export class TicketStats {
  /** Tickets created after the warm-up. */
  tickets = 0;
  /** Of those, tickets an agent started work on. */
  reached = 0;
  /** Closed resolved at the first contact by one agent: no escalation, transfer, reopen or repeat. */
  fcr = 0;
  deflected = 0;
  escalated = 0;
  reopened = 0;
  closed = 0;
  /** Measured tickets still open when the run stopped (the drain cap). */
  unfinished = 0;
  firstResponseSum = 0;
  firstResponseCount = 0;
  resolutionSum = 0;
  resolutionCount = 0;
  /** Sum over closed tickets of responseRate x P(satisfied), and of responseRate. */
  csatWeighted = 0;
  csatWeight = 0;
  readonly firstResponseHistogram = new Float64Array(HISTOGRAM_BINS);
  readonly resolutionHistogram = new Float64Array(HISTOGRAM_BINS);
  private readonly clock: Clock;
  private readonly table: TicketTable;

  constructor(clock: Clock, table: TicketTable) {
    this.clock = clock;
    this.table = table;
  }

  /** Measured ticket `slot`'s first agent start, now. */
  firstResponse(slot: number): void {
    const seconds = this.clock[0]! - this.table.created[slot]!;
    this.firstResponseSum += seconds;
    this.firstResponseCount++;
    addToHistogram(this.firstResponseHistogram, seconds);
  }

  /** Measured ticket `slot` closes resolved now. */
  resolved(slot: number): void {
    const seconds = this.clock[0]! - this.table.created[slot]!;
    this.resolutionSum += seconds;
    this.resolutionCount++;
    addToHistogram(this.resolutionHistogram, seconds);
  }

  /** A closed ticket's survey: answered with `responseRate`, satisfied with probability `satisfied`. */
  survey(responseRate: number, satisfied: number): void {
    this.csatWeighted += responseRate * satisfied;
    this.csatWeight += responseRate;
  }
}
