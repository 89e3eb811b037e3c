/**
 * Results as CSV for spreadsheets: one file of KPI rows (mean and 95% interval, in plain
 * units: shares 0..1, times in seconds) and one of the time series (one row per interval).
 */
import type { Model } from "../../model";
import { type Estimate, KPI_NAMES, type Results } from "../../sim/results";
import { KPI_UNITS } from "./kpis";

/** KPI rows: `kpi,unit,mean,ci95_low,ci95_high`, then team utilisation and node figures. */
export function kpisToCsv(results: Results, model?: Model): string {
  const rows: (string | number)[][] = [["kpi", "unit", "mean", "ci95_low", "ci95_high"]];
  const push = (name: string, unit: string, estimate: Estimate | undefined) => {
    if (estimate) rows.push([name, unit, num(estimate.mean), num(estimate.ci95[0]), num(estimate.ci95[1])]);
  };
  for (const name of KPI_NAMES) {
    const unit = KPI_UNITS[name];
    const estimate = results.kpis[name];
    push(name, unit, estimate);
    if (estimate && "p50" in estimate) {
      push(`${name}.p50`, unit, estimate.p50);
      push(`${name}.p90`, unit, estimate.p90);
    }
  }
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
  const header = ["hours", "backlog", "backlogPastSla", "arrivals", "serviceLevel"];
  const columns: (readonly (number | null)[])[] = [s.backlog, s.backlogPastSla, s.arrivals, s.serviceLevel];
  for (const [id, values] of Object.entries(s.queue)) {
    header.push(`queue.${id}`);
    columns.push(values);
  }
  for (const [id, values] of Object.entries(s.staffed)) {
    header.push(`staffed.${id}`);
    columns.push(values);
  }
  for (const [id, values] of Object.entries(s.utilization)) {
    header.push(`utilization.${id}`);
    columns.push(values);
  }
  const rows: (string | number)[][] = [header];
  for (let i = 0; i < s.backlog.length; i++) {
    rows.push([num((s.startSeconds + i * s.intervalSeconds) / 3600), ...columns.map((c) => num(c[i]))]);
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

/** Numbers without float noise; empty for missing figures. */
function num(value: number | null | undefined): string | number {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  return Number(value.toPrecision(10));
}
