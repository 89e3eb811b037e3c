/**
 * The event-log reader calibration uses: the io reader (columns, times, roles, row order)
 * handing its events to a `LogAnalysis`.
 */
import { type ReadOptions, RoleEventReader } from "../io/eventlog/reader";
import { LogAnalysis } from "./analyze";

export class EventLogReader extends RoleEventReader<LogAnalysis> {
  constructor(options: ReadOptions) {
    super(options, new LogAnalysis(options.seed ?? 1));
  }

  /** What the log's events added up to (complete once `end()` has run). */
  get analysis(): LogAnalysis {
    return this.consumer;
  }
}
