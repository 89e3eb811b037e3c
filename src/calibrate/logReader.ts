/**
 * The event-log reader calibration uses: the io reader (columns, times, roles, row order)
 * handing its events to a `LogAnalysis`.
 */
import { type ReadOptions, RoleEventReader } from "../io/eventlog/reader";
import { LogAnalysis } from "./analyze";

export class EventLogReader extends RoleEventReader<LogAnalysis> {
  private grouped: LogAnalysis | undefined;
  /** Teams grouped into "Other teams" (by `groupTeams`), for the report. */
  otherTeams: string[] = [];

  /** `analysis`: where the events go (default a new one; a backtest routes tickets by period). */
  constructor(
    private readonly readOptions: ReadOptions,
    analysis: LogAnalysis = new LogAnalysis(readOptions.seed ?? 1),
  ) {
    super(readOptions, analysis);
  }

  /** What the log's events added up to (complete once `end()` has run; grouped once grouped). */
  get analysis(): LogAnalysis {
    return this.grouped ?? this.consumer;
  }

  /** The analysis as read, every team apart. */
  get ungrouped(): LogAnalysis {
    return this.consumer;
  }

  /** Reads the log again with the teams in `others` as one team named `OTHER_TEAMS`. */
  groupTeams(others: readonly string[]): void {
    const set = new Set(others);
    this.otherTeams = [...others];
    this.grouped = this.replay(new LogAnalysis(this.readOptions.seed ?? 1), (team) =>
      set.has(team) ? OTHER_TEAMS : team,
    );
  }
}

/** The team the teams doing least of the work are grouped into. */
export const OTHER_TEAMS = "Other teams";
