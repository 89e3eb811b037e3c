/**
 * The backtest as a readable table: each figure's actual, predicted (mean and interval) and
 * baseline, and whether the flow came nearer than "same as last period"; then the
 * distances. "—" marks what could not be measured.
 */
import type { BacktestReport, Figure } from "./runBacktest";

/** Teams shown per team figure in the table (by work share in the test period; all in the JSON). */
const TABLE_TEAMS = 8;

/** The report as text for a terminal. */
export function formatBacktest(report: BacktestReport): string {
  const rows: string[][] = [["Figure", "Actual", "Predicted (95% range)", "Baseline", "Nearer"]];
  const { shown, hidden } = tableFigures(report.figures);
  for (const f of shown) {
    const p = f.predicted;
    rows.push([
      f.label,
      show(f, f.actual),
      p.mean === null ? "—" : `${show(f, p.mean)} (${show(f, p.low)}–${show(f, p.high)})`,
      show(f, f.baseline),
      f.beatsBaseline === null ? "" : f.beatsBaseline ? "flow" : "baseline",
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join("  ")
      .trimEnd();
  const table = rows.map(line);
  table.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  const distances = Object.values(report.distances).map(
    (d) => `  ${d.label}: ${num(d.predicted, d.unit)} (same as last period: ${num(d.baseline, d.unit)})`,
  );
  const more = hidden > 0 ? [`${hidden} more teams' handle time and work share are in the JSON (--json, --out).`] : [];
  return [
    `Train ${report.train.from}..${report.train.to}: ${report.train.tickets.toLocaleString("en")} tickets. Test ${report.test.from}..${report.test.to}: ${report.test.tickets.toLocaleString("en")} tickets.`,
    "",
    ...table,
    ...more,
    "",
    `The flow came nearer than "same as last period" on ${report.summary.beatsBaseline} of ${report.summary.compared} figures.`,
    "Distances to the test period (lower is closer; mean over replications):",
    ...distances,
    "",
    ...report.notes,
    "",
  ].join("\n");
}

// helpers

/** The figures for the table: per-team figures only for the teams doing most of the test period's work. */
function tableFigures(figures: Figure[]): { shown: Figure[]; hidden: number } {
  const teamOf = (f: Figure) => (f.id.includes(":") ? f.id.slice(f.id.indexOf(":") + 1) : undefined);
  const work = figures
    .filter((f) => f.id.startsWith("workShare:"))
    .sort((a, b) => (b.actual ?? b.baseline ?? 0) - (a.actual ?? a.baseline ?? 0));
  const keep = new Set(work.slice(0, TABLE_TEAMS).map(teamOf));
  const shown = figures.filter((f) => teamOf(f) === undefined || keep.has(teamOf(f)));
  return { shown, hidden: Math.max(0, work.length - TABLE_TEAMS) };
}

function show(f: Figure, x: number | null): string {
  if (x === null) return "—";
  switch (f.unit) {
    case "share":
      return `${(x * 100).toFixed(1)}%`;
    case "seconds":
      return duration(x);
    case "tickets":
      return x >= 100 ? Math.round(x).toLocaleString("en") : x.toFixed(1);
  }
}

function num(x: number | null, unit: "share" | "hours"): string {
  if (x === null) return "—";
  return unit === "share" ? x.toFixed(3) : `${x.toFixed(1)} h`;
}

function duration(seconds: number): string {
  if (seconds < 90) return `${seconds.toFixed(0)} s`;
  if (seconds < 5400) return `${(seconds / 60).toFixed(1)} min`;
  if (seconds < 2 * 86400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}
