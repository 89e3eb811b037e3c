/** The fit report page: what was read, and the log's figures beside the calibrated flow's. */
import type { CalibrationReport, ComparisonRow } from "../../calibrate";

export function FitReport({ report }: { report: CalibrationReport }) {
  const s = report.source;
  return (
    <div className="fit-report" data-testid="fit-report">
      <p>
        <strong>
          {s.tickets.toLocaleString()} tickets, {report.teams.length} teams, {s.days} days
        </strong>{" "}
        ({s.rows.toLocaleString()} rows; times read as {report.timeFormat}). {report.censored.ticketsOpenAtEnd} tickets
        were still open at the end of the log (censored, not dropped).
      </p>
      {report.warnings.length > 0 && (
        <ul className="fit-notes" data-testid="fit-report-warnings">
          {report.warnings.map((w) => (
            <li key={w}>
              <strong>Warning:</strong> {w}
            </li>
          ))}
        </ul>
      )}
      {report.kept.length > 0 && (
        <>
          <h3>What the flow keeps of the log</h3>
          <ul className="fit-notes" data-testid="fit-report-kept">
            {report.kept.map((k) => (
              <li key={k}>{k}</li>
            ))}
          </ul>
        </>
      )}
      <table className="fit-table" data-testid="fit-report-table">
        <thead>
          <tr>
            <th>Figure</th>
            <th>Log</th>
            <th>Calibrated flow</th>
            <th>Difference</th>
          </tr>
        </thead>
        <tbody>
          {report.comparison.map((r) => (
            <tr key={r.figure}>
              <td>{r.figure}</td>
              <td>{show(r, r.log)}</td>
              <td>{show(r, r.simulated)}</td>
              <td className={diffClass(r.relativeDifference)}>
                {r.relativeDifference === null
                  ? ""
                  : `${r.relativeDifference >= 0 ? "+" : ""}${(r.relativeDifference * 100).toFixed(1)}%`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Paths</h3>
      <table className="fit-table">
        <tbody>
          {Object.entries(report.paths.log).map(([path, share]) => (
            <tr key={path}>
              <td>{path}</td>
              <td>{(share * 100).toFixed(1)}%</td>
              <td>
                {report.paths.simulated?.[path] === undefined
                  ? "—"
                  : `${(report.paths.simulated[path]! * 100).toFixed(1)}%`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* A ticket table has no statuses: its notes say how its rows were read. */}
      <h3>{report.activities.length > 0 ? "What each status was read as" : "How the file was read"}</h3>
      {report.activities.length > 0 && (
        <ul className="fit-notes">
          {report.activities.map((a) => (
            <li key={a.activity}>
              {a.activity || "(empty)"}: {a.role} {a.how === "guess" ? "(guessed)" : ""}
            </li>
          ))}
        </ul>
      )}
      <ul className="fit-notes">
        {report.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}

// helpers

function show(r: ComparisonRow, v: number | null): string {
  if (v === null) return "—";
  if (r.unit === "share") return `${(v * 100).toFixed(1)}%`;
  if (r.unit === "seconds") return v < 7200 ? `${(v / 60).toFixed(1)} min` : `${(v / 3600).toFixed(1)} h`;
  return v.toFixed(1);
}

function diffClass(d: number | null): string {
  if (d === null) return "";
  return Math.abs(d) <= 0.05 ? "fit-good" : Math.abs(d) <= 0.15 ? "fit-fair" : "fit-poor";
}
