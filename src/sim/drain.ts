/**
 * The end of a replication. Arrivals stop at the horizon; the drain then follows the
 * measured cohort (tickets created after the warm-up) until it has closed, or for at most
 * DRAIN_CAP_HORIZONS horizons of run time and as many events again as the run took (flows
 * that never empty). Whatever is still open then counts as `unfinished`, and its open time
 * is closed at the moment the run stops.
 */
import type { BacklogStats } from "./backlogStats";
import type { Calendar } from "./calendar";
import type { Clock } from "./measureWindow";
import type { TicketStats } from "./ticketStats";
import type { TicketTable } from "./tickets";

/** The drain stops after as many events as the run took up to the horizon, and at least this many. */
const MIN_DRAIN_EVENTS = 100_000;

/** What the drain needs of a run stopped at its horizon. */
export interface DrainingRun {
  readonly calendar: Calendar;
  /** Measured tickets still open. */
  readonly cohortOpen: number;
  /** Events handled so far. */
  readonly events: number;
  /** Handles the next event on the calendar. */
  step(): void;
}

/** Runs events on until the measured cohort has closed, the calendar is empty, or a cap is reached (`timeCap`: run time in seconds). */
export function drain(run: DrainingRun, timeCap: number): void {
  const cal = run.calendar;
  const eventCap = run.events + Math.max(run.events, MIN_DRAIN_EVENTS);
  while (run.cohortOpen > 0 && cal.size > 0 && cal.peekTime() <= timeCap && run.events < eventCap) run.step();
}

/** The run stops at `now`: closes the backlog time of the tickets still open and counts the measured ones as unfinished. */
export function stopRun(
  now: number,
  clock: Clock,
  tickets: TicketTable,
  backlog: BacklogStats,
  ticketStats: TicketStats,
  cohortOpen: number,
): void {
  clock[0] = now;
  for (const slot of tickets.usedSlots()) backlog.ticketEnds(slot);
  ticketStats.unfinished = cohortOpen;
}
