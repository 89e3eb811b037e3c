/**
 * "Import interval report…": open an ACD interval report (CSV, one row per interval and
 * channel), see its first rows, pick its columns (guessed, every guess editable) and the
 * answer SLA, see the weekly profile the flow will follow, then fit (in a worker), read the
 * report's figures beside the calibrated flow's simulated ones and open the flow. The
 * current flow is kept until the user presses "Open flow".
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { type IntervalCalibrationReport, weekProfile } from "../../../calibrate/intervals";
import { parseCsv } from "../../../io/eventlog/csv";
import {
  guessIntervalColumns,
  type IntervalColumns,
  IntervalReportError,
  readIntervalReport,
} from "../../../io/intervals";
import type { Model } from "../../../model";
import { readFileText, TextInputError } from "../../files/readText";
import { notify } from "../../shell/toasts";
import type { FlowStore } from "../../state/store";
import { calibrateReportOffThread } from "./calibrateOffThread";
import { IntervalFit } from "./IntervalFit";
import { WeekChart } from "./WeekChart";
import "../import.css";
import "./intervals.css";

type Columns = Record<keyof IntervalColumns, string>;

const SLOTS: { key: keyof IntervalColumns; label: string; required: boolean }[] = [
  { key: "start", label: "Interval start", required: true },
  { key: "offered", label: "Offered", required: true },
  { key: "answered", label: "Answered", required: false },
  { key: "abandoned", label: "Abandoned", required: false },
  { key: "aht", label: "AHT", required: false },
  { key: "asa", label: "ASA", required: false },
  { key: "serviceLevel", label: "Service level", required: false },
  { key: "channel", label: "Channel / queue", required: false },
];

interface Loaded {
  name: string;
  text: string;
  header: string[];
  /** The header's columns with ids that stay unique when two share a name. */
  cells: { id: string; index: number; name: string }[];
  rows: string[][];
}

