/**
 * Terminal tables for simulation results: each KPI in the unit a support manager reads
 * (written by src/sim/format.ts, as in the app), estimates with their 95% interval,
 * differences with a sign, and plain-text columns aligned for a monospace font. Also the
 * run's warnings, one line each, for stderr.
 */
import { describeSeconds } from "../model";
import type { Comparison, Difference } from "../sim/compare";
import {
  formatDifferenceWithInterval,
  formatEstimate,
  formatThreshold,
  formatValue,
  KPI_LABELS as KPI_NAMES_READABLE,
  KPI_UNITS,
  type KpiUnit,
} from "../sim/format";
import { type Estimate, KPI_NAMES, type KpiName, type Results, type TimeEstimate, type Warning } from "../sim/results";

export { formatDifference, formatEstimate, formatValue, type KpiUnit } from "../sim/format";

/** Human names and units of the KPIs, in table order. */
export const KPI_LABELS: Record<KpiName, { label: string; unit: KpiUnit }> = Object.fromEntries(
  KPI_NAMES.map((k) => [k, { label: KPI_NAMES_READABLE[k], unit: KPI_UNITS[k] }]),
) as Record<KpiName, { label: string; unit: KpiUnit }>;

/**
 * Aligns rows of cells into columns two spaces apart. Columns listed in `right` are
 * right-aligned (numbers); a row that is a single string is printed as is (a heading).
 */
