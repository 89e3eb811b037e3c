/**
 * The dashboard's charts as chart.js configurations, built from a results document (and
 * the simulated model for names and the clock): pure, so they are tested without a canvas.
 * Time runs in days since the clock start; shares are drawn as percentages.
 */
import type { ChartConfiguration, ChartDataset } from "chart.js";
import { describeSeconds, type Model } from "../../model";
import type { Histogram, Results } from "../../sim/results";
import { formatInterval } from "./kpis";

/** Series colours, in order; distinguishable for common colour-blindness (Okabe–Ito). */
export const PALETTE = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442", "#000000"];

/** A results document with the name to show for it (scenario name or "Base flow"). */
export interface NamedRun {
  label: string;
  results: Results;
}

type Point = { x: number; y: number | null };
type TimeConfig = ChartConfiguration<"line", Point[]>;

/** Open tickets over time, one line per run (several runs: overlaid for comparison). */
export function backlogChart(runs: readonly NamedRun[]): TimeConfig {
  const datasets: ChartDataset<"line", Point[]>[] = runs.map((run, i) =>
    // Scenarios are dashed so that a line lying on the base flow's stays visible.
    i === 0
      ? line(runs.length > 1 ? run.label : "Open tickets", timePoints(run.results, run.results.series.backlog), i)
      : {
          ...line(run.label, timePoints(run.results, run.results.series.backlog), i),
          borderDash: [6, 4],
          borderWidth: 2,
        },
  );
  if (runs.length === 1 && runs[0]) {
    const only = runs[0].results;
    datasets.push({ ...line("Open past SLA", timePoints(only, only.series.backlogPastSla), 1), borderDash: [4, 3] });
  }
  return timeChart(datasets, "Open tickets");
}

/** Service level per interval over all SLA queues, in percent; gaps where nobody queued. */
export function serviceLevelChart(results: Results): TimeConfig {
  const points = timePoints(
    results,
    results.series.serviceLevel.map((v) => (v === null ? null : v * 100)),
  );
  const config = timeChart([line("Service level", points, 2)], "Answered within SLA (%)");
  setYRange(config, 0, 100);
  return config;
}

/** Time-average queue length per work step over time. */
export function queueChart(results: Results, model?: Model): TimeConfig {
  const datasets = Object.entries(results.series.queue)
    .filter(([, values]) => values.length > 0)
    .map(([id, values], i) => line(nodeTitle(model, id), timePoints(results, values), i));
  return timeChart(datasets, "Contacts waiting");
}

/**
 * Arrivals per hour against staffed agents by hour of the week (Mon 00:00 .. Sun 23:00),
 * averaged over the weeks simulated; the clock start's weekday places the first point.
 */
export function arrivalsCapacityChart(results: Results, model?: Model): ChartConfiguration<"bar" | "line", number[]> {
  const { series } = results;
  const arrivals = new Array<number>(168).fill(0);
  const staffed = new Array<number>(168).fill(0);
  const counts = new Array<number>(168).fill(0);
  const startHour = model ? weekHourOf(model.clock.start) : 0;
  const perHour = 3600 / series.intervalSeconds;
  const teams = Object.values(series.staffed);
  for (let i = 0; i < series.arrivals.length; i++) {
    const hour = (startHour + Math.floor((series.startSeconds + i * series.intervalSeconds) / 3600)) % 168;
    arrivals[hour] = (arrivals[hour] ?? 0) + (series.arrivals[i] ?? 0) * perHour;
    staffed[hour] = (staffed[hour] ?? 0) + teams.reduce((sum, t) => sum + (t[i] ?? 0), 0);
    counts[hour] = (counts[hour] ?? 0) + 1;
  }
  const mean = (values: number[]) => values.map((v, h) => (counts[h] ? v / (counts[h] as number) : 0));
  return {
    type: "bar",
    data: {
      labels: WEEK_HOURS,
      datasets: [
        {
          type: "bar",
          label: "Arrivals per hour",
          data: mean(arrivals),
          backgroundColor: `${PALETTE[0]}99`,
          yAxisID: "y",
        },
        {
          type: "line",
          label: "Staffed agents",
          data: mean(staffed),
          borderColor: PALETTE[1],
          backgroundColor: PALETTE[1],
          pointRadius: 0,
          stepped: true,
          yAxisID: "y1",
        },
      ],
    },
    options: {
      ...baseOptions(),
      scales: {
        x: {
          ticks: { autoSkip: true, maxTicksLimit: 14, maxRotation: 0 },
          title: { display: true, text: "Hour of the week" },
        },
        y: { beginAtZero: true, title: { display: true, text: "Contacts per hour" } },
        y1: {
          beginAtZero: true,
          position: "right",
          grid: { drawOnChartArea: false },
          title: { display: true, text: "Agents" },
        },
      },
    },
  };
}

/** Resolution times as a histogram: share of resolved tickets (%) per time band. */
export function resolutionHistogramChart(results: Results): ChartConfiguration<"bar", number[]> {
  const { edges, counts } = readableBands(results.histograms.resolutionSeconds);
  const total = counts.reduce((a, b) => a + b, 0);
  const labels = counts.map((_, i) => bandLabel(edges[i] ?? 0, edges[i + 1] ?? Number.POSITIVE_INFINITY));
  const data = counts.map((c) => (total > 0 ? (c / total) * 100 : 0));
  return {
    type: "bar",
    data: { labels, datasets: [{ label: "Resolved tickets (%)", data, backgroundColor: PALETTE[2] }] },
    options: {
      ...baseOptions(),
      scales: {
        x: { title: { display: true, text: "Resolution time" } },
        y: { beginAtZero: true, title: { display: true, text: "Resolved (%)" } },
      },
    },
  };
}

