/**
 * Terminal tables for simulation results: each KPI in the unit a support manager reads
 * (percentages, durations such as "6.2 min", money with two decimals), estimates with their
 * 95% interval, differences with a sign, and plain-text columns aligned for a monospace font.
 */
import { describeSeconds } from "../model";
import type { Comparison } from "../sim/compare";
import { type Estimate, KPI_NAMES, type KpiName, type Results } from "../sim/results";

/** How a KPI is shown. */
export type KpiUnit = "count" | "share" | "seconds" | "money";

/** Human names and units of the KPIs, in table order. */
export const KPI_LABELS: Record<KpiName, { label: string; unit: KpiUnit }> = {
  tickets: { label: "Tickets", unit: "count" },
  fcr: { label: "First-contact resolution", unit: "share" },
  deflectionRate: { label: "Deflection rate", unit: "share" },
  escalationRate: { label: "Escalation rate", unit: "share" },
  abandonRate: { label: "Abandon rate", unit: "share" },
  reopenRate: { label: "Reopen rate", unit: "share" },
  serviceLevel: { label: "Service level", unit: "share" },
  firstResponseSeconds: { label: "First response time", unit: "seconds" },
  resolutionSeconds: { label: "Resolution time", unit: "seconds" },
  backlog: { label: "Backlog (open tickets)", unit: "count" },
  backlogPastSla: { label: "Backlog past SLA", unit: "count" },
  utilization: { label: "Utilisation", unit: "share" },
  csat: { label: "CSAT", unit: "share" },
  costPerTicket: { label: "Cost per ticket", unit: "money" },
};

/** One value in a unit: 0.723 share -> "72.3%", 372 s -> "6.2 min", 12.5 money -> "12.50". */
export function formatValue(value: number | null | undefined, unit: KpiUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  switch (unit) {
    case "share":
      return `${(value * 100).toFixed(1)}%`;
    case "seconds":
      return describeSeconds(value);
    case "money":
      return groupThousands(value.toFixed(2));
    case "count":
      return groupThousands(value.toFixed(Math.abs(value) >= 100 ? 0 : 1));
  }
}

/**
 * An estimate with its interval, all three in the mean's unit: "72.3% (71.8% – 72.9%)",
 * "6.2 min (5.9 min – 6.6 min)". Digits are added (up to two more) until the bounds differ,
 * so a tight interval never reads as none; a lone value when the interval is a point.
 */
export function formatEstimate(estimate: Estimate | undefined, unit: KpiUnit): string {
  if (!estimate || !Number.isFinite(estimate.mean)) return "—";
  const [lo, hi] = estimate.ci95 ?? [];
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo === hi) return formatValue(estimate.mean, unit);
  const style = styleOf(estimate.mean, unit);
  let text: string[] = [];
  for (let extra = 0; extra <= 2; extra++) {
    text = [estimate.mean, lo as number, hi as number].map((v) => formatIn(v, style, style.digits + extra));
    if (text[1] !== text[2]) break;
  }
  return `${text[0]} (${text[1]} – ${text[2]})`;
}

/**
 * A signed difference: shares in percentage points ("+2.1 pp"), times and money signed.
 * What rounds to zero has no sign ("0.0 pp"). `withUnit: false` leaves out " pp".
 */
