/**
 * A simulated run written as a CSV event log file (`flowcast simulate --event-log`): rows
 * are streamed to a temporary file beside the target as the simulation produces them and
 * put in place only when the run has finished, so a failed or interrupted run leaves an
 * earlier log whole. The caller runs the simulation: io does not import the simulator.
 */
import { EventLogWriter, type EventSink } from "../eventlog/writer";
import { openOutputFile } from "./outputFile";

/**
 * Opens `path`, hands `produce` a sink for the trace events, and commits the file when
 * `produce` returns. Returns the number of rows written. Node errors (`code`) propagate.
 */
export function writeEventLogFile(path: string, clockStart: string, produce: (sink: EventSink) => void): number {
  const file = openOutputFile(path);
  try {
    const writer = new EventLogWriter(clockStart, (text) => file.write(text));
    produce(writer);
    writer.flush();
    file.commit();
    return writer.rows;
  } catch (error) {
    file.abort();
    throw error;
  }
}