export function ImportIntervalsDialog({ store, onClose }: { store: FlowStore; onClose: () => void }) {
  const [file, setFile] = useState<Loaded>();
  const [columns, setColumns] = useState<Columns>();
  const [sla, setSla] = useState("20");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ model: Model; report: IntervalCalibrationReport }>();
  const runs = useRef(0);
  const slaSeconds = Number(sla);
  const slaOk = sla.trim() !== "" && Number.isFinite(slaSeconds) && slaSeconds >= 0;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const choose = async (f: File | undefined) => {
    setError(undefined);
    setResult(undefined);
    if (!f) return;
    try {
      const text = await readFileText(f, f.name);
      const table = parseCsv(text.slice(0, 64 * 1024));
      const header = (table[0] ?? []).map((h) => h.trim());
      if (header.length < 2) throw new Error("it has no header row of columns");
      const cells = header.map((name, index) => ({ id: `${index}:${name}`, index, name }));
      setFile({ name: f.name, text, header, cells, rows: table.slice(1, 7) });
      setColumns(guessIntervalColumns(header));
    } catch (e) {
      setFile(undefined);
      setError(
        e instanceof TextInputError
          ? e.message
          : `${f.name} does not look like a CSV interval report: ${(e as Error).message}`,
      );
    }
  };

  const missing = columns ? SLOTS.filter((s) => s.required && !columns[s.key]).map((s) => s.label) : [];
  // The weekly profile the flow will follow, read again whenever a column changes.
  const preview = useMemo(() => {
    if (!file || !columns || missing.length > 0) return undefined;
    try {
      const read = readIntervalReport(file.text, chosen(columns));
      const profile = weekProfile(read);
      const perDay = profile.cells / 7;
      const offered = Array.from({ length: profile.cells }, (_, k) => {
        const days = profile.daysPerWeekday[Math.floor(k / perDay)] ?? 0;
        let n = 0;
        for (const s of profile.sums.values()) n += s.offered[k]!;
        return days > 0 ? n / days : 0;
      });
      return { ok: true as const, read, profile, offered };
    } catch (e) {
      if (e instanceof IntervalReportError) return { ok: false as const, message: `${file.name}: ${e.message}` };
      throw e;
    }
  }, [file, columns, missing.length]);

  const run = async () => {
    if (!file || !columns || !preview?.ok || !slaOk) return;
    const id = ++runs.current;
    setBusy(true);
    setError(undefined);
    await new Promise((r) => setTimeout(r, 30)); // let "Fitting…" paint first
    const outcome = await calibrateReportOffThread(file.text, file.name, chosen(columns), slaSeconds);
    if (id !== runs.current) return;
    setBusy(false);
    if (outcome.ok) setResult(outcome);
    else setError(outcome.message);
  };
  const open = () => {
    if (!result) return;
    store.load(result.model, { dirty: true });
    notify({
      kind: "info",
      title: `Opened "${result.model.name}": arrivals per ${result.report.source.intervalMinutes}-minute interval; agents are ${result.report.channels.every((c) => c.agents.known) ? "inferred from the report" : "assumed where the report gives neither ASA nor service level"}.`,
    });
    onClose();
  };
  const download = () => {
    if (!result) return;
    const url = URL.createObjectURL(new Blob([JSON.stringify(result.report, null, 2)], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "interval-calibration-report.json";
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="export-dialog-backdrop">
      <div
        className="export-dialog import-history import-intervals"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-intervals-title"
        data-testid="import-intervals-dialog"
      >
        <h2 id="import-intervals-title">Import interval report</h2>
        {!result && (
          <>
            <p className="export-muted">
              Open your ACD's interval report (Genesys, Avaya, Cisco, Five9, Amazon Connect…): one row per 15, 30 or
              60-minute interval, and per queue when it has a queue column. Flowcast fits arrivals per interval of the
              week, handle time, patience and agents to it. Intervals missing from the report are closed.
            </p>
            <input
              type="file"
              accept=".csv,text/csv"
              data-testid="import-intervals-file"
              aria-label="Interval report (CSV)"
              onChange={(e) => void choose(e.target.files?.[0])}
            />
            {file && (
              <div className="import-peek" data-testid="import-intervals-peek">
                <table>
                  <thead>
                    <tr>
                      {file.cells.map((cell) => (
                        <th key={cell.id}>{cell.name}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {file.rows.map((r, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: preview rows in file order, never reordered
                      <tr key={i}>
                        {file.cells.map((cell) => (
                          <td key={cell.id}>{r[cell.index] ?? ""}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {file && columns && (
              <div className="import-columns" data-testid="import-intervals-columns">
                {SLOTS.map((s) => (
                  <label key={s.key}>
                    <span>
                      {s.label}
                      {s.required ? " *" : ""}
                    </span>
                    <select
                      data-testid={`intervals-column-${s.key}`}
                      value={columns[s.key]}
                      onChange={(e) => setColumns({ ...columns, [s.key]: e.target.value })}
                    >
                      <option value="">{s.required ? "— choose —" : "— none —"}</option>
                      {[...new Set(file.header)].map((h) => (
                        <option key={h} value={h}>
                          {h}
                        </option>
                      ))}
                    </select>
                  </label>
                ))}
              </div>
            )}
            {file && (
              <label className="intervals-sla">
                <span>Answer within (SLA, seconds)</span>
                <input
                  type="number"
                  min={0}
                  value={sla}
                  data-testid="intervals-sla"
                  aria-invalid={!slaOk}
                  onChange={(e) => setSla(e.target.value)}
                />
              </label>
            )}
            {preview?.ok && (
              <div data-testid="intervals-preview">
                <p className="intervals-summary">
                  {`${preview.read.rows.length.toLocaleString("en")} intervals of ${preview.read.intervalMinutes} minutes, ${preview.read.channels.length} channel${preview.read.channels.length === 1 ? "" : "s"} (${preview.read.channels.join(", ")}); ${preview.profile.from} to ${preview.profile.to}, ${preview.profile.wholeWeeks} whole week${preview.profile.wholeWeeks === 1 ? "" : "s"}${preview.profile.partialDays.length > 0 ? `, ${preview.profile.partialDays.length} days of partial weeks left out` : ""}.`}
                </p>
                <WeekChart offered={preview.offered} intervalMinutes={preview.read.intervalMinutes} />
                {preview.profile.flagged.length > 0 && (
                  <ul className="intervals-flagged" data-testid="intervals-flagged">
                    {preview.profile.flagged.map((f) => (
                      <li
                        key={f.date}
                      >{`${f.date} (${f.weekday}): ${Math.round(f.offered)} offered, ${f.reason}; left out`}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </>
        )}
        {(error ?? (preview && !preview.ok ? preview.message : undefined)) && (
          <div className="export-errors" role="alert" data-testid="import-intervals-error">
            {error ?? (preview && !preview.ok ? preview.message : "")}
          </div>
        )}
        {result && <IntervalFit report={result.report} />}
        <div className="export-dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          {result ? (
            <>
              <button type="button" onClick={() => setResult(undefined)}>
                Back
              </button>
              <button type="button" onClick={download}>
                Download report
              </button>
              <button type="button" className="export-primary" data-testid="import-intervals-open" onClick={open}>
                Open flow
              </button>
            </>
          ) : (
            <button
              type="button"
              className="export-primary"
              data-testid="import-intervals-run"
              disabled={busy || !preview?.ok || !slaOk}
              title={
                missing.length > 0 ? `Choose: ${missing.join(", ")}` : !slaOk ? "Give the SLA in seconds" : undefined
              }
              onClick={() => void run()}
            >
              {busy ? "Fitting…" : "Fit flow"}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

// helpers

/** The chosen columns, optional ones left empty meaning "none". */
function chosen(c: Columns): IntervalColumns {
  const out: IntervalColumns = { start: c.start, offered: c.offered };
  for (const key of ["answered", "abandoned", "aht", "asa", "serviceLevel", "channel"] as const)
    if (c[key]) out[key] = c[key];
  return out;
}
