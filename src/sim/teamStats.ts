/**
 * Per team, on the clock inside the measured window: busy and staffed contact-seconds
 * (utilisation, staffed hours, cost) and their series. Concurrency counts: an agent holding
 * c chats offers c contact-seconds per second. Staffed time never falls below busy time:
 * agents finishing a contact after their shift count as staffed while they do.
 */
import type { IntervalStats } from "./intervalStats";
import { type Clock, clampToWindow, type MeasureWindow } from "./measureWindow";

export class TeamStats {
  readonly busyArea: Float64Array;
  readonly staffArea: Float64Array;
  /** Staffed agents per series point, per team. */
  readonly seriesStaffed: Float64Array[];
  /** Busy share per series interval, per team. */
  readonly seriesUtilization: Float64Array[];
  private readonly last: Float64Array;
  private readonly lastBusyArea: Float64Array;
  private readonly lastStaffArea: Float64Array;
  private readonly window: MeasureWindow;
  private readonly clock: Clock;
  private readonly intervals: IntervalStats | null;

  constructor(teams: number, window: MeasureWindow, clock: Clock, intervals: IntervalStats | null = null) {
    this.intervals = intervals;
    this.window = window;
    this.clock = clock;
    this.busyArea = new Float64Array(teams);
    this.staffArea = new Float64Array(teams);
    this.last = new Float64Array(teams).fill(window.warmup);
    this.lastBusyArea = new Float64Array(teams);
    this.lastStaffArea = new Float64Array(teams);
    this.seriesStaffed = Array.from({ length: teams }, () => new Float64Array(window.points));
    this.seriesUtilization = Array.from({ length: teams }, () => new Float64Array(window.points));
  }

  /** Brings the team's areas to the clock with `busy` contacts held and `capacity` contact seats until then. */
  advance(team: number, busy: number, capacity: number): void {
    const t = clampToWindow(this.window, this.clock[0]!);
    const dt = t - this.last[team]!;
    if (dt > 0) {
      if (this.intervals !== null)
        this.intervals.teamTime(team, this.last[team]!, t, busy, busy > capacity ? busy : capacity);
      this.busyArea[team]! += busy * dt;
      this.staffArea[team]! += (busy > capacity ? busy : capacity) * dt;
      this.last[team] = t;
    }
  }

  /** Closes series interval k at time t (after `advance` to t): its utilisation. */
  closeInterval(team: number, k: number): void {
    const staff = this.staffArea[team]! - this.lastStaffArea[team]!;
    this.seriesUtilization[team]![k] = staff > 0 ? (this.busyArea[team]! - this.lastBusyArea[team]!) / staff : 0;
    this.lastBusyArea[team] = this.busyArea[team]!;
    this.lastStaffArea[team] = this.staffArea[team]!;
  }
}
