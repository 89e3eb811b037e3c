/**
 * Results as CSV for spreadsheets: one file of KPI rows (mean and 95% interval, in plain
 * units: shares 0..1, times in seconds) and one of the time series (one row per interval).
 * Figures are written by src/sim/format.ts `formatPlain`: fixed decimals per unit, never an
 * exponent.
 */
import type { Model } from "../../model";
import { formatPlain, type KpiUnit } from "../../sim/format";
import { type Estimate, KPI_NAMES, type Results, type TimeEstimate } from "../../sim/results";
import { KPI_UNITS } from "./kpis";

/** KPI rows: `kpi,unit,mean,ci95_low,ci95_high`, then team utilisation and node figures. */
export function kpisToCsv(results: Results, model?: Model): string {
  const rows: (string | number)[][] = [["kpi", "unit", "mean", "ci95_low", "ci95_high"]];
  const push = (name: string, unit: KpiUnit, estimate: Estimate | undefined) => {
    if (estimate)
      rows.push([name, unit, num(estimate.mean, unit), num(estimate.ci95[0], unit), num(estimate.ci95[1], unit)]);
  };
  for (const name of KPI_NAMES) {
    const unit = KPI_UNITS[name];
    const estimate: Estimate | undefined = results.kpis[name];
    // Service level (no SLA queue) and abandonment (no patience) may be absent: no row rather than an empty one.
    if (!estimate) continue;
    push(name, unit, estimate);
    if ("p50" in estimate) {
      const time = estimate as TimeEstimate;
      push(`${name}.p50`, unit, time.p50);
      push(`${name}.p90`, unit, time.p90);
    }
  }
  push("unfinished", "count", results.unfinished);
  for (const [id, team] of Object.entries(results.teams)) {
    const name = model?.teams.find((t) => t.id === id)?.name;
    push(`teams.${id}.utilization${name ? ` (${name})` : ""}`, "share", team.utilization);
    push(`teams.${id}.cost`, "money", team.cost);
  }
  for (const [id, node] of Object.entries(results.nodes)) {
    if (node.kind !== "work") continue;
    push(`nodes.${id}.waitMean`, "seconds", node.waitMean);
    push(`nodes.${id}.serviceLevel`, "share", node.serviceLevel);
    push(`nodes.${id}.queueMean`, "count", node.queueMean);
  }
  return toCsv(rows);
}

/** One row per series point: hours since the clock start, then every series as a column. */
export function seriesToCsv(results: Results): string {
  const s = results.series;
  const header = ["hours", "backlog", "backlogPastSla", "arrivals"];
  const columns: { values: readonly (number | null)[]; unit: KpiUnit }[] = [
    { values: s.backlog, unit: "count" },
    { values: s.backlogPastSla, unit: "count" },
    { values: s.arrivals, unit: "count" },
  ];
  // A service-level column only when some queue has an SLA target.
  if (results.kpis.serviceLevel !== undefined) {
    header.push("serviceLevel");
    columns.push({ values: s.serviceLevel, unit: "share" });
  }
  const add = (prefix: string, series: Record<string, number[]>, unit: KpiUnit) => {
    for (const [id, values] of Object.entries(series)) {
      header.push(`${prefix}.${id}`);
      columns.push({ values, unit });
    }
  };
  add("queue", s.queue, "count");
  add("staffed", s.staffed, "count");
  add("utilization", s.utilization, "share");
  const rows: (string | number)[][] = [header];
  for (let i = 0; i < s.backlog.length; i++) {
    const hours = formatPlain((s.startSeconds + i * s.intervalSeconds) / 3600, "hours");
    rows.push([hours, ...columns.map((c) => num(c.values[i], c.unit))]);
  }
  return toCsv(rows);
}

/** Quotes a CSV cell when it holds a comma, quote or line break (RFC 4180). */
export function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// helpers

function toCsv(rows: (string | number)[][]): string {
  return `${rows.map((row) => row.map(csvCell).join(",")).join("\n")}\n`;
}

/** Numbers at their unit's precision, without float noise or exponents; empty for missing figures. */
function num(value: number | null | undefined, unit: KpiUnit): string {
  return formatPlain(value, unit);
}
