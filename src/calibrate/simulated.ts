/**
 * The calibrated flow's side of the report, measured the way the log was: the simulator's
 * event trace is fed straight into a `LogAnalysis` (no CSV in between) and summarised with
 * the log's own tiers, so escalation, return and reopen shares, handle-time and resolution
 * quantiles and path shares are computed by one definition on both sides. Volume and
 * utilisation come from the run's KPIs. The caller runs the simulator (io does not import
 * sim), passing each replication a sink from `sinkFor`.
 */

import { FLOWCAST_EVENTS, type Role } from "../io/eventlog/roles";
import type { EventSink, TraceEventKind } from "../io/eventlog/writer";
import type { Model } from "../model/schema";
import { LogAnalysis } from "./analyze";
import { teamIds } from "./names";
import type { SimulatedFigures } from "./report";
import { PICKUP_PREFIX } from "./snapshot";
import { summarize } from "./summarize";

export class TraceAnalysis {
  readonly analysis = new LogAnalysis(5);
  private readonly startMs: number;

  /**
   * @param teamNames team id -> the log's team name (figures are keyed by the log's names)
   * @param clockStart the flow's clock.start
   */
  /** @param fromSeconds tickets created before this run time (the warm-up) are left out */
  constructor(
    private readonly teamNames: ReadonlyMap<string, string>,
    clockStart: string,
    private readonly fromSeconds = 0,
    /** End node id -> the log's status it stands for (how tickets closed). */
    private readonly endNames: ReadonlyMap<string, string> = new Map(),
  ) {
    this.startMs = Date.parse(`${clockStart.length === 10 ? `${clockStart}T00:00` : clockStart}Z`) || 0;
  }

  /** A sink for one replication (ticket numbers are kept apart per replication). */
  sinkFor(replication: number): EventSink {
    const a = this.analysis;
    const names = this.teamNames;
    const start = this.startMs;
    const from = this.fromSeconds;
    const ends = this.endNames;
    // Warm-up tickets: remembered only to skip their later events.
    const skipped = new Set<number>();
    return {
      record(
        ticket: number,
        time: number,
        event: TraceEventKind,
        node: string,
        team: string,
        agent: number,
        priority: string,
        channel: string,
      ) {
        if (event === "arrival" && time < from) skipped.add(ticket);
        if (skipped.size > 0 && skipped.has(ticket)) {
          if (event === "close") skipped.delete(ticket);
          return;
        }
        const name = team === "" ? "" : (names.get(team) ?? team);
        a.event(
          `${replication}:${ticket}`,
          start + time * 1000,
          roleOf(event, node),
          name,
          agent >= 0 ? `${team}-${agent}` : "",
          priority,
          channel,
          0,
          Number.NaN,
          event === "close" ? (ends.get(node) ?? node) : "",
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
      reopenAfterClosureShare: f.reopenAfterClosureShare,
      pingPongShare: f.pingPongShare,
      resolution: { p50: f.resolution.p50, p90: f.resolution.p90 },
      utilisation: kpis.utilisation,
      handleTime: f.handleTime,
      paths: f.paths,
      endStatus: f.endStatus,
      abandoned: f.abandoned,
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
export function measureCalibratedFlow<R>(
  sim: Simulator<Model, R>,
  calibrated: Model,
  replications: number,
  teamNames: readonly string[],
  tiers: readonly number[],
  window?: { arrivalsEndMs: number; endMs: number },
): SimulatedFigures {
  // Like the log: tickets arrive until its last creation, then the run goes on to its last
  // event, so tickets still open at its end are censored as in the log.
  const startMs = Date.parse(`${calibrated.clock.start}Z`);
  let model = calibrated;
  let arrivalDays = (calibrated.clock.horizon - calibrated.clock.warmup) / 86400;
  if (window && Number.isFinite(startMs) && window.endMs > window.arrivalsEndMs) {
    const stop = { from: wallText(window.arrivalsEndMs), to: wallText(window.endMs + 86_400_000), factor: 0 };
    const horizon = Math.max(calibrated.clock.warmup + 3600, Math.ceil((window.endMs - startMs) / 1000));
    arrivalDays = Math.max(1 / 24, (window.arrivalsEndMs - startMs) / 86_400_000 - calibrated.clock.warmup / 86400);
    model = {
      ...calibrated,
      clock: { ...calibrated.clock, horizon },
      nodes: calibrated.nodes.map((n) =>
        n.kind === "channel" ? { ...n, arrivals: { ...n.arrivals, surges: [...(n.arrivals.surges ?? []), stop] } } : n,
      ),
    };
  }
  const prepared = sim.prepareRun(model, { replications, seed: 1 });
  if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join("\n"));
  const ids = teamIds(teamNames);
  const traced = new TraceAnalysis(
    new Map(ids.map((id, i) => [id, teamNames[i]!])),
    model.clock.start,
    model.clock.warmup,
    new Map(model.nodes.flatMap((n) => (n.kind === "end" ? [[n.id, n.label ?? n.id]] : []))),
  );
  const reps: R[] = [];
  for (let r = 0; r < replications; r++)
    reps.push(sim.runReplication(prepared.model, 1, r, undefined, traced.sinkFor(r)));
  const results = sim.combineReplications(prepared.model, { scenario: null, seed: 1, wallSeconds: 0 }, reps);
  const days = (results.horizonSeconds - results.warmupSeconds) / 86400;
  return traced.figures(
    new Map(teamNames.map((n, i) => [n, tiers[i]!])),
    {
      ticketsPerDay: results.kpis.tickets.mean / arrivalDays,
      utilisation: Object.fromEntries(Object.entries(results.teams).map(([id, t]) => [id, t.utilization.mean])),
    },
    `${replications} replications, arrivals for ${arrivalDays.toFixed(1)} days then running on to ${days.toFixed(1)} days as the log does, after a ${(results.warmupSeconds / 86400).toFixed(0)}-day warm-up, seed 1; shares, quantiles and paths from the simulator's event trace read like the log`,
  );
}

// helpers

/**
 * What a trace event of a calibrated flow means, read as the log was read. Two differ from
 * Flowcast's own events: the engine's "reopen" marks any loop back into a node already
 * visited (ping-pong, a repeat visit), which the log does not call a reopen, so it changes
 * nothing here; entering a "Closed until reopened" delay (`reopen-TEAM`) closes the ticket,
 * so the visit after it is active again after closure, as in the log. A snapshot flow's
 * pickup delay is time in the queue, not a wait on the customer.
 */
function roleOf(event: TraceEventKind, node: string): Role {
  if (event === "reopen") return "ignore";
  if (event === "wait" && node.startsWith(REOPEN_PREFIX)) return "closed";
  if (event === "wait" && node.startsWith(PICKUP_PREFIX)) return "ignore";
  return FLOWCAST_EVENTS[event]!;
}

/** Id prefix of buildFlow's "Closed until reopened" delays. */
const REOPEN_PREFIX = "reopen-";

function wallText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}