export function formatDifference(value: number, unit: KpiUnit, withUnit = true): string {
  if (!Number.isFinite(value)) return "—";
  const size = Math.abs(value);
  const text = unit === "share" ? `${(size * 100).toFixed(1)}${withUnit ? " pp" : ""}` : formatValue(size, unit);
  if (!/[1-9]/.test(text)) return text;
  return `${value > 0 ? "+" : "−"}${text}`;
}

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
    const estimate = results.kpis[name];
    if (!estimate) continue;
    kpiRows.push([label, formatEstimate(estimate, unit)]);
    if (unit === "seconds" && "p90" in estimate) {
      kpiRows.push([`  median`, formatEstimate(estimate.p50, unit)]);
      kpiRows.push([`  90th percentile`, formatEstimate(estimate.p90, unit)]);
    }
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
    const rows: string[][] = [["Work node", "entered", "served", "abandoned", "mean wait", "waited", "service level"]];
    for (const id of workIds) {
      const node = results.nodes[id];
      if (!node) continue;
      rows.push([
        labels.nodes?.[id] ?? id,
        formatValue(node.entered.mean, "count"),
        formatValue(node.served?.mean, "count"),
        formatValue(node.abandoned?.mean, "count"),
        formatEstimate(node.waitMean, "seconds"),
        formatValue(node.pWait?.mean, "share"),
        formatValue(node.serviceLevel?.mean, "share"),
      ]);
    }
    parts.push(formatTable(rows, [1, 2, 3, 5, 6]));
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
 * The side-by-side report of several scenarios: per KPI each scenario's mean, and for every
 * scenario after the first its difference against the first (with its paired 95% interval) and a marker: "*" when the
 * paired 95% interval excludes 0, then whether that is better or worse.
 */
export function formatComparison(runs: Results[], comparisons: Comparison[]): string {
  const names = runs.map((r) => r.scenario ?? "base");
  const first = names[0] ?? "base";
  const header = ["KPI", ...names];
  for (const n of names.slice(1)) header.push(`${n} − ${first}`, "");
  const rows: string[][] = [header];
  for (const name of KPI_NAMES) {
    const { label, unit } = KPI_LABELS[name];
    const row = [label, ...runs.map((r) => formatValue(r.kpis[name]?.mean, unit))];
    for (const comparison of comparisons) {
      const d = comparison.kpis.find((k) => k.kpi === name);
      row.push(
        d ? formatDifferenceWithInterval(d.difference, d.ci95, unit) : "—",
        d ? marker(d.significant, d.verdict) : "",
      );
    }
    rows.push(row);
  }
  // Values and differences right-aligned; the marker column after each difference left-aligned.
  const right = header.map((_, i) => i).filter((i) => i > 0 && (i <= runs.length || (i - runs.length) % 2 === 1));
  const legend =
    comparisons.length > 0
      ? `* the paired 95% interval of the difference excludes 0 (${comparisons[0]?.replications ?? 0} replications on common random numbers); better/worse as a support manager reads it.\n`
      : "";
  return `${formatTable(rows, right)}${legend}`;
}

// helpers

interface NumberStyle {
  /** Value per displayed unit (60 for minutes, 0.01 for percent). */
  size: number;
  suffix: string;
  digits: number;
}

/** The unit and digits a value is shown in, chosen from its size as formatValue does. */
function styleOf(value: number, unit: KpiUnit): NumberStyle {
  const abs = Math.abs(value);
  switch (unit) {
    case "share":
      return { size: 0.01, suffix: "%", digits: 1 };
    case "money":
      return { size: 1, suffix: "", digits: 2 };
    case "count":
      return { size: 1, suffix: "", digits: abs >= 100 ? 0 : 1 };
    case "seconds":
      if (abs < 90) return { size: 1, suffix: " s", digits: abs < 10 ? 1 : 0 };
      if (abs < 90 * 60) return { size: 60, suffix: " min", digits: 1 };
      if (abs < 48 * 3600) return { size: 3600, suffix: " h", digits: 1 };
      return { size: 86400, suffix: " d", digits: 1 };
  }
}

function formatIn(value: number, style: NumberStyle, digits: number): string {
  return `${groupThousands((value / style.size).toFixed(digits))}${style.suffix}`;
}

/** "+10.0 pp (+8.1 – +11.9)": the interval is left out when it is a point or unknown. */
function formatDifferenceWithInterval(difference: number, ci95: [number, number], unit: KpiUnit): string {
  const text = formatDifference(difference, unit);
  const [lo, hi] = ci95;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo === hi) return text;
  return `${text} (${formatDifference(lo, unit, false)} – ${formatDifference(hi, unit, false)})`;
}

function marker(significant: boolean, verdict: string): string {
  if (!significant) return "";
  if (verdict === "better") return "* better";
  if (verdict === "worse") return "* worse";
  return "*";
}

function groupThousands(text: string): string {
  const [whole = "", fraction] = text.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
