/**
 * Per-ticket KPIs of the measured tickets (created after the warm-up): counts behind FCR,
 * deflection, escalation and reopen rates, first response and resolution times (sums and
 * streaming histograms), and the modelled CSAT. The engine decides what happened to a ticket;
 * this collector only counts it.
 */
import { addToHistogram, HISTOGRAM_BINS } from "./histogram";

export class TicketStats {
  /** Tickets created after the warm-up. */
  tickets = 0;
  /** Of those, tickets an agent started work on. */
  reached = 0;
  /** Closed resolved at the first contact, one agent visit, no escalation. */
  fcr = 0;
  deflected = 0;
  escalated = 0;
  reopened = 0;
  closed = 0;
  firstResponseSum = 0;
  firstResponseCount = 0;
  resolutionSum = 0;
  resolutionCount = 0;
  /** Sum over closed tickets of responseRate x P(satisfied), and of responseRate. */
  csatWeighted = 0;
  csatWeight = 0;
  readonly firstResponseHistogram = new Float64Array(HISTOGRAM_BINS);
  readonly resolutionHistogram = new Float64Array(HISTOGRAM_BINS);

  /** A measured ticket's first agent start, `seconds` after its creation. */
  firstResponse(seconds: number): void {
    this.firstResponseSum += seconds;
    this.firstResponseCount++;
    addToHistogram(this.firstResponseHistogram, seconds);
  }

  /** A measured ticket closed resolved, `seconds` after its creation. */
  resolved(seconds: number): void {
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
