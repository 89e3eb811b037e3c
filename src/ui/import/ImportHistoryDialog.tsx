/**
 * "Import history…": open a help desk's export — a CSV event log, an XES log (.xes, .xes.gz)
 * or a one-row-per-ticket table (Zendesk, ServiceNow, Jira), gzipped or not — see its first
 * rows, map its columns (guessed, every guess editable), calibrate in a worker with progress,
 * then read the fit report (the log's figures beside the calibrated flow's simulated ones)
 * and open the flow on the canvas. The current flow is kept until the user presses "Open flow".
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { CalibrationReport, ColumnMap, RoleRule } from "../../calibrate";
import { guessColumns } from "../../io/eventlog/guessColumns";
import { guessTableColumns, type TableColumns, type TableSlot } from "../../io/tickets";
import type { Model } from "../../model";
import { TextInputError } from "../files/readText";
import { notify } from "../shell/toasts";
import type { FlowStore } from "../state/store";
import { BacktestStep } from "./BacktestStep";
import { ColumnForm, type ColumnSlot, missingSlots } from "./ColumnForm";
import { countActivities, type Peek, peekCsv } from "./calibrateFile";
import { calibrateFileOffThread } from "./calibrateOffThread";
import { FitReport } from "./FitReport";
import {
  eventSource,
  type HistoryKind,
  type HistorySource,
  isXesName,
  tableSource,
  XES_COLUMNS,
  XES_SOURCE,
} from "./historySource";
import { RoleForm } from "./RoleForm";
import "./import.css";

const SLOTS: ColumnSlot<keyof ColumnMap>[] = [
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

const TABLE_SLOTS: ColumnSlot<TableSlot>[] = [
  { key: "case", label: "Ticket id", required: true },
  { key: "created", label: "Created at", required: true },
  { key: "resolved", label: "Resolved / closed at", required: true },
  { key: "firstResponse", label: "First response (time or minutes)", required: false },
  { key: "team", label: "Group / team", required: false },
  { key: "resource", label: "Agent (assignee)", required: false },
  { key: "channel", label: "Channel", required: false },
  { key: "priority", label: "Priority", required: false },
  { key: "handleTime", label: "Handle time", required: false },
  { key: "reassignments", label: "Reassignments / group stations", required: false },
  { key: "reopens", label: "Reopens", required: false },
  { key: "fcr", label: "First-contact resolution flag", required: false },
  { key: "madeSla", label: "SLA met flag", required: false },
];

export function ImportHistoryDialog({ store, onClose }: { store: FlowStore; onClose: () => void }) {
  const [file, setFile] = useState<File>();
  const [peek, setPeek] = useState<Peek>();
  const [columns, setColumns] = useState<Record<keyof ColumnMap, string>>();
  const [tableColumns, setTableColumns] = useState<Record<TableSlot, string>>();
  const [kind, setKind] = useState<HistoryKind>();
  const [share, setShare] = useState<number>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ model: Model; report: CalibrationReport }>();
  const [rules, setRules] = useState<RoleRule[]>([]);
  const [activities, setActivities] = useState<[string, number][]>();
  const [backtesting, setBacktesting] = useState(false);
  const runs = useRef(0);
  const activityColumn = kind === "events" ? columns?.activity : undefined;

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
    setPeek(undefined);
    setKind(undefined);
    if (isXesName(f.name)) {
      // XES names its own columns (concept:name, time:timestamp, org:group, org:resource).
      setKind("xes");
      return;
    }
    try {
      const p = await peekCsv(f);
      if (p.header.length < 2) throw new Error("it has no header row of columns");
      setPeek(p);
      setKind(p.kind);
      setColumns(guessColumns(p.header));
      setTableColumns(guessTableColumns(p.header));
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
  const source = useMemo(() => sourceOf(kind, columns, tableColumns), [kind, columns, tableColumns]);
  const missing =
    kind === "table" && tableColumns
      ? missingSlots(TABLE_SLOTS, tableColumns)
      : kind === "events" && columns
        ? missingSlots(SLOTS, columns)
        : [];
  const ready = source !== undefined && missing.length === 0;
  const run = async (map: RoleRule[] = rules) => {
    if (!file || !source) return;
    const id = ++runs.current;
    setBusy(true);
    setError(undefined);
    // Let the "Calibrating…" state paint before the work starts.
    await new Promise((r) => setTimeout(r, 30));
    // In a worker: a log of a million rows reads, fits and measures without freezing the page.
    const outcome = await calibrateFileOffThread(file, source, map, 2, (read) => {
      if (id === runs.current) setShare(read);
    });
    // A later run (another role changed meanwhile) wins.
    if (id !== runs.current) return;
    setBusy(false);
    setShare(undefined);
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
        {backtesting && file && source && (
          <BacktestStep file={file} source={source} rules={rules} onBack={() => setBacktesting(false)} />
        )}
        {!backtesting && !result && (
          <>
            <p className="export-muted">
              Open your help desk's export (ServiceNow, Zendesk, Freshdesk, Jira or a Flowcast event log): an event log
              with one row per ticket status change (CSV, or XES from a process-mining tool), or a ticket table with one
              row per ticket; gzipped files too. Flowcast fits arrivals, handle times, escalation and staffing to it.
            </p>
            <input
              type="file"
              accept=".csv,.xes,.gz,text/csv"
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
            {peek && (
              <label className="import-kind">
                Read as{" "}
                <select
                  data-testid="import-history-kind"
                  value={kind}
                  onChange={(e) => setKind(e.target.value as HistoryKind)}
                >
                  <option value="events">an event log (one row per status change)</option>
                  <option value="table">a ticket table (one row per ticket)</option>
                </select>
              </label>
            )}
            {peek && kind === "events" && columns && (
              <ColumnForm slots={SLOTS} header={peek.header} values={columns} onChange={setColumns} />
            )}
            {peek && kind === "table" && tableColumns && (
              <>
                <p className="export-muted" data-testid="import-history-table-note">
                  One row per ticket: each ticket is queued in its group when created, worked from its first response
                  for its handle time, and closed when resolved. A table does not say which teams a ticket passed
                  through: escalation and return shares show as —, and so do handle times without a handle-time column.
                </p>
                <ColumnForm slots={TABLE_SLOTS} header={peek.header} values={tableColumns} onChange={setTableColumns} />
              </>
            )}
            {kind === "xes" && (
              <p className="export-muted" data-testid="import-history-xes">
                An XES log: each trace is a ticket, {XES_COLUMNS.activity} its events, {XES_COLUMNS.time} their times,{" "}
                {XES_COLUMNS.team} the team and {XES_COLUMNS.resource} the agent.
              </p>
            )}
          </>
        )}
        {!backtesting && activities && activities.length > 0 && (
          <RoleForm activities={activities} rules={rules} disabled={false} onChange={changeRoles} />
        )}
        {busy && share !== undefined && (
          <div className="backtest-progress" role="status" data-testid="import-history-progress">
            <span>Reading {file?.name}…</span>
            <progress value={share} max={1} />
            <span>{Math.round(share * 100)}%</span>
          </div>
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
              disabled={busy || !ready}
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
                disabled={busy || !ready}
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

/** What to read, once the columns it needs are chosen. */
function sourceOf(
  kind: HistoryKind | undefined,
  columns: Record<keyof ColumnMap, string> | undefined,
  table: Record<TableSlot, string> | undefined,
): HistorySource | undefined {
  if (kind === "xes") return XES_SOURCE;
  if (kind === "events" && columns) return eventSource(mapped(columns));
  if (kind === "table" && table)
    return tableSource(Object.fromEntries(Object.entries(table).filter(([, v]) => v)) as unknown as TableColumns);
  return undefined;
}

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
