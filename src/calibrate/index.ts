/**
 * Event logs: calibrate a flow from a help desk's ticket history (read, fit, build, report)
 * and write simulated tickets back out as an event log.
 */

import type { ModelFile } from "../model/schema";
import { buildFlow, type FlowFits, fitFlow } from "./buildFlow";
import type { EventLogReader } from "./logReader";
import { type Summary, summarize } from "./summarize";

export * from "../io/eventlog/guessColumns";
export * from "../io/eventlog/reader";
export * from "../io/eventlog/roles";
export * from "../io/eventlog/timestamp";
export * from "../io/eventlog/writer";
export * from "./analyze";
export * from "./buildFlow";
export * from "./logReader";
export * from "./report";
export * from "./simulated";
export * from "./summarize";

export interface Calibration {
  model: ModelFile;
  summary: Summary;
  fits: FlowFits;
}

/**
 * Fits and builds the flow once the whole log has been read (`reader.end()` called).
 * `tiers` overrides teams' tiers by team name.
 */
export function calibrate(reader: EventLogReader, name: string, tiers?: Record<string, number>): Calibration {
  const a = reader.analysis;
  let fixed: number[] | undefined;
  if (tiers && Object.keys(tiers).length > 0) {
    const auto = summarize(a, a.teams.list).tiers;
    fixed = a.teams.list.map((n, i) => (Object.hasOwn(tiers, n) ? tiers[n]! : auto[i]!));
  }
  const summary = summarize(a, a.teams.list, fixed);
  const fits = fitFlow(a);
  const window = fits.arrivalWindow;
  if (!window.whole) summary.figures.ticketsPerDay = window.tickets / window.days;
  return { model: buildFlow(a, summary, fits, name), summary, fits };
}