/** Utilisation per team (%), with each team's 95% interval in its label. */
export function utilizationChart(results: Results, model?: Model): ChartConfiguration<"bar", number[], string[]> {
  const entries = Object.entries(results.teams);
  // Two-line labels (name, interval) so that long team names are not cut off.
  const labels = entries.map(([id, t]) => [teamTitle(model, id), formatInterval(t.utilization, "share")]);
  const data = entries.map(([, t]) => t.utilization.mean * 100);
  return {
    type: "bar",
    data: {
      labels,
      datasets: [
        {
          label: "Utilisation (%)",
          data,
          backgroundColor: data.map((u) => (u >= 95 ? "#d64545" : u >= 85 ? "#e69f00" : PALETTE[0])),
        },
      ],
    },
    options: {
      ...baseOptions(),
      indexAxis: "y",
      scales: {
        x: { min: 0, max: 100, title: { display: true, text: "Busy share of staffed time (%)" } },
        // Every team keeps its label, however many there are.
        y: { ticks: { autoSkip: false } },
      },
    },
  };
}

// helpers

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const WEEK_HOURS = Array.from(
  { length: 168 },
  (_, h) => `${DAY_NAMES[Math.floor(h / 24)]} ${String(h % 24).padStart(2, "0")}:00`,
);

/** Band edges (seconds) a fine histogram is folded into: 1, 5, 15 min, 1, 4, 8 h, 1, 3, 7, 14 days. */
const BANDS = [
  0,
  60,
  300,
  900,
  3600,
  4 * 3600,
  8 * 3600,
  86400,
  3 * 86400,
  7 * 86400,
  14 * 86400,
  Number.POSITIVE_INFINITY,
];

/**
 * A histogram with at most a dozen bins, as a reader takes in at a glance: a finer one is
 * folded into BANDS (each bin counted in the band holding its lower edge), without the
 * empty bands at either end.
 */
export function readableBands(histogram: Histogram): Histogram {
  if (histogram.counts.length <= 12) return histogram;
  const counts = new Array<number>(BANDS.length - 1).fill(0);
  histogram.counts.forEach((count, i) => {
    const from = histogram.edges[i] ?? 0;
    const band = BANDS.findIndex((edge, b) => from >= edge && from < (BANDS[b + 1] ?? Number.POSITIVE_INFINITY));
    if (band >= 0) counts[band] = (counts[band] ?? 0) + count;
  });
  let first = counts.findIndex((c) => c > 0);
  if (first < 0) first = 0;
  let last = counts.length - 1;
  while (last > first && counts[last] === 0) last--;
  return { edges: BANDS.slice(first, last + 2), counts: counts.slice(first, last + 1) };
}

/** Hour of the week (Monday 00:00 = 0) of a local date-time "2026-01-05T00:00". */
function weekHourOf(start: string): number {
  const date = new Date(`${start.slice(0, 16)}:00Z`);
  if (Number.isNaN(date.getTime())) return 0;
  return ((date.getUTCDay() + 6) % 7) * 24 + date.getUTCHours();
}

function timePoints(results: Results, values: readonly (number | null)[]): Point[] {
  const { startSeconds, intervalSeconds } = results.series;
  return values.map((y, i) => ({
    x: (startSeconds + i * intervalSeconds) / 86400,
    y: y === null || Number.isNaN(y) ? null : y,
  }));
}

function line(label: string, data: Point[], colour: number): ChartDataset<"line", Point[]> {
  const c = PALETTE[colour % PALETTE.length];
  return { label, data, borderColor: c, backgroundColor: c, borderWidth: 1.5, pointRadius: 0, spanGaps: false };
}

function timeChart(datasets: ChartDataset<"line", Point[]>[], yTitle: string): TimeConfig {
  return {
    type: "line",
    data: { datasets },
    options: {
      ...baseOptions(),
      parsing: false,
      scales: {
        x: { type: "linear", title: { display: true, text: "Days since start" }, ticks: { stepSize: 1 } },
        y: { beginAtZero: true, title: { display: true, text: yTitle } },
      },
    },
  };
}

function setYRange(config: TimeConfig, min: number, max: number): void {
  const y = config.options?.scales?.y;
  if (y) Object.assign(y, { min, max });
}

function baseOptions() {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    interaction: { mode: "index" as const, intersect: false },
    plugins: { legend: { display: true, position: "bottom" as const } },
  };
}

function bandLabel(from: number, to: number): string {
  if (!Number.isFinite(to)) return `> ${describeSeconds(from)}`;
  if (from <= 0) return `< ${describeSeconds(to)}`;
  return `${describeSeconds(from)}–${describeSeconds(to)}`;
}

function nodeTitle(model: Model | undefined, id: string): string {
  return model?.nodes.find((n) => n.id === id)?.label || id;
}

function teamTitle(model: Model | undefined, id: string): string {
  return model?.teams.find((t) => t.id === id)?.name || id;
}
