/**
 * The calibrated flow's side of the report, measured the way the log was: the simulator's
 * event trace is fed straight into a `LogAnalysis` (no CSV in between) and summarised with
 * the log's own tiers, so escalation, return and reopen shares, handle-time and resolution
 * quantiles and path shares are computed by one definition on both sides. Volume and
 * utilisation come from the run's KPIs. The caller runs the simulator (io does not import
 * sim), passing each replication a sink from `sinkFor`.
 */
import { LogAnalysis } from "./analyze";
import type { SimulatedFigures } from "./report";
import { FLOWCAST_EVENTS } from "./roles";
import { summarize } from "./summarize";
import type { EventSink, TraceEventKind } from "./writer";

export class TraceAnalysis {
  readonly analysis = new LogAnalysis(5);
  private readonly startMs: number;

  /**
   * @param teamNames team id -> the log's team name (figures are keyed by the log's names)
   * @param clockStart the flow's clock.start
   */
  constructor(
    private readonly teamNames: ReadonlyMap<string, string>,
    clockStart: string,
  ) {
    this.startMs = Date.parse(`${clockStart.length === 10 ? `${clockStart}T00:00` : clockStart}Z`) || 0;
  }

  /** A sink for one replication (ticket numbers are kept apart per replication). */
  sinkFor(replication: number): EventSink {
    const a = this.analysis;
    const names = this.teamNames;
    const start = this.startMs;
    return {
      record(
        ticket: number,
        time: number,
        event: TraceEventKind,
        _node: string,
        team: string,
        agent: number,
        priority: string,
        channel: string,
      ) {
        const name = team === "" ? "" : (names.get(team) ?? team);
        a.event(
          `${replication}:${ticket}`,
          start + time * 1000,
          FLOWCAST_EVENTS[event]!,
          name,
          agent >= 0 ? `${team}-${agent}` : "",
          priority,
          channel,
          0,
        );
      },
    };
  }

  /**
   * The compared figures. `logTiers` are the log's tiers by team name; `kpis` the run's
   * volume and utilisation.
   */
  figures(
    logTiers: ReadonlyMap<string, number>,
    kpis: { ticketsPerDay: number; utilisation: Record<string, number> },
    basis: string,
  ): SimulatedFigures {
    const a = this.analysis;
    a.finish();
    const tiers = a.teams.list.map((n) => logTiers.get(n) ?? 1);
    const f = summarize(a, a.teams.list, tiers).figures;
    return {
      ticketsPerDay: kpis.ticketsPerDay,
      escalationShare: f.escalationShare,
      returnShare: f.returnShare,
      reopenShare: f.reopenShare,
      resolution: { p50: f.resolution.p50, p90: f.resolution.p90 },
      utilisation: kpis.utilisation,
      handleTime: f.handleTime,
      paths: f.paths,
      basis,
    };
  }
}
