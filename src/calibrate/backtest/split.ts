/**
 * Reading one log into the backtest's two cohorts in one pass: a `LogAnalysis` that keeps
 * the tickets whose first event (or creation time, when the log has that column) falls in
 * the train window and routes those starting in the test window to a second analysis.
 * Tickets starting elsewhere are skipped whole. Each ticket is followed to the log's end in
 * its cohort, as Simod splits a log by case, so a ticket is never cut in two.
 *
 * Given to `EventLogReader` as its analysis; `calibrate(reader, …)` then fits the train
 * cohort only. It also counts ticket starts per week over the whole log, for the chart the
 * split is picked on, and books the tickets that start before the test window in neither
 * cohort into each period's backlog (open tickets over time count every ticket open then);
 * such a ticket is open from its start to its first closing.
 */
import type { Role } from "../../io/eventlog/roles";
import { LogAnalysis } from "../analyze";
import { Backlog } from "./backlog";
import type { LogSpan, Window } from "./window";

const WEEK_MS = 7 * 86_400_000;
/** 1970-01-05 was a Monday: weeks run Monday 00:00 to Monday 00:00. */
const MONDAY_MS = 4 * 86_400_000;

export class SplitAnalysis extends LogAnalysis {
  /** The test cohort. */
  readonly test = new LogAnalysis(2);
  /** Ticket starts per week (index: Monday-based weeks since 1970), over the whole log. */
  readonly startsByWeek = new Map<number, number>();
  readonly span: LogSpan = {
    firstStartMs: Number.POSITIVE_INFINITY,
    lastStartMs: Number.NEGATIVE_INFINITY,
    lastEventMs: Number.NEGATIVE_INFINITY,
  };
  /**
   * Open tickets over each period of the tickets in neither cohort that start before the
   * test period (the cohorts' own tickets are added when measured).
   */
  readonly earlierBacklog: { train?: Backlog; test?: Backlog };
  private readonly skipped = new Set<string>();
  /** Those tickets while open: their start (ms). */
  private readonly earlierOpen = new Map<string, number>();

  /** Without windows, every ticket is kept in the train side (a scan of the whole log). */
  constructor(
    readonly train?: Window,
    readonly testWindow?: Window,
  ) {
    super(1);
    this.earlierBacklog = {
      ...(train ? { train: new Backlog(train) } : {}),
      ...(testWindow ? { test: new Backlog(testWindow) } : {}),
    };
  }

  override event(
    ticket: string,
    time: number,
    role: Role,
    team: string,
    resource: string,
    priority: string,
    channel: string,
    line: number,
    created = Number.NaN,
  ): void {
    if (time > this.span.lastEventMs) this.span.lastEventMs = time;
    const side = this.sideOf(ticket, time, created);
    if (side === "train") super.event(ticket, time, role, team, resource, priority, channel, line, created);
    else if (side === "test") this.test.event(ticket, time, role, team, resource, priority, channel, line, created);
    else if (role === "closed" || role === "abandoned") {
      const start = this.earlierOpen.get(ticket);
      if (start !== undefined) {
        this.bookEarlier(start, time);
        this.earlierOpen.delete(ticket);
      }
    }
  }

  /** The cohort of a ticket: known from its first row, which decides it (its start). */
  private sideOf(ticket: string, time: number, created: number): "train" | "test" | "none" {
    if (this.tickets.has(ticket)) return "train";
    if (this.test.tickets.has(ticket)) return "test";
    if (this.skipped.has(ticket)) return "none";
    const start = Number.isFinite(created) && created <= time ? created : time;
    this.countStart(start);
    if (this.train === undefined || inWindow(start, this.train)) return "train";
    if (this.testWindow !== undefined && inWindow(start, this.testWindow)) return "test";
    this.skipped.add(ticket);
    if (this.testWindow !== undefined && start < this.testWindow.fromMs) this.earlierOpen.set(ticket, start);
    return "none";
  }

  /** Both cohorts are censored at the log's last event. */
  override finish(): void {
    super.finish(this.span.lastEventMs);
    this.test.finish(this.span.lastEventMs);
    for (const start of this.earlierOpen.values()) this.bookEarlier(start, Number.POSITIVE_INFINITY);
    this.earlierOpen.clear();
  }

  private bookEarlier(startMs: number, closedMs: number): void {
    this.earlierBacklog.train?.add(startMs, closedMs);
    this.earlierBacklog.test?.add(startMs, closedMs);
  }

  /** Ticket starts per week, oldest first, with the Monday each week begins (ms). */
  weeklyStarts(): { weekStartMs: number; tickets: number }[] {
    if (this.startsByWeek.size === 0) return [];
    const weeks = [...this.startsByWeek.keys()];
    const first = Math.min(...weeks);
    const last = Math.max(...weeks);
    const out: { weekStartMs: number; tickets: number }[] = [];
    for (let w = first; w <= last; w++)
      out.push({ weekStartMs: w * WEEK_MS + MONDAY_MS, tickets: this.startsByWeek.get(w) ?? 0 });
    return out;
  }

  private countStart(start: number): void {
    if (start < this.span.firstStartMs) this.span.firstStartMs = start;
    if (start > this.span.lastStartMs) this.span.lastStartMs = start;
    const week = Math.floor((start - MONDAY_MS) / WEEK_MS);
    this.startsByWeek.set(week, (this.startsByWeek.get(week) ?? 0) + 1);
  }
}

// helpers

function inWindow(ms: number, w: Window): boolean {
  return ms >= w.fromMs && ms < w.toMs;
}
