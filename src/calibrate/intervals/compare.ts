/**
 * The interval calibration report (`flowcast-interval-calibration/v1`): what was read, the
 * days left out and why, each channel's fit, and the report's figures beside the calibrated
 * flow's simulated ones per day of the week and per interval of the week (a typical week:
 * counts per week, shares and ASA as ratios of the sums).
 */
import type { IntervalResults } from "../../sim/results";
import type { IntervalCalibration } from "./calibrateIntervals";
import type { CellSums, FlaggedDay } from "./weekProfile";
import { intervalName, WEEKDAYS } from "./weekProfile";

/** One period's figures; null where the source does not give them. */
export interface PeriodFigures {
  offered: number;
  answered: number | null;
  abandonShare: number | null;
  asaSeconds: number | null;
  serviceLevel: number | null;
}

export interface ComparedPeriod {
  channel: string;
  /** "Mon" or "Mon 08:30". */
  period: string;
  log: PeriodFigures;
  simulated: PeriodFigures | null;
}

export interface IntervalCalibrationReport {
  format: "flowcast-interval-calibration/v1";
  source: {
    file: string;
    rows: number;
    intervalMinutes: number;
    timeFormat: string;
    from: string;
    to: string;
    days: number;
    wholeWeeks: number;
    /** Days of partial weeks, left out of the profile. */
    partialDays: string[];
    /** Days that count per weekday, Monday first. */
    daysPerWeekday: number[];
  };
  flaggedDays: FlaggedDay[];
  slaSeconds: number;
  channels: {
    name: string;
    channelStep: string;
    workStep: string;
    team: string;
    offeredPerWeek: number;
    ahtSeconds: number;
    patienceSeconds: number | null;
    abandonShare: number | null;
    agents: { known: boolean; basis: string; perInterval: number[] };
  }[];
  /** Replications of the calibrated flow behind the simulated figures (0: not simulated). */
  replications: number;
  byDay: ComparedPeriod[];
  byInterval: ComparedPeriod[];
  warnings: string[];
}

/** The report of a calibration, with the simulated figures when the flow was run. */
export function buildIntervalReport(
  file: string,
  rows: number,
  timeFormat: string,
  cal: IntervalCalibration,
  simulated: { results: IntervalResults; replications: number } | undefined,
): IntervalCalibrationReport {
  const p = cal.profile;
  const perDay = p.cells / 7;
  const byDay: ComparedPeriod[] = [];
  const byInterval: ComparedPeriod[] = [];
  for (const { name, ids, fit } of cal.channels) {
    const sums = p.sums.get(name)!;
    const sim = simulated?.results.nodes[ids.work];
    const days = (k: number) => p.daysPerWeekday[Math.floor(k / perDay)] ?? 0;
    for (let d = 0; d < 7; d++) {
      const cells = range(d * perDay, (d + 1) * perDay);
      byDay.push({
        channel: name,
        period: WEEKDAYS[d]!,
        log: logFigures(sums, cells, days),
        simulated: sim ? simFigures(sim, cells) : null,
      });
    }
    for (let k = 0; k < p.cells; k++) {
      if (!sums.open[k] && !(fit.offered[k]! > 0)) continue;
      byInterval.push({
        channel: name,
        period: intervalName(k, p.intervalMinutes),
        log: logFigures(sums, [k], days),
        simulated: sim ? simFigures(sim, [k]) : null,
      });
    }
  }
  return {
    format: "flowcast-interval-calibration/v1",
    source: {
      file,
      rows,
      intervalMinutes: p.intervalMinutes,
      timeFormat,
      from: p.from,
      to: p.to,
      days: p.days,
      wholeWeeks: p.wholeWeeks,
      partialDays: p.partialDays,
      daysPerWeekday: p.daysPerWeekday,
    },
    flaggedDays: p.flagged,
    slaSeconds: cal.slaSeconds,
    channels: cal.channels.map(({ name, ids, fit }) => ({
      name,
      channelStep: ids.channel,
      workStep: ids.work,
      team: ids.team,
      offeredPerWeek: round(
        fit.offered.reduce((a, b) => a + b, 0),
        1,
      ),
      ahtSeconds: round(fit.ahtSeconds, 1),
      patienceSeconds: fit.patienceSeconds === undefined ? null : round(fit.patienceSeconds, 1),
      abandonShare: fit.abandonShare === undefined ? null : round(fit.abandonShare, 4),
      agents: { known: fit.agentsBasis !== "assumed", basis: fit.agentsBasis, perInterval: fit.agents },
    })),
    replications: simulated?.replications ?? 0,
    byDay,
    byInterval,
    warnings: cal.warnings,
  };
}

