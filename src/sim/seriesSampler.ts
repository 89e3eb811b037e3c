/**
 * The engine's state on the clock at each series point (open tickets, queue lengths, agents
 * staffed, each team's busy share per interval), and the time averages brought to the
 * horizon when the clock figures end there. It reads the engine's own count arrays, which
 * live as long as the run.
 */
import type { Clock, MeasureWindow } from "./measureWindow";
import type { RunStats } from "./report";

/** The engine's counts the series read (indexed by node or team; the engine's own arrays). */
export interface EngineCounts {
  readonly queueLength: Int32Array;
  readonly inService: Int32Array;
  readonly busy: Int32Array;
  readonly staffed: Int32Array;
  readonly capacity: Int32Array;
}

export class SeriesSampler {
  /** The next series point to record. */
  index = 0;
  private readonly window: MeasureWindow;
  private readonly clock: Clock;
  private readonly stats: RunStats;
  private readonly counts: EngineCounts;
  private readonly nNodes: number;
  private readonly nTeams: number;

  constructor(nNodes: number, nTeams: number, clock: Clock, stats: RunStats, counts: EngineCounts) {
    this.nNodes = nNodes;
    this.nTeams = nTeams;
    this.window = stats.window;
    this.clock = clock;
    this.stats = stats;
    this.counts = counts;
  }

  /** The time of the next series point (Infinity when none is left). */
  nextTime(): number {
    const { warmup, interval, points } = this.window;
    return this.index < points ? warmup + this.index * interval : Number.POSITIVE_INFINITY;
  }

  /** Records series point `index` at time t (state after every event at t); the clock reads t meanwhile. */
  sample(t: number): void {
    this.clock[0] = t;
    const { flow, queues, teams, backlog } = this.stats;
    const { queueLength, busy, staffed, capacity } = this.counts;
    const k = this.index++;
    backlog.seriesBacklog[k] = flow.open;
    const seriesQueue = queues.seriesQueue;
    for (let n = 0; n < this.nNodes; n++) if (seriesQueue[n]!.length > 0) seriesQueue[n]![k] = queueLength[n]!;
    for (let team = 0; team < this.nTeams; team++) {
      teams.seriesStaffed[team]![k] = staffed[team]!;
      if (k > 0) {
        teams.advance(team, busy[team]!, capacity[team]!);
        teams.closeInterval(team, k - 1);
      }
    }
  }

  /** Takes the series points left and brings every time average to the horizon (the clock figures end there). */
  closeClock(): void {
    const { horizon, points } = this.window;
    const { queueLength, inService, busy, capacity } = this.counts;
    const { queues, teams } = this.stats;
    while (this.index < points) this.sample(this.nextTime());
    this.clock[0] = horizon;
    for (let n = 0; n < this.nNodes; n++) queues.advance(n, queueLength[n]!, inService[n]!);
    for (let team = 0; team < this.nTeams; team++) {
      teams.advance(team, busy[team]!, capacity[team]!);
      if (points > 0) teams.closeInterval(team, points - 1);
    }
  }
}
