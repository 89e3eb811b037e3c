/**
 * Writes a simulation's ticket events as a CSV event log, one row per event, as they
 * happen: `ticket,time,event,node,team,agent,priority,channel,contactType,lifecycle`. Rows are
 * gathered into chunks of about 64 KB and handed to `write` (a file descriptor, a stream,
 * a browser download), so memory stays constant however many tickets are simulated.
 * The log reads back with `flowcast calibrate` and in process-mining tools (pm4py, Disco,
 * Celonis: case = ticket, activity = event, timestamp = time, resource = agent, lifecycle =
 * lifecycle: `start` on an agent's start of work, `complete` on every other event, so a
 * tool pairs an agent's work without relying on the file's row order).
 */

/** The simulator's trace events (src/sim/trace.ts; repeated here so io does not import sim). */
export type TraceEventKind =
  | "arrival"
  | "queue"
  | "start"
  | "end"
  | "escalate"
  | "wait"
  | "reopen"
  | "abandon"
  | "close";

/** The trace sink the simulator calls (same shape as src/sim/trace.ts `TraceSink`). */
export interface EventSink {
  record(
    ticket: number,
    time: number,
    event: TraceEventKind,
    node: string,
    team: string,
    agent: number,
    priority: string,
    channel: string,
    contactType: string,
  ): void;
}

export const EVENT_LOG_HEADER = "ticket,time,event,node,team,agent,priority,channel,contactType,lifecycle";

/** The XES / process-mining lifecycle transition of a trace event: work starts, all else completes. */
export function lifecycleOf(event: TraceEventKind): "start" | "complete" {
  return event === "start" ? "start" : "complete";
}

const CHUNK_CHARS = 64 * 1024;

export class EventLogWriter implements EventSink {
  private chunk = "";
  rows = 0;
  private readonly startMs: number;

  /**
   * @param clockStart the flow's clock.start ("2026-01-05T00:00"): times are written as
   *   wall-clock ISO 8601 (no offset) at clockStart + event time
   * @param write receives each chunk of text in order
   * @param ticketPrefix prepended to ticket numbers (e.g. "r2-" for replication 2)
   */
  constructor(
    clockStart: string,
    private readonly write: (text: string) => void,
    private readonly ticketPrefix = "T",
  ) {
    const ms = Date.parse(`${clockStart.length === 10 ? `${clockStart}T00:00` : clockStart}Z`);
    this.startMs = Number.isNaN(ms) ? 0 : ms;
    this.chunk = `${EVENT_LOG_HEADER}\n`;
  }

  record(
    ticket: number,
    time: number,
    event: TraceEventKind,
    node: string,
    team: string,
    agent: number,
    priority: string,
    channel: string,
    contactType: string,
  ): void {
    const when = new Date(this.startMs + Math.round(time * 1000)).toISOString().slice(0, 23);
    this.chunk += `${this.ticketPrefix}${ticket},${when},${event},${cell(node)},${cell(team)},${
      agent >= 0 ? `${cell(team)}-${agent}` : ""
    },${cell(priority)},${cell(channel)},${cell(contactType)},${lifecycleOf(event)}\n`;
    this.rows++;
    if (this.chunk.length >= CHUNK_CHARS) this.flush();
  }

  /** Hands over what is gathered (call once at the end). */
  flush(): void {
    if (this.chunk.length === 0) return;
    this.write(this.chunk);
    this.chunk = "";
  }
}

/** The column mapping that reads a Flowcast event log back (`flowcast calibrate`). */
export const FLOWCAST_COLUMNS = {
  case: "ticket",
  time: "time",
  activity: "event",
  team: "team",
  resource: "agent",
  priority: "priority",
  channel: "channel",
  status: "node",
} as const;

// helpers

function cell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