/** The stdout table: per channel and day of the week, the report's figures beside the simulated ones. */
export function formatIntervalComparison(report: IntervalCalibrationReport): string {
  const lines: string[] = [];
  const pct = (x: number | null | undefined) => (x === null || x === undefined ? "-" : `${(100 * x).toFixed(1)}%`);
  const sec = (x: number | null | undefined) => (x === null || x === undefined ? "-" : `${x.toFixed(1)}s`);
  const num = (x: number | null | undefined) => (x === null || x === undefined ? "-" : x.toFixed(0));
  const pair = (a: string, b: string) => `${a.padStart(7)} ${b.padStart(7)}`;
  for (const c of report.channels) {
    lines.push(
      `${c.name}: ${Math.round(c.offeredPerWeek).toLocaleString("en")} offered a week, AHT ${c.ahtSeconds.toFixed(0)} s, patience ${c.patienceSeconds === null ? "not estimated" : `${c.patienceSeconds.toFixed(0)} s`}, agents ${c.agents.known ? `from ${c.agents.basis}` : "not known (assumed)"}, peak ${Math.max(0, ...c.agents.perInterval)}`,
    );
    lines.push(
      `  ${"day".padEnd(4)} ${pair("offered", "sim")}   ${pair("abandon", "sim")}   ${pair("ASA", "sim")}   ${pair("SL", "sim")}`,
    );
    for (const row of report.byDay.filter((r) => r.channel === c.name)) {
      const s = row.simulated;
      lines.push(
        `  ${row.period.padEnd(4)} ${pair(num(row.log.offered), num(s?.offered))}   ${pair(pct(row.log.abandonShare), pct(s?.abandonShare))}   ${pair(sec(row.log.asaSeconds), sec(s?.asaSeconds))}   ${pair(pct(row.log.serviceLevel), pct(s?.serviceLevel))}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

// helpers

function logFigures(sums: CellSums, cells: readonly number[], days: (k: number) => number): PeriodFigures {
  let offered = 0;
  let answered = 0;
  let abandonedAll = 0;
  let offeredAll = 0;
  let asaSum = 0;
  let asaWeight = 0;
  let slSum = 0;
  let slWeight = 0;
  for (const k of cells) {
    const n = days(k);
    if (n > 0) {
      offered += sums.offered[k]! / n;
      answered += sums.answered[k]! / n;
    }
    offeredAll += sums.offered[k]!;
    abandonedAll += sums.abandoned[k]!;
    asaSum += sums.asaSum[k]!;
    asaWeight += sums.asaWeight[k]!;
    slSum += sums.slSum[k]!;
    slWeight += sums.slWeight[k]!;
  }
  return {
    offered: round(offered, 2),
    answered: round(answered, 2),
    abandonShare: offeredAll > 0 ? round(abandonedAll / offeredAll, 4) : null,
    asaSeconds: asaWeight > 0 ? round(asaSum / asaWeight, 2) : null,
    serviceLevel: slWeight > 0 ? round(slSum / slWeight, 4) : null,
  };
}

function simFigures(sim: IntervalResults["nodes"][string], cells: readonly number[]): PeriodFigures {
  let offered = 0;
  let answered = 0;
  let abandoned = 0;
  let asaSum = 0;
  let slSum = 0;
  let slWeight = 0;
  for (const k of cells) {
    offered += sim.offered[k] ?? 0;
    answered += sim.answered[k] ?? 0;
    abandoned += sim.abandoned[k] ?? 0;
    const asa = sim.asa[k];
    if (asa !== null && asa !== undefined) asaSum += asa * (sim.answered[k] ?? 0);
    const sl = sim.serviceLevel?.[k];
    if (sl !== null && sl !== undefined) {
      slSum += sl * (sim.offered[k] ?? 0);
      slWeight += sim.offered[k] ?? 0;
    }
  }
  return {
    offered: round(offered, 2),
    answered: round(answered, 2),
    abandonShare: offered > 0 ? round(abandoned / offered, 4) : null,
    asaSeconds: answered > 0 ? round(asaSum / answered, 2) : null,
    serviceLevel: slWeight > 0 ? round(slSum / slWeight, 4) : null,
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
