/**
 * The calibrated flow's side of the report, measured the way the log was: the simulator's
 * event trace is fed straight into a `LogAnalysis` (no CSV in between) and summarised with
 * the log's own tiers, so escalation, return and reopen shares, handle-time and resolution
 * quantiles and path shares are computed by one definition on both sides. Volume and
 * utilisation come from the run's KPIs. The caller runs the simulator (io does not import
 * sim), passing each replication a sink from `sinkFor`.
 */
import { LogAnalysis } from "./analyze";
import { teamIds } from "./buildFlow";
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

/** The simulator entry points the measurement needs (passed in: io does not import sim). */
export interface Simulator<M, R> {
  prepareRun(
    model: M,
    options: { replications: number; seed: number },
  ): { ok: true; model: M } | { ok: false; diagnostics: { message: string }[] };
  runReplication(model: M, seed: number, replication: number, horizonSeconds: number | undefined, trace: EventSink): R;
  combineReplications(
    model: M,
    meta: { scenario: null; seed: number; wallSeconds: number },
    reps: R[],
  ): {
    horizonSeconds: number;
    warmupSeconds: number;
    kpis: { tickets: { mean: number } };
    teams: Record<string, { utilization: { mean: number } }>;
  };
}

/**
 * Runs the calibrated flow, each replication traced into a log analysis, and takes the
 * figures the report compares. Throws when the flow cannot run.
 * @param teamNames the log's team names, in the order of `teamIds`
 * @param tiers the log's tier per team
 */
export function measureCalibratedFlow<M extends { clock: { start: string } }, R>(
  sim: Simulator<M, R>,
  model: M,
  replications: number,
  teamNames: readonly string[],
  tiers: readonly number[],
): SimulatedFigures {
  const prepared = sim.prepareRun(model, { replications, seed: 1 });
  if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join("\n"));
  const ids = teamIds(teamNames);
  const traced = new TraceAnalysis(new Map(ids.map((id, i) => [id, teamNames[i]!])), model.clock.start);
  const reps: R[] = [];
  for (let r = 0; r < replications; r++)
    reps.push(sim.runReplication(prepared.model, 1, r, undefined, traced.sinkFor(r)));
  const results = sim.combineReplications(prepared.model, { scenario: null, seed: 1, wallSeconds: 0 }, reps);
  const days = (results.horizonSeconds - results.warmupSeconds) / 86400;
  return traced.figures(
    new Map(teamNames.map((n, i) => [n, tiers[i]!])),
    {
      ticketsPerDay: results.kpis.tickets.mean / days,
      utilisation: Object.fromEntries(Object.entries(results.teams).map(([id, t]) => [id, t.utilization.mean])),
    },
    `${replications} replications of ${days.toFixed(1)} days after a ${(results.warmupSeconds / 86400).toFixed(0)}-day warm-up, seed 1; shares, quantiles and paths from the simulator's event trace read like the log`,
  );
}