export function formatTable(rows: (string[] | string)[], right: readonly number[] = []): string {
  const widths: number[] = [];
  for (const row of rows) {
    if (typeof row === "string") continue;
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  const lines = rows.map((row) => {
    if (typeof row === "string") return row;
    return row
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        return right.includes(i) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  });
  return `${lines.join("\n")}\n`;
}

/** The readable report of one run: KPIs, teams, work nodes, then what was run. */
export function formatResults(results: Results, labels: ResultLabels = {}): string {
  const kpiRows: string[][] = [["KPI", "mean (95% interval)"]];
  for (const name of KPI_NAMES) {
    const { label, unit } = KPI_LABELS[name];
    const estimate: Estimate | undefined = results.kpis[name];
    // Service level (no SLA queue) and abandonment (no patience) may be absent: no row rather than a made-up 0%.
    if (!estimate) continue;
    kpiRows.push([label, formatEstimate(estimate, unit)]);
    const time = "p90" in estimate ? (estimate as TimeEstimate) : undefined;
    if (time) {
      kpiRows.push([`  median`, formatEstimate(time.p50, unit)]);
      kpiRows.push([`  90th percentile`, formatEstimate(time.p90, unit)]);
    }
  }
  if (results.unfinished && results.unfinished.mean > 0) {
    kpiRows.push(["Still open when the run stopped", formatEstimate(results.unfinished, "count")]);
  }
  const parts = [formatTable(kpiRows)];

  const teamIds = Object.keys(results.teams);
  if (teamIds.length > 0) {
    const rows: string[][] = [["Team", "utilisation", "staffed h", "busy h", "cost"]];
    for (const id of teamIds) {
      const team = results.teams[id];
      if (!team) continue;
      rows.push([
        labels.teams?.[id] ?? id,
        formatEstimate(team.utilization, "share"),
        formatValue(team.staffedHours.mean, "count"),
        formatValue(team.busyHours.mean, "count"),
        formatValue(team.cost.mean, "money"),
      ]);
    }
    parts.push(formatTable(rows, [2, 3, 4]));
  }

  const workIds = Object.keys(results.nodes).filter((id) => results.nodes[id]?.kind === "work");
  if (workIds.length > 0) {
    const withSla = workIds.some((id) => results.nodes[id]?.serviceLevel);
    // No abandoned column when no queue has a patience: a column of zeros would read as a prediction.
    const withAbandon = results.kpis.abandonRate !== undefined;
    const header = ["Work node", "entered", "served", ...(withAbandon ? ["abandoned"] : []), "mean wait", "waited"];
    const rows: string[][] = [withSla ? [...header, "service level"] : header];
    for (const id of workIds) {
      const node = results.nodes[id];
      if (!node) continue;
      const row = [
        labels.nodes?.[id] ?? id,
        formatValue(node.entered.mean, "count"),
        formatValue(node.served?.mean, "count"),
        ...(withAbandon ? [formatValue(node.abandoned?.mean, "count")] : []),
        formatEstimate(node.waitMean, "seconds"),
        formatValue(node.pWait?.mean, "share"),
      ];
      // "—" for a step without an SLA target when others have one.
      if (withSla) row.push(formatValue(node.serviceLevel?.mean, "share"));
      rows.push(row);
    }
    const waited = header.indexOf("waited");
    parts.push(formatTable(rows, [1, 2, ...(withAbandon ? [3] : []), waited, waited + 1]));
  }

  parts.push(formatRunFooter(results));
  return parts.join("\n");
}

/** Readable names of teams and nodes by id, e.g. `"L1 answers" (l1-phone)`. */
export interface ResultLabels {
  teams?: Record<string, string>;
  nodes?: Record<string, string>;
}

/** What was run: model, scenario, replications, seed, horizon, events and wall time. */
export function formatRunFooter(results: Results): string {
  const rows: string[][] = [
    ["Flow", results.model],
    ["Scenario", results.scenario ?? "base (no scenario)"],
    ["Replications", String(results.replications)],
    ["Seed", String(results.seed)],
    [
      "Horizon",
      `${describeSeconds(results.horizonSeconds)} (first ${describeSeconds(results.warmupSeconds)} warm-up, not counted)`,
    ],
    ["Events", groupThousands(String(results.events))],
    ["Wall time", `${results.wallSeconds.toFixed(2)} s`],
  ];
  return formatTable(rows);
}

/**
 * One line per warning of a run, for stderr: "warning: L1 front line is offered 128% of
 * its capacity ...". `prefix` names the scenario when several runs share the output.
 * Empty when there is nothing to say.
 */
export function formatWarnings(warnings: readonly Warning[] | undefined, prefix = ""): string {
  if (!warnings || warnings.length === 0) return "";
  return warnings.map((w) => `${prefix}warning: ${w.message}\n`).join("");
}

/**
 * The side-by-side report of several scenarios: per KPI each scenario's mean, and for every
 * scenario after the first its difference against the first with its 95% interval and a
 * marker: "* better" / "* worse" / "* changed" when the interval excludes 0 and the
 * difference exceeds the KPI's practical threshold; "(below threshold)" when the interval
 * excludes 0 but the change is too small to matter. Team utilisation follows the KPIs.
 */
export function formatComparison(runs: Results[], comparisons: Comparison[], labels: ResultLabels = {}): string {
  const names = runs.map((r) => r.scenario ?? "base");
  const first = names[0] ?? "base";
  const header = ["KPI", ...names];
  for (const n of names.slice(1)) header.push(`${n} − ${first}`, "");
  const rows: string[][] = [header];
  for (const name of KPI_NAMES) {
    // A KPI no run reports (service level without SLA queues, abandonment without a patience) gets no row.
    if (runs.every((r) => !r.kpis[name])) continue;
    const { label, unit } = KPI_LABELS[name];
    const row = [label, ...runs.map((r) => formatValue(r.kpis[name]?.mean, unit))];
    comparisons.forEach((comparison, i) => {
      const unmatched = comparison.unmatched?.find((u) => u.kpi === name);
      if (unmatched) {
        // Reported by one run only (a scenario that adds a patience): no difference to give.
        const lacking = unmatched.reportedBy === "base" ? names[i + 1] : first;
        row.push("—", `(not comparable: not modelled in ${lacking})`);
      } else
        row.push(
          ...differenceCells(
            comparison.kpis.find((k) => k.kpi === name),
            unit,
          ),
        );
    });
    rows.push(row);
  }
  const baseRun = runs[0];
  for (const team of Object.keys(baseRun?.teams ?? {})) {
    const row = [
      `Utilisation · ${labels.teams?.[team] ?? team}`,
      ...runs.map((r) => formatValue(r.teams[team]?.utilization.mean, "share")),
    ];
    for (const comparison of comparisons)
      row.push(
        ...differenceCells(
          comparison.teams.find((t) => t.team === team),
          "share",
        ),
      );
    rows.push(row);
  }
  // Values and differences right-aligned; the marker column after each difference left-aligned.
  const right = header.map((_, i) => i).filter((i) => i > 0 && (i <= runs.length || (i - runs.length) % 2 === 1));
  return `${formatTable(rows, right)}${comparisonLegend(comparisons)}`;
}

/** The practical thresholds in force, written in each KPI's unit: "fcr 0.5 pp, backlog 1 ticket, ...". */
export function formatThresholds(minDiff: Record<KpiName, number>): string {
  return KPI_NAMES.map((k) => `${k} ${formatThreshold(minDiff[k], KPI_UNITS[k])}`).join(", ");
}

// helpers

function differenceCells(d: Difference | undefined, unit: KpiUnit): [string, string] {
  if (!d) return ["—", ""];
  return [formatDifferenceWithInterval(d.difference, d.ci95, unit), marker(d, unit)];
}

function marker(d: Difference, unit: KpiUnit): string {
  if (d.significant) return d.verdict === "better" || d.verdict === "worse" ? `* ${d.verdict}` : "* changed";
  if (d.excludesZero) return `(under ${formatThreshold(d.minDiff, unit)})`;
  return "";
}

/** What the markers and intervals mean, in a manager's words. */
function comparisonLegend(comparisons: Comparison[]): string {
  const c = comparisons[0];
  if (!c) return "";
  const lines = [
    `* the difference's 95% interval excludes 0 and the difference exceeds the KPI's practical threshold; better/worse as a support manager reads it.`,
    c.paired
      ? `Intervals are paired over ${c.replications} replications on common random numbers: each replication of both scenarios draws the same arrivals and handle times, so shared noise cancels and the interval is narrower than for independent runs. A difference is still an estimate, as sure as its interval.`
      : "Intervals are unpaired (Welch): the runs differ in seed or replications, so they are wider than paired ones.",
  ];
  if (c.teams.length > 0 && !c.teamsPaired) {
    lines.push("Team utilisation intervals are unpaired (Welch): the results hold no per-replication team figures.");
  }
  lines.push(`Practical thresholds: ${formatThresholds(c.minDiff)}.`);
  return `${lines.join("\n")}\n`;
}

function groupThousands(text: string): string {
  const [whole = "", fraction] = text.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
