/**
 * Open tickets (the backlog) over a window, counting every ticket open then, whenever it was
 * opened: a ticket opened before the window and still open in it is part of the backlog a
 * team faces, on the log's side and on the simulator's. A ticket is open from its creation
 * to its closing; one closed after the end of what is followed counts as open to the end.
 */
import type { EventSink, TraceEventKind } from "../../io/eventlog/writer";
import type { LogAnalysis } from "../analyze";
import type { Window } from "./window";

const HOUR_MS = 3_600_000;

export class Backlog {
  private readonly delta: Float64Array;
  readonly hours: number;

  constructor(readonly window: Window) {
    this.hours = Math.max(1, Math.ceil((window.toMs - window.fromMs) / HOUR_MS));
    this.delta = new Float64Array(this.hours + 1);
  }

  /**
   * One ticket, open over [createdMs, closedMs) (closedMs Infinity when still open). It is
   * counted in each whole clock hour of the window that starts while it is open.
   */
  add(createdMs: number, closedMs: number): void {
    const start = Math.max(0, Math.ceil((createdMs - this.window.fromMs) / HOUR_MS));
    const end = Math.min(this.hours, Math.ceil((closedMs - this.window.fromMs) / HOUR_MS));
    if (start >= end) return;
    this.delta[start]!++;
    this.delta[end]!--;
  }

  /** Every ticket of a log analysis, closed when closed by `endMs`. */
  addAnalysis(a: LogAnalysis, endMs: number): void {
    for (const tk of a.tickets.values()) {
      const closed = tk.role === "closed" && Number.isFinite(tk.closedAt) && tk.closedAt <= endMs;
      this.add(tk.created, closed ? tk.closedAt : Number.POSITIVE_INFINITY);
    }
  }

  /** Open tickets at the start of each hour of the window. */
  byHour(): number[] {
    const out: number[] = [];
    let open = 0;
    for (let h = 0; h < this.hours; h++) {
      open += this.delta[h]!;
      out.push(open);
    }
    return out;
  }
}

/**
 * A trace sink that passes every event on to `inner` and books each simulated ticket, warm-up
 * tickets included, into `backlog`: open from its arrival to its close (or abandonment).
 * `startMs` is the run's clock start (wall-clock ms). Call `finish()` after the run.
 */
export function backlogSink(inner: EventSink, backlog: Backlog, startMs: number): EventSink & { finish(): void } {
  const arrived = new Map<number, number>();
  return {
    record(ticket, time, event: TraceEventKind, node, team, agent, priority, channel, contactType) {
      if (event === "arrival") arrived.set(ticket, startMs + time * 1000);
      else if (event === "close" || event === "abandon") {
        const created = arrived.get(ticket);
        if (created !== undefined) {
          backlog.add(created, startMs + time * 1000);
          arrived.delete(ticket);
        }
      }
      inner.record(ticket, time, event, node, team, agent, priority, channel, contactType);
    },
    finish() {
      for (const created of arrived.values()) backlog.add(created, Number.POSITIVE_INFINITY);
      arrived.clear();
    },
  };
}
