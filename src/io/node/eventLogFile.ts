/**
 * A simulated run written as an event log file (CSV; XES when the name ends in `.xes`,
 * gzipped XES for `.xes.gz`) (`flowcast simulate --event-log`): rows
 * are streamed to a temporary file beside the target as the simulation produces them and
 * put in place only when the run has finished, so a failed or interrupted run leaves an
 * earlier log whole. The caller runs the simulation: io does not import the simulator.
 */
import { gzipSync } from "node:zlib";
import { EventLogWriter, type EventSink } from "../eventlog/writer";
import { XesEventLogWriter } from "../eventlog/xesWriter";
import { openOutputFile } from "./outputFile";

/**
 * Opens `path`, hands `produce` a sink for the trace events, and commits the file when
 * `produce` returns. Returns the number of rows written. Node errors (`code`) propagate.
 */
export function writeEventLogFile(path: string, clockStart: string, produce: (sink: EventSink) => void): number {
  const file = openOutputFile(path);
  try {
    const lower = path.toLowerCase();
    const gzip = lower.endsWith(".xes.gz");
    // Each chunk becomes a gzip member of its own: a multi-member file every gunzip reads.
    const write = gzip ? (text: string) => file.write(gzipSync(text)) : (text: string) => file.write(text);
    const writer =
      gzip || lower.endsWith(".xes") ? new XesEventLogWriter(clockStart, write) : new EventLogWriter(clockStart, write);
    produce(writer);
    writer.flush();
    file.commit();
    return writer.rows;
  } catch (error) {
    file.abort();
    throw error;
  }
}
