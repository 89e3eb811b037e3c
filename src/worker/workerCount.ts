/**
 * How many worker threads a run deserves. Starting a worker costs tens of milliseconds (a
 * fresh V8 isolate, loading the simulator, cloning the model), so a small run is fastest on
 * the calling thread and a large one on every core. The work of a run is estimated from its
 * flow before anything starts: tickets = the channels' mean rates x the horizon (hourly and
 * weekly weights average to 1), events = tickets x EVENTS_PER_TICKET. No DOM or Node
 * built-ins here: the browser pool can use it as well.
 */
import type { Model } from "../model";

/**
 * Calendar events per ticket, a round figure from measurement: 2.0 for one M/M/c queue
 * (arrival, end of service), 2.4 for the three-tier bench desk, more with follow-ups.
 */
const EVENTS_PER_TICKET = 2.5;

/**
 * A worker is started only for at least this many events (about 0.2 s of engine time at
 * 5M events/s): below it, the start-up cost eats the gain.
 */
export const MIN_EVENTS_PER_WORKER = 1_000_000;

/** Expected calendar events of one replication of `model` over `horizonSeconds`. */
export function estimateEvents(model: Model, horizonSeconds: number): number {
  let perHour = 0;
  for (const node of model.nodes) {
    if (node.kind !== "channel") continue;
    let surge = 0;
    for (const s of node.arrivals.surges ?? []) {
      // A surge adds (factor - 1) x its share of the horizon; its exact clock times do not matter here.
      const seconds = Math.max(0, parseTime(s.to) - parseTime(s.from));
      if (Number.isFinite(seconds)) surge += (s.factor - 1) * Math.min(1, seconds / horizonSeconds);
    }
    perHour += node.arrivals.perHour * Math.max(0, 1 + surge);
  }
  return perHour * (horizonSeconds / 3600) * EVENTS_PER_TICKET;
}

/**
 * Workers for a run: as many as keep each busy with at least MIN_EVENTS_PER_WORKER events,
 * capped by the cores and the replications; 1 means "run on the calling thread".
 * @param requested an explicit `--workers` choice, honoured as given (capped by replications)
 */
export function chooseWorkerCount(
  eventsPerReplication: number,
  replications: number,
  cores: number,
  requested?: number,
): number {
  const reps = Math.max(1, replications);
  if (requested !== undefined) return Math.max(1, Math.min(requested, reps));
  const byWork = Math.floor((eventsPerReplication * reps) / MIN_EVENTS_PER_WORKER);
  return Math.max(1, Math.min(cores, reps, byWork));
}

// helpers

function parseTime(text: string): number {
  return Date.parse(`${text}Z`) / 1000;
}
