/**
 * An ACD interval report written from a known queue, figure by figure with Erlang A
 * (M/M/c+M): contacts offered per interval, agents per interval, exponential handle times
 * and patience. Counts are whole numbers (abandoned rounded with a dither, so the
 * rounding does not bias the report's totals) and ASA and service level are rounded as an ACD
 * prints them (0.1 s, 0.1%), so the import sees what a real report holds.
 */
import { erlangA, erlangAServiceLevel } from "../../src/sim/erlang";

export interface KnownChannel {
  name: string;
  /** Contacts offered per interval of the week (Monday 00:00 first); 0: closed (no row). */
  offered: number[];
  /** Agents per interval of the week. */
  agents: number[];
  ahtSeconds: number;
  patienceSeconds: number;
}

export interface ReportSpec {
  intervalMinutes: 15 | 30 | 60;
  /** First day of the report, a date "2026-01-05". */
  firstDate: string;
  days: number;
  slaSeconds: number;
  channels: KnownChannel[];
  /** Dates whose offered contacts are multiplied by a factor (a holiday: 0.05). */
  dayFactor?: Record<string, number>;
  /** Write the channel column. */
  channelColumn?: boolean;
}

/** The report's CSV text, header first: interval, [channel], offered, answered, abandoned, aht, asa, service_level. */
export function generateIntervalReport(spec: ReportSpec): string {
  const perDay = 1440 / spec.intervalMinutes;
  const lines = [
    [
      "interval",
      ...(spec.channelColumn ? ["channel"] : []),
      "offered",
      "answered",
      "abandoned",
      "aht",
      "asa",
      "service_level",
    ].join(","),
  ];
  const first = Date.parse(`${spec.firstDate}T00:00:00Z`);
  for (let d = 0; d < spec.days; d++) {
    const dayMs = first + d * 86_400_000;
    const date = new Date(dayMs).toISOString().slice(0, 10);
    const weekday = (new Date(dayMs).getUTCDay() + 6) % 7;
    const factor = spec.dayFactor?.[date] ?? 1;
    for (let i = 0; i < perDay; i++) {
      const k = weekday * perDay + i;
      for (const ch of spec.channels) {
        const base = ch.offered[k] ?? 0;
        if (base <= 0) continue;
        const offered = Math.round(base * factor);
        const queue = {
          arrivalRate: (base * factor) / (spec.intervalMinutes * 60),
          serviceRate: 1 / ch.ahtSeconds,
          servers: Math.max(1, ch.agents[k] ?? 1),
          abandonRate: 1 / ch.patienceSeconds,
        };
        const m = erlangA(queue);
        // Dithered rounding (a low-discrepancy sequence over days and intervals): whole counts
        // whose sums over the report keep the expected total, as random counts would.
        const dither = (d * 0.6180339887 + i * 0.7548776662) % 1;
        const abandoned = Math.min(offered, Math.floor(offered * m.pAbandon + dither));
        const sl = erlangAServiceLevel(queue, spec.slaSeconds);
        const start = `${date} ${clock(i * spec.intervalMinutes)}`;
        lines.push(
          [
            start,
            ...(spec.channelColumn ? [ch.name] : []),
            offered,
            offered - abandoned,
            abandoned,
            mmss(ch.ahtSeconds),
            m.meanWaitServed.toFixed(1),
            `${(100 * sl).toFixed(1)}%`,
          ].join(","),
        );
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Agents per interval: the fewest that answer `level` within `slaSeconds` under Erlang A (0 where closed). */
export function erlangStaffing(
  offered: readonly number[],
  intervalMinutes: number,
  ahtSeconds: number,
  patienceSeconds: number,
  slaSeconds: number,
  level: number,
): number[] {
  return offered.map((n) => {
    if (n <= 0) return 0;
    for (let c = 1; ; c++) {
      const queue = {
        arrivalRate: n / (intervalMinutes * 60),
        serviceRate: 1 / ahtSeconds,
        servers: c,
        abandonRate: 1 / patienceSeconds,
      };
      if (erlangAServiceLevel(queue, slaSeconds) >= level) return c;
    }
  });
}

// helpers

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function mmss(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, "0")}`;
}
