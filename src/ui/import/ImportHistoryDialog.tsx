/**
 * "Import history…": open a help desk's CSV export, see its first rows, map its columns
 * (guessed, every guess editable), calibrate, then read the fit report (the log's figures
 * beside the calibrated flow's simulated ones) and open the flow on the canvas. The current
 * flow is kept until the user presses "Open flow".
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { CalibrationReport, ColumnMap, RoleRule } from "../../calibrate";
import { guessColumns } from "../../io/eventlog/guessColumns";
import type { Model } from "../../model";
import { TextInputError } from "../files/readText";
import { notify } from "../shell/toasts";
import type { FlowStore } from "../state/store";
import { BacktestStep } from "./BacktestStep";
import { countActivities, type Peek, peekCsv } from "./calibrateFile";
import { calibrateFileOffThread } from "./calibrateOffThread";
import { FitReport } from "./FitReport";
import { RoleForm } from "./RoleForm";
import "./import.css";

const SLOTS: { key: keyof ColumnMap; label: string; required: boolean }[] = [
  { key: "case", label: "Ticket id", required: true },
  { key: "time", label: "Time of the row", required: true },
  { key: "activity", label: "Status / event", required: true },
  { key: "team", label: "Team / group", required: true },
  { key: "resource", label: "Agent", required: false },
  { key: "priority", label: "Priority", required: false },
  { key: "channel", label: "Channel", required: false },
  { key: "created", label: "Ticket opened at", required: false },
  { key: "status", label: "How it closed (close code)", required: false },
];

export function ImportHistoryDialog({ store, onClose }: { store: FlowStore; onClose: () => void }) {
  const [file, setFile] = useState<File>();
  const [peek, setPeek] = useState<Peek>();
  const [columns, setColumns] = useState<Record<keyof ColumnMap, string>>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ model: Model; report: CalibrationReport }>();
  const [rules, setRules] = useState<RoleRule[]>([]);
  const [activities, setActivities] = useState<[string, number][]>();
  const [backtesting, setBacktesting] = useState(false);
  const runs = useRef(0);
  const activityColumn = columns?.activity;

  // The statuses of the whole file (streamed), counted again when the status column changes.
  useEffect(() => {
    setActivities(undefined);
    if (!file || !activityColumn) return;
    const abort = new AbortController();
    countActivities(file, activityColumn, abort.signal)
      .then((counted) => {
        if (!abort.signal.aborted) setActivities(counted);
      })
      // bytes that are not text further down the file are named here, before any calibration
      .catch((e: unknown) => {
        if (!abort.signal.aborted && e instanceof TextInputError) setError(e.message);
      });
    return () => abort.abort();
  }, [file, activityColumn]);

  const choose = async (f: File | undefined) => {
    setError(undefined);
    setResult(undefined);
    if (!f) return;
    setFile(f);
    setRules([]);
    try {
      const p = await peekCsv(f);
      if (p.header.length < 2) throw new Error("it has no header row of columns");
      setPeek(p);
      setColumns(guessColumns(p.header));
    } catch (e) {
      setPeek(undefined);
      // a file that is not text, or not in a known encoding, is said in the decoder's own words
      setError(
        e instanceof TextInputError
          ? e.message
          : `${f.name} does not look like a CSV event log: ${(e as Error).message}`,
      );
    }
  };
  // One object per mapping: the Backtest step reads the file again only when it changes.
  const mappedColumns = useMemo(() => (columns ? mapped(columns) : undefined), [columns]);
  const missing = columns ? SLOTS.filter((s) => s.required && !columns[s.key]).map((s) => s.label) : [];
  const run = async (map: RoleRule[] = rules) => {
    if (!file || !columns) return;
    const id = ++runs.current;
    setBusy(true);
    setError(undefined);
    // Let the "Calibrating…" state paint before the work starts.
    await new Promise((r) => setTimeout(r, 30));
    // In a worker: a log of a million rows reads, fits and measures without freezing the page.
    const outcome = await calibrateFileOffThread(file, mapped(columns), map);
    // A later run (another role changed meanwhile) wins.
    if (id !== runs.current) return;
    setBusy(false);
    if (outcome.ok) setResult(outcome);
    else {
      setResult(undefined);
      setError(outcome.message);
    }
  };
  const changeRoles = (next: RoleRule[]) => {
    setRules(next);
    // Once fitted, a new meaning re-fits at once.
    if (result) void run(next);
  };
  const open = () => {
    if (!result) return;
    store.load(result.model, { dirty: true });
    notify({ kind: "info", title: `Opened "${result.model.name}": staffing per hour is an estimate; check it.` });
    onClose();
  };
  const download = () => {
    if (!result) return;
    const url = URL.createObjectURL(new Blob([JSON.stringify(result.report, null, 2)], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "calibration-report.json";
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="export-dialog-backdrop">
      <div
        className="export-dialog import-history"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-history-title"
        data-testid="import-history-dialog"
      >
        <h2 id="import-history-title">{backtesting ? "Backtest" : "Import history"}</h2>
        {backtesting && file && mappedColumns && (
          <BacktestStep file={file} columns={mappedColumns} rules={rules} onBack={() => setBacktesting(false)} />
        )}
        {!backtesting && !result && (
          <>
            <p className="export-muted">
              Open your help desk's export (ServiceNow, Zendesk, Freshdesk, Jira or a Flowcast event log): one row per
              ticket status change. Flowcast fits arrivals, handle times, escalation and staffing to it.
            </p>
            <input
              type="file"
              accept=".csv,text/csv"
              data-testid="import-history-file"
              onChange={(e) => void choose(e.target.files?.[0])}
            />
            {peek && (
              <div className="import-peek" data-testid="import-history-peek">
                <table>
                  <thead>
                    <tr>
                      {peek.rows[0]?.cells.map((c, k) => (
                        <th key={c.id}>{peek.header[k]}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {peek.rows.map((r) => (
                      <tr key={r.id}>
                        {r.cells.map((c) => (
                          <td key={c.id}>{c.text}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {peek && columns && (
              <div className="import-columns" data-testid="import-history-columns">
                {SLOTS.map((s) => (
                  <label key={s.key}>
                    <span>
                      {s.label}
                      {s.required ? " *" : ""}
                    </span>
                    <select
                      data-testid={`import-column-${s.key}`}
                      value={columns[s.key]}
                      onChange={(e) => setColumns({ ...columns, [s.key]: e.target.value })}
                    >
                      <option value="">{s.required ? "— choose —" : "— none —"}</option>
                      {peek.header.map((h) => (
                        <option key={h} value={h}>
                          {h}
                        </option>
                      ))}
                    </select>
                  </label>
                ))}
              </div>
            )}
          </>
        )}
        {!backtesting && activities && activities.length > 0 && (
          <RoleForm activities={activities} rules={rules} disabled={false} onChange={changeRoles} />
        )}
        {busy && result && (
          <p className="export-muted" role="status" data-testid="import-history-refitting">
            Re-fitting with the new roles…
          </p>
        )}
        {error && (
          <div className="export-errors" role="alert" data-testid="import-history-error">
            {error}
          </div>
        )}
        {!backtesting && result && <FitReport report={result.report} />}
        {!backtesting && (
          <div className="export-dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              data-testid="import-history-backtest"
              disabled={busy || !columns || missing.length > 0}
              title="Fit on earlier weeks, check the predictions on later ones"
              onClick={() => setBacktesting(true)}
            >
              Backtest…
            </button>
            {result ? (
              <>
                <button type="button" onClick={download}>
                  Download report
                </button>
                <button
                  type="button"
                  className="export-primary"
                  data-testid="import-history-open"
                  disabled={busy}
                  onClick={open}
                >
                  Open flow
                </button>
              </>
            ) : (
              <button
                type="button"
                className="export-primary"
                data-testid="import-history-run"
                disabled={busy || !columns || missing.length > 0}
                title={missing.length > 0 ? `Choose: ${missing.join(", ")}` : undefined}
                onClick={() => void run(rules)}
              >
                {busy ? "Calibrating…" : "Calibrate"}
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

// helpers

/** The chosen columns, optional ones left empty meaning "none". */
function mapped(c: Record<keyof ColumnMap, string>): ColumnMap {
  return {
    ...c,
    resource: c.resource || undefined,
    priority: c.priority || undefined,
    channel: c.channel || undefined,
    created: c.created || undefined,
    status: c.status || undefined,
  };
}
