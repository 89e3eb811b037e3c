/**
 * The interval length of a report, read from the data: the most common gap between
 * consecutive interval starts of a channel (gaps over an hour are closed hours, not the
 * interval). Every start must sit on that grid, and no second length may run through the
 * report, so a file that mixes 15- and 30-minute rows is refused rather than read wrong.
 */

import { IntervalReportError } from "./reportError";
import type { IntervalRow } from "./row";

const LENGTHS = [15, 30, 60] as const;

/** 15, 30 or 60: the report's interval length in minutes. */
export function intervalLength(rows: readonly IntervalRow[], startColumn: string): 15 | 30 | 60 {
  const gaps = new Map<number, { count: number; line: number }>();
  const byChannel = new Map<string, IntervalRow[]>();
  for (const row of rows) {
    const list = byChannel.get(row.channel);
    if (list) list.push(row);
    else byChannel.set(row.channel, [row]);
  }
  for (const list of byChannel.values()) {
    const sorted = [...list].sort((a, b) => a.startMs - b.startMs);
    for (let i = 1; i < sorted.length; i++) {
      const minutes = (sorted[i]!.startMs - sorted[i - 1]!.startMs) / 60_000;
      if (minutes > 60) continue;
      const g = gaps.get(minutes) ?? { count: 0, line: sorted[i]!.line };
      g.count++;
      gaps.set(minutes, g);
    }
  }
  if (gaps.size === 0)
    throw new IntervalReportError(
      `no two intervals of column "${startColumn}" are an hour or less apart, so the interval length cannot be read; an interval report has a row every 15, 30 or 60 minutes`,
    );
  const ranked = [...gaps.entries()].sort((a, b) => b[1].count - a[1].count || a[0] - b[0]);
  const [minutes] = ranked[0]!;
  const length = LENGTHS.find((l) => l === minutes);
  if (length === undefined)
    throw new IntervalReportError(
      `the intervals of column "${startColumn}" are ${formatMinutes(minutes)} long (line ${ranked[0]![1].line}); Flowcast reads 15, 30 or 60 minute intervals`,
    );
  const total = ranked.reduce((sum, [, g]) => sum + g.count, 0);
  const other = ranked.find(([m, g]) => m !== length && (m % length !== 0 || (g.count >= 3 && g.count >= 0.1 * total)));
  const offGrid = rows.find((r) => (r.startMs / 60_000) % length !== 0);
  if (other || offGrid) {
    const where = offGrid
      ? `line ${offGrid.line} starts at ${clockOf(offGrid.startMs)}`
      : `line ${other![1].line} comes ${formatMinutes(other![0])} after the row before`;
    throw new IntervalReportError(
      `mixed interval lengths: most intervals of column "${startColumn}" are ${length} minutes, but ${where}; export the report at one interval length`,
    );
  }
  return length;
}

// helpers

function formatMinutes(minutes: number): string {
  return Number.isInteger(minutes) ? `${minutes} minutes` : `${Math.round(minutes * 60)} seconds`;
}

function clockOf(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19).replace(/:00$/, "");
}
