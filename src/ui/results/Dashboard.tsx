/**
 * The dashboard of one run: its warnings, the bottleneck in words, KPI cards, the six charts, and
 * exports (KPI and series CSV, JSON, each chart as PNG).
 */
import { useMemo } from "react";
import type { Model } from "../../model";
import type { Results } from "../../sim/results";
import { TargetStatus } from "../staff/TargetStatus";
import { findBottleneck } from "./bottleneck";
import { ChartView } from "./ChartView";
import {
  arrivalsCapacityChart,
  backlogChart,
  queueChart,
  resolutionHistogramChart,
  serviceLevelChart,
  utilizationChart,
} from "./chartData";
import { kpisToCsv, seriesToCsv } from "./csv";
import { downloadText, fileStemOf } from "./download";
import { IntervalHeatMap } from "./IntervalHeatMap";
import { KpiCards } from "./KpiCards";
import { WarningsBanner } from "./WarningsBanner";

/** The dashboard of `results`, produced by simulating `model` (scenario applied). */
export function Dashboard({ results, model, label }: { results: Results; model: Model; label: string }) {
  const stem = fileStemOf(results.model, results.scenario);
  const bottleneck = useMemo(() => findBottleneck(model, results), [model, results]);
  const charts = useMemo(
    () => [
      { name: "backlog", title: "Backlog over time", config: backlogChart([{ label, results }]) },
      {
        name: "arrivals",
        title: "Arrivals against staffed agents, by hour of the week",
        config: arrivalsCapacityChart(results, model),
      },
      { name: "resolution", title: "Resolution-time distribution", config: resolutionHistogramChart(results) },
      { name: "utilization", title: "Utilisation per team (95% CI)", config: utilizationChart(results, model) },
      // No service-level chart when no queue has a target: it would be an empty frame.
      ...(results.kpis.serviceLevel !== undefined
        ? [{ name: "service-level", title: "Service level per interval", config: serviceLevelChart(results) }]
        : []),
      { name: "queue", title: "Queue length per step", config: queueChart(results, model) },
    ],
    [results, model, label],
  );
  return (
    <div className="results-dashboard" data-testid="dashboard">
      <WarningsBanner results={results} model={model} />
      <div className="results-header">
        <div className="results-actions">
          <button
            type="button"
            data-testid="export-kpis-csv"
            onClick={() => downloadText(`${stem}-kpis.csv`, kpisToCsv(results, model), "text/csv")}
          >
            KPIs CSV
          </button>
          <button
            type="button"
            data-testid="export-series-csv"
            onClick={() => downloadText(`${stem}-series.csv`, seriesToCsv(results), "text/csv")}
          >
            Series CSV
          </button>
          <button
            type="button"
            data-testid="export-json"
            onClick={() => downloadText(`${stem}.json`, `${JSON.stringify(results, null, 2)}\n`, "application/json")}
          >
            JSON
          </button>
        </div>
      </div>
      {bottleneck && (
        <p className="bottleneck" data-testid="bottleneck">
          <strong>Bottleneck:</strong> {bottleneck.text}
        </p>
      )}
      <TargetStatus results={results} model={model} />
      <KpiCards results={results} model={model} />
      <IntervalHeatMap results={results} model={model} />
      <div className="chart-grid">
        {charts.map((c) => (
          <ChartView key={c.name} name={c.name} title={c.title} config={c.config} fileStem={stem} />
        ))}
      </div>
    </div>
  );
}
