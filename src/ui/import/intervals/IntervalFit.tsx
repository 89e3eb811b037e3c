/**
 * The fit of an interval report: warnings, then per channel its figures (offered a week,
 * AHT, patience, how the agents were found) and a table per day of the week of the report's
 * figures beside the calibrated flow's simulated ones.
 */
import type { IntervalCalibrationReport } from "../../../calibrate/intervals";

export /** Each channel's fit and its days: the report's figures beside the simulated ones. */
function IntervalFit({ report }: { report: IntervalCalibrationReport }) {
  const pct = (x: number | null | undefined) => (x === null || x === undefined ? "–" : `${(100 * x).toFixed(1)}%`);
  const sec = (x: number | null | undefined) => (x === null || x === undefined ? "–" : `${x.toFixed(1)} s`);
  const num = (x: number | null | undefined) =>
    x === null || x === undefined ? "–" : Math.round(x).toLocaleString("en");
  return (
    <div data-testid="intervals-fit">
      <p className="export-muted">
        {report.replications > 0
          ? `Simulated: the fitted flow, ${report.replications} replications of a week, beside the report's typical week.`
          : "The fitted flow could not be simulated; the report's figures are shown alone."}
      </p>
      {report.warnings.length > 0 && (
        <ul className="intervals-flagged">
          {report.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {report.channels.map((c) => (
        <div key={c.name}>
          <p className="intervals-summary">
            <strong>{c.name}</strong>
            {`: ${num(c.offeredPerWeek)} offered a week, AHT ${c.ahtSeconds.toFixed(0)} s, patience ${c.patienceSeconds === null ? "not estimated" : `${c.patienceSeconds.toFixed(0)} s`}, agents ${c.agents.known ? `from ${c.agents.basis}` : "not known (assumed for 80% within the SLA)"}, at most ${Math.max(0, ...c.agents.perInterval)} at once.`}
          </p>
          <table className="intervals-compare">
            <thead>
              <tr>
                <th>Day</th>
                <th>Offered</th>
                <th>simulated</th>
                <th>Abandoned</th>
                <th>simulated</th>
                <th>ASA</th>
                <th>simulated</th>
                <th>Service level</th>
                <th>simulated</th>
              </tr>
            </thead>
            <tbody>
              {report.byDay
                .filter((r) => r.channel === c.name)
                .map((r) => (
                  <tr key={r.period}>
                    <td>{r.period}</td>
                    <td>{num(r.log.offered)}</td>
                    <td>{num(r.simulated?.offered)}</td>
                    <td>{pct(r.log.abandonShare)}</td>
                    <td>{pct(r.simulated?.abandonShare)}</td>
                    <td>{sec(r.log.asaSeconds)}</td>
                    <td>{sec(r.simulated?.asaSeconds)}</td>
                    <td>{pct(r.log.serviceLevel)}</td>
                    <td>{pct(r.simulated?.serviceLevel)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
