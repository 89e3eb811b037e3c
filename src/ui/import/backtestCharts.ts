/**
 * The Backtest step's charts as chart.js configurations (pure, tested without a canvas):
 * the log's weekly volume coloured by period (the split is picked on it), and actual vs
 * predicted weekly volume, resolution-time distribution and open tickets.
 */
import type { ChartConfiguration } from "chart.js";
import type { BacktestReport } from "../../calibrate/backtest";
import { PALETTE } from "../results/chartData";
import type { Week } from "./backtestClient";

const GREY = "#c3c8cf";
// biome-ignore lint/suspicious/noExplicitAny: chart.js configurations of mixed chart types
type AnyConfig = ChartConfiguration<any, any, any>;

/** Weekly ticket starts: train weeks blue, test weeks orange, the rest grey; a click picks the test's first week. */
export function weeklyPickChart(
  weeks: readonly Week[],
  splitIndex: number,
  testWeeks: number,
  onPick: (index: number) => void,
): AnyConfig {
  const colour = (i: number) => (i < splitIndex ? PALETTE[0]! : i < splitIndex + testWeeks ? PALETTE[1]! : GREY);
  return {
    type: "bar",
    data: {
      labels: weeks.map((w) => new Date(w.weekStartMs).toISOString().slice(0, 10)),
      datasets: [
        {
          label: "Tickets started",
          data: weeks.map((w) => w.tickets),
          backgroundColor: weeks.map((_, i) => colour(i)),
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      onClick: (_event: unknown, elements: { index: number }[]) => {
        const hit = elements[0];
        if (hit && hit.index > 0) onPick(hit.index);
      },
      plugins: { legend: { display: false } },
      scales: {
        x: { title: { display: true, text: "Week from Monday" } },
        y: { title: { display: true, text: "Tickets" } },
      },
    },
  };
}

/** Tickets per week of the test period: actual bars, predicted and baseline lines. */
export function weeklyVolumeChart(report: BacktestReport): AnyConfig {
  const s = report.series.weeklyTickets;
  return {
    type: "bar",
    data: {
      labels: s.actual.map((_, i) => `Week ${i + 1}`),
      datasets: [
        { type: "bar", label: "Actual", data: s.actual, backgroundColor: PALETTE[0] },
        { type: "line", label: "Predicted", data: s.predicted, borderColor: PALETTE[1], backgroundColor: PALETTE[1] },
        {
          type: "line",
          label: "Same as last period",
          data: s.baseline ?? [],
          borderColor: GREY,
          borderDash: [6, 4],
          backgroundColor: GREY,
          pointRadius: 3,
        },
      ],
    },
    options: baseOptions("Tickets per week"),
  };
}

/** Resolution time (hours) at each quantile: the distribution as a quantile curve. */
export function resolutionChart(report: BacktestReport): AnyConfig {
  const s = report.series.resolutionQuantiles;
  const hours = (xs: (number | null)[]) => xs.map((x) => (x === null || !Number.isFinite(x) ? null : x / 3600));
  return {
    type: "line",
    data: {
      labels: s.quantiles.map((q) => `${Math.round(q * 100)}%`),
      datasets: [
        { label: "Actual", data: hours(s.actual), borderColor: PALETTE[0], backgroundColor: PALETTE[0] },
        { label: "Predicted", data: hours(s.predicted), borderColor: PALETTE[1], backgroundColor: PALETTE[1] },
        { label: "Same as last period", data: hours(s.baseline ?? []), borderColor: GREY, borderDash: [6, 4] },
      ],
    },
    options: {
      ...baseOptions("Resolved within (hours)"),
      scales: {
        x: { title: { display: true, text: "Share of tickets resolved" } },
        y: { title: { display: true, text: "Resolved within (hours)" } },
      },
    },
  };
}

/** Open tickets per day of the test period (older tickets still open included); the baseline is the train period's last days. */
export function backlogChart(report: BacktestReport): AnyConfig {
  const s = report.series.openByDay;
  return {
    type: "line",
    data: {
      labels: s.actual.map((_, i) =>
        new Date(Date.parse(`${report.test.from}Z`) + i * 86_400_000).toISOString().slice(5, 10),
      ),
      datasets: [
        { label: "Actual", data: s.actual, borderColor: PALETTE[0], backgroundColor: PALETTE[0], pointRadius: 0 },
        { label: "Predicted", data: s.predicted, borderColor: PALETTE[1], backgroundColor: PALETTE[1], pointRadius: 0 },
        ...(s.baseline
          ? [{ label: "Same as last period", data: s.baseline, borderColor: GREY, borderDash: [6, 4], pointRadius: 0 }]
          : []),
      ],
    },
    options: baseOptions("Open tickets (daily mean)"),
  };
}

// helpers

function baseOptions(yTitle: string) {
  return {
    animation: false as const,
    maintainAspectRatio: false,
    plugins: { legend: { position: "bottom" as const } },
    scales: { y: { beginAtZero: true, title: { display: true, text: yTitle } } },
  };
}
