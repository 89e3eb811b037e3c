/**
 * The Backtest step's charts (loaded on demand with chart.js): the weekly volume the split
 * is picked on, and the results' actual vs predicted charts.
 */
import { useMemo } from "react";
import type { BacktestReport } from "../../calibrate/backtest";
import { ChartView } from "../results/ChartView";
import { backlogChart, resolutionChart, weeklyPickChart, weeklyVolumeChart } from "./backtestCharts";
import type { Week } from "./backtestClient";

export function WeeklyPickChart(props: {
  weeks: readonly Week[];
  splitIndex: number;
  testWeeks: number;
  onPick: (index: number) => void;
}) {
  const { weeks, splitIndex, testWeeks, onPick } = props;
  const config = useMemo(
    () => weeklyPickChart(weeks, splitIndex, testWeeks, onPick),
    [weeks, splitIndex, testWeeks, onPick],
  );
  return (
    <ChartView
      name="backtest-weeks"
      title="Tickets per week: train (blue), test (orange)"
      config={config}
      fileStem="backtest"
    />
  );
}

export function BacktestResultCharts({ report }: { report: BacktestReport }) {
  const weekly = useMemo(() => weeklyVolumeChart(report), [report]);
  const resolution = useMemo(() => resolutionChart(report), [report]);
  const backlog = useMemo(() => backlogChart(report), [report]);
  return (
    <div className="backtest-charts">
      <ChartView name="backtest-volume" title="Weekly volume" config={weekly} fileStem="backtest" />
      <ChartView
        name="backtest-resolution"
        title="Resolution-time distribution"
        config={resolution}
        fileStem="backtest"
      />
      <ChartView name="backtest-backlog" title="Open tickets" config={backlog} fileStem="backtest" />
    </div>
  );
}
