/**
 * What the CSV and XES event-log writers share: the trace sink they both are, the wall-clock
 * time of an event, and text gathered into chunks of about 64 KB before it is handed to
 * `write` (a file descriptor, a stream, a browser download), so memory stays constant however
 * many tickets are simulated.
 */
import type { TraceEventKind, TraceSink } from "../../sim/trace";

export type { TraceEventKind } from "../../sim/trace";

/** The trace sink the simulator calls (src/sim/trace.ts `TraceSink`); event-log writers are one. */
export type EventSink = TraceSink;

/** The XES / process-mining lifecycle transition of a trace event: work starts, all else completes. */
export function lifecycleOf(event: TraceEventKind): "start" | "complete" {
  return event === "start" ? "start" : "complete";
}

const CHUNK_CHARS = 64 * 1024;

export abstract class ChunkedEventLog implements EventSink {
  /** Events written. */
  rows = 0;
  private chunk: string;
  private readonly startMs: number;

  /**
   * @param clockStart the flow's clock.start ("2026-01-05T00:00"): times are written as
   *   wall-clock ISO 8601 (no offset) at clockStart + event time
   * @param write receives each chunk of text in order
   * @param ticketPrefix prepended to ticket numbers (e.g. "r2-" for replication 2)
   * @param header the text the log opens with
   */
  constructor(
    clockStart: string,
    private readonly write: (text: string) => void,
    protected readonly ticketPrefix: string,
    header: string,
  ) {
    const ms = Date.parse(`${clockStart.length === 10 ? `${clockStart}T00:00` : clockStart}Z`);
    this.startMs = Number.isNaN(ms) ? 0 : ms;
    this.chunk = header;
  }

  abstract record: TraceSink["record"];

  /** Hands over what is gathered and ends the log (call once at the end). */
  flush(): void {
    this.end();
    if (this.chunk.length === 0) return;
    this.write(this.chunk);
    this.chunk = "";
  }

  /** Writes what must close the log (the XES writer's open traces and `</log>`). */
  protected end(): void {}

  /** Wall-clock time of an event `time` seconds after clock.start, ISO 8601 to the millisecond, no offset. */
  protected timestamp(time: number): string {
    return new Date(this.startMs + Math.round(time * 1000)).toISOString().slice(0, 23);
  }

  /** Adds text to the chunk, handing the chunk over once it passes 64 KB. */
  protected append(text: string): void {
    this.chunk += text;
    if (this.chunk.length >= CHUNK_CHARS) {
      this.write(this.chunk);
      this.chunk = "";
    }
  }
}
