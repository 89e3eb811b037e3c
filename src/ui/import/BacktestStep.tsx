/**
 * The Backtest step of "Import history…": the file's weekly volume (read in a worker), the
 * split picked on it (click a week, or the slider and the number of test weeks), then the
 * backtest run in a worker with progress, and its answer: how close the flow's predictions
 * came next to "same as last period", as a table and as charts.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import type { RoleRule } from "../../calibrate";
import type { BacktestReport, Figure } from "../../calibrate/backtest";
import { runBacktestInWorker, scanWeeks, splitWindows, type Week } from "./backtestClient";
import type { HistorySource } from "./historySource";

const WeeklyPickChart = lazy(() => import("./BacktestCharts").then((m) => ({ default: m.WeeklyPickChart })));
const BacktestResultCharts = lazy(() => import("./BacktestCharts").then((m) => ({ default: m.BacktestResultCharts })));

interface Scan {
  weeks: Week[];
  firstStartMs: number;
  lastStartMs: number;
}

export function BacktestStep(props: {
  file: File;
  /** The file's kind and columns (one object per mapping: the file is read again when it changes). */
  source: HistorySource;
  rules: readonly RoleRule[];
  onBack: () => void;
}) {
  const { file, source, rules, onBack } = props;
  const [scan, setScan] = useState<Scan>();
  const [splitIndex, setSplitIndex] = useState(1);
  const [testWeeks, setTestWeeks] = useState(1);
  const [progress, setProgress] = useState<{ phase: string; share: number }>();
  const [report, setReport] = useState<BacktestReport>();
  const [error, setError] = useState<string>();
  const cancel = useRef<() => void>(undefined);

  useEffect(() => {
    const job = scanWeeks(file, source, rules, (phase, share) => setProgress({ phase, share }));
    cancel.current = job.cancel;
    job.done.then(
      (s) => {
        setProgress(undefined);
        setScan(s);
        // Default: the last third of the weeks (at most 4) is the test period.
        const test = Math.max(1, Math.min(4, Math.floor(s.weeks.length / 3)));
        setTestWeeks(test);
        setSplitIndex(Math.max(1, s.weeks.length - test));
      },
      (e: Error) => {
        setProgress(undefined);
        if (e.message !== "cancelled") setError(`${file.name}: ${e.message}`);
      },
    );
    return () => job.cancel();
  }, [file, source, rules]);

  const pick = useCallback((index: number) => {
    setSplitIndex(index);
    setReport(undefined);
  }, []);
  // A split moved late leaves fewer weeks to test: the test keeps within the log.
  const shownTestWeeks = scan ? Math.max(1, Math.min(testWeeks, scan.weeks.length - splitIndex)) : 1;
  const windows =
    scan && scan.weeks.length >= 2 ? splitWindows(scan.weeks, splitIndex, shownTestWeeks, scan) : undefined;
  const count = (from: number, to: number) => scan?.weeks.slice(from, to).reduce((s, w) => s + w.tickets, 0) ?? 0;
  const run = () => {
    if (!windows) return;
    setError(undefined);
    setReport(undefined);
    const job = runBacktestInWorker(file, source, rules, windows, (phase, share) => setProgress({ phase, share }));
    cancel.current = job.cancel;
    job.done.then(
      (r) => {
        setProgress(undefined);
        setReport(r);
      },
      (e: Error) => {
        setProgress(undefined);
        if (e.message !== "cancelled") setError(e.message);
      },
    );
  };
  const download = () => {
    if (!report) return;
    const url = URL.createObjectURL(new Blob([JSON.stringify(report, null, 2)], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "backtest.json";
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="backtest-step" data-testid="backtest-step">
      <p className="export-muted">
        Fit a flow on earlier weeks and see how well it predicts later ones, next to "same as last period". Click a week
        to start the test period there.
      </p>
      {progress && (
        <div className="backtest-progress" role="status" data-testid="backtest-progress">
          <span>{progress.phase}…</span>
          <progress value={progress.share} max={1} />
          <button type="button" onClick={() => cancel.current?.()}>
            Stop
          </button>
        </div>
      )}
      {scan && scan.weeks.length < 3 && (
        <div className="export-errors" role="alert" data-testid="backtest-too-short">
          The log covers {scan.weeks.length} week{scan.weeks.length === 1 ? "" : "s"}; a backtest needs at least three:
          two to fit on, one to test.
        </div>
      )}
      {scan && scan.weeks.length >= 3 && windows && (
        <>
          <Suspense fallback={<p className="export-muted">Loading the chart…</p>}>
            <WeeklyPickChart weeks={scan.weeks} splitIndex={splitIndex} testWeeks={shownTestWeeks} onPick={pick} />
          </Suspense>
          <div className="backtest-split">
            <label>
              Test starts the week of{" "}
              <input
                type="range"
                data-testid="backtest-split"
                min={1}
                max={scan.weeks.length - 1}
                value={splitIndex}
                onChange={(e) => pick(Number(e.target.value))}
              />{" "}
              {new Date(scan.weeks[splitIndex]!.weekStartMs).toISOString().slice(0, 10)}
            </label>
            <label>
              Test weeks{" "}
              <select
                data-testid="backtest-test-weeks"
                value={shownTestWeeks}
                onChange={(e) => {
                  setTestWeeks(Number(e.target.value));
                  setReport(undefined);
                }}
              >
                {scan.weeks.slice(splitIndex).map((w, i) => (
                  <option key={w.weekStartMs} value={i + 1}>
                    {i + 1}
                  </option>
                ))}
              </select>
            </label>
            <span data-testid="backtest-periods">
              Train {day(windows.train.fromMs)} to {day(windows.train.toMs - 1)} (
              {count(0, splitIndex).toLocaleString()} tickets) · Test {day(windows.test.fromMs)} to{" "}
              {day(windows.test.toMs - 1)} ({count(splitIndex, splitIndex + shownTestWeeks).toLocaleString()} tickets)
            </span>
          </div>
        </>
      )}
      {error && (
        <div className="export-errors" role="alert" data-testid="backtest-error">
          {error}
        </div>
      )}
      {report && <BacktestResult report={report} />}
      <div className="export-dialog-actions">
        <button type="button" onClick={onBack}>
          Back
        </button>
        {report && (
          <button type="button" onClick={download}>
            Download backtest
          </button>
        )}
        <button
          type="button"
          className="export-primary"
          data-testid="backtest-run"
          disabled={!windows || progress !== undefined || (scan?.weeks.length ?? 0) < 3}
          onClick={run}
        >
          {report ? "Run again" : "Run backtest"}
        </button>
      </div>
    </div>
  );
}

function BacktestResult({ report }: { report: BacktestReport }) {
  const main = report.figures.filter((f) => !f.id.includes(":"));
  return (
    <div className="backtest-result" data-testid="backtest-result">
      <p>
        <strong data-testid="backtest-summary">
          The flow came nearer than "same as last period" on {report.summary.beatsBaseline} of {report.summary.compared}{" "}
          figures.
        </strong>{" "}
        Fitted on {report.train.tickets.toLocaleString()} tickets, tested on {report.test.tickets.toLocaleString()};{" "}
        {report.settings.replications} replications.
      </p>
      <table className="fit-table" data-testid="backtest-table">
        <thead>
          <tr>
            <th>Figure</th>
            <th>Actual</th>
            <th>Predicted (95% range)</th>
            <th>Same as last period</th>
            <th>Nearer</th>
          </tr>
        </thead>
        <tbody>
          {main.map((f) => (
            <tr key={f.id}>
              <td>{f.label}</td>
              <td>{show(f, f.actual)}</td>
              <td>
                {show(f, f.predicted.mean)}
                {f.predicted.mean !== null ? ` (${show(f, f.predicted.low)}–${show(f, f.predicted.high)})` : ""}
              </td>
              <td>{show(f, f.baseline)}</td>
              <td className={f.beatsBaseline === null ? "" : f.beatsBaseline ? "fit-good" : "fit-poor"}>
                {f.beatsBaseline === null ? "" : f.beatsBaseline ? "flow" : "baseline"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Distances to the test period (lower is closer)</h3>
      <ul className="backtest-distances">
        {Object.entries(report.distances).map(([id, d]) => (
          <li key={id}>
            {d.label}: {distance(d.predicted, d.unit)} (same as last period: {distance(d.baseline, d.unit)})
          </li>
        ))}
      </ul>
      <Suspense fallback={<p className="export-muted">Loading the charts…</p>}>
        <BacktestResultCharts report={report} />
      </Suspense>
    </div>
  );
}

// helpers

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function show(f: Figure, x: number | null): string {
  if (x === null) return "—";
  if (f.unit === "share") return `${(x * 100).toFixed(1)}%`;
  if (f.unit === "tickets") return x >= 100 ? Math.round(x).toLocaleString() : x.toFixed(1);
  if (x < 5400) return `${(x / 60).toFixed(1)} min`;
  if (x < 2 * 86400) return `${(x / 3600).toFixed(1)} h`;
  return `${(x / 86400).toFixed(1)} d`;
}

function distance(x: number | null, unit: "share" | "hours"): string {
  if (x === null) return "—";
  return unit === "share" ? x.toFixed(3) : `${x.toFixed(1)} h`;
}
