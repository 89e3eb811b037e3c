/**
 * Event logs: calibrate a flow from a help desk's ticket history (read, fit, build, report)
 * and write simulated tickets back out as an event log.
 */

import type { ModelFile } from "../model/schema";
import type { LogAnalysis } from "./analyze";
import { buildFlow } from "./buildFlow";
import { type FlowFits, fitFlow } from "./fitFlow";
import type { EventLogReader } from "./logReader";
import { addPickupDelays, isSnapshotLog, type SnapshotBasis, snapshotStaffing } from "./snapshot";
import { type Summary, summarize } from "./summarize";

export * from "../io/eventlog/guessColumns";
export * from "../io/eventlog/reader";
export * from "../io/eventlog/roles";
export * from "../io/eventlog/timestamp";
export * from "../io/eventlog/writer";
export * from "./analyze";
export * from "./arrivalFit";
export * from "./buildFlow";
export * from "./endStatuses";
export * from "./fitFlow";
export * from "./logReader";
export { guessChannel, guessPriority, slug, teamIds } from "./names";
export * from "./report";
export * from "./simulated";
export * from "./snapshot";
export * from "./summarize";

export interface Calibration {
  model: ModelFile;
  summary: Summary;
  fits: FlowFits;
  /** Set when the log is a snapshot log, modelled on the work-in-progress basis. */
  snapshot?: SnapshotBasis;
}

/** How many teams keep a step of their own: the rest become one "Other teams" step. */
export const MAX_TEAMS = 25;
/** By default, the fewest teams that do this share of the work time. */
export const TEAM_WORK_SHARE = 0.95;

export interface CalibrateOptions {
  /** Teams kept apart (most work time first); default: those doing 95% of it, at most 25. */
  teams?: number;
}

/**
 * Fits and builds the flow once the whole log has been read (`reader.end()` called).
 * `tiers` overrides teams' tiers by team name.
 */
export function calibrate(
  reader: EventLogReader,
  name: string,
  tiers?: Record<string, number>,
  options: CalibrateOptions = {},
): Calibration {
  const others = teamsToGroup(reader.ungrouped, options.teams);
  if (others.length > 1) reader.groupTeams(others);
  const a = reader.analysis;
  let fixed: number[] | undefined;
  if (tiers && Object.keys(tiers).length > 0) {
    const auto = summarize(a, a.teams.list).tiers;
    fixed = a.teams.list.map((n, i) => (Object.hasOwn(tiers, n) ? tiers[n]! : auto[i]!));
  }
  const summary = summarize(a, a.teams.list, fixed);
  const fits = fitFlow(a, summary.entrySteps);
  const window = fits.arrivalWindow;
  if (!window.whole) summary.figures.ticketsPerDay = window.tickets / window.days;
  if (!isSnapshotLog(a, summary)) return { model: buildFlow(a, summary, fits, name), summary, fits };
  const snapshot = snapshotStaffing(a, summary);
  return { model: addPickupDelays(buildFlow(a, summary, fits, name), a), summary, fits, snapshot };
}

/** The teams doing least of the work, beyond the `keep` (or 95%, at most 25) that do most. */
export function teamsToGroup(a: LogAnalysis, keep?: number): string[] {
  const work = a.teams.list.map((team, t) => {
    let seconds = 0;
    for (const s of a.busy[t]?.values() ?? []) seconds += s;
    return { team, seconds };
  });
  // A log with no agent time (a ticket table without handle times) ranks teams by visits.
  if (work.every((w) => w.seconds === 0)) for (const [t, w] of work.entries()) w.seconds = a.handle[t]?.n ?? 0;
  work.sort((x, y) => y.seconds - x.seconds);
  const total = work.reduce((x, w) => x + w.seconds, 0);
  let count = keep ?? 0;
  if (keep === undefined) {
    let acc = 0;
    while (count < work.length && (acc < TEAM_WORK_SHARE * total || count === 0)) acc += work[count++]!.seconds;
    count = Math.min(count, MAX_TEAMS);
  }
  return work.slice(Math.max(1, count)).map((w) => w.team);
}
