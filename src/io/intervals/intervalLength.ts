/**
 * The interval length of a report, read from the data: the most common gap between
 * consecutive interval starts of a channel (gaps over an hour are closed hours, not the
 * interval). Every start must sit on that grid, and no day may come at another length, so a
 * file that mixes 15- and 30-minute exports is refused rather than read wrong, while rows an
 * ACD leaves out (closed, or nothing offered) are read as closed intervals.
 */

import { IntervalReportError } from "./reportError";
import type { IntervalRow } from "./row";

const LENGTHS = [15, 30, 60] as const;

/** 15, 30 or 60: the report's interval length in minutes. */
export function intervalLength(rows: readonly IntervalRow[], startColumn: string): 15 | 30 | 60 {
  const gaps = new Map<number, { count: number; line: number }>();
  /** Per channel and day, the count of each gap, to find days read at another length. */
  const dayGaps = new Map<string, Map<number, { count: number; line: number }>>();
  const byChannel = new Map<string, IntervalRow[]>();
  for (const row of rows) {
    const list = byChannel.get(row.channel);
    if (list) list.push(row);
    else byChannel.set(row.channel, [row]);
  }
  for (const [channel, list] of byChannel) {
    const sorted = [...list].sort((a, b) => a.startMs - b.startMs);
    for (let i = 1; i < sorted.length; i++) {
      const minutes = (sorted[i]!.startMs - sorted[i - 1]!.startMs) / 60_000;
      if (minutes > 60) continue;
      const line = sorted[i]!.line;
      count(gaps, minutes, line);
      const day = `${channel}\u0000${Math.floor(sorted[i]!.startMs / 86_400_000)}`;
      count(dayGaps.get(day) ?? dayGaps.set(day, new Map()).get(day)!, minutes, line);
    }
  }
  if (gaps.size === 0)
    throw new IntervalReportError(
      `no two intervals of column "${startColumn}" are an hour or less apart, so the interval length cannot be read; an interval report has a row every 15, 30 or 60 minutes`,
    );
  const [minutes, first] = mostCommon(gaps);
  const length = LENGTHS.find((l) => l === minutes);
  if (length === undefined)
    throw new IntervalReportError(
      `the intervals of column "${startColumn}" are ${formatMinutes(minutes)} long (line ${first.line}); Flowcast reads 15, 30 or 60 minute intervals`,
    );
  // A gap that is a whole number of intervals is a closed interval (or one with no contacts
  // that the ACD left out); a day whose rows mostly come at another length is another export.
  const offGrid = rows.find((r) => (r.startMs / 60_000) % length !== 0);
  const odd = [...gaps.entries()].find(([m]) => m % length !== 0);
  const otherDay = [...dayGaps.values()]
    .filter((day) => [...day.values()].reduce((n, g) => n + g.count, 0) >= 4)
    .map(mostCommon)
    .find(([m]) => m !== length);
  if (offGrid || odd || otherDay) {
    const where = offGrid
      ? `line ${offGrid.line} starts at ${clockOf(offGrid.startMs)}`
      : odd
        ? `line ${odd[1].line} comes ${formatMinutes(odd[0])} after the row before`
        : `the rows from line ${otherDay![1].line} come every ${formatMinutes(otherDay![0])} that day`;
    throw new IntervalReportError(
      `mixed interval lengths: most intervals of column "${startColumn}" are ${length} minutes, but ${where}; export the report at one interval length`,
    );
  }
  return length;
}

// helpers

function count(map: Map<number, { count: number; line: number }>, minutes: number, line: number): void {
  const g = map.get(minutes);
  if (g) g.count++;
  else map.set(minutes, { count: 1, line });
}

/** The most common gap (the shorter on ties) and where it first appears. */
function mostCommon(map: Map<number, { count: number; line: number }>): [number, { count: number; line: number }] {
  return [...map.entries()].sort((a, b) => b[1].count - a[1].count || a[0] - b[0])[0]!;
}

function formatMinutes(minutes: number): string {
  return Number.isInteger(minutes) ? `${minutes} minutes` : `${Math.round(minutes * 60)} seconds`;
}

function clockOf(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19).replace(/:00$/, "");
}
