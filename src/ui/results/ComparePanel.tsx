/**
 * Scenarios side by side: each KPI per run, the difference against the base flow with its
 * paired 95% interval (common random numbers: same seed, same replications) and whether it
 * is significant, team utilisation, and the backlogs overlaid.
 */
import { Fragment, useMemo } from "react";
import { type Comparison, compareResults, type Difference } from "../../sim/compare";
import type { KpiName } from "../../sim/results";
import { ChartView } from "./ChartView";
import { backlogChart } from "./chartData";
import { formatDifference, formatValue, KPI_TITLES, KPI_UNITS, type KpiUnit } from "./kpis";
import type { FinishedRun } from "./runSession";

/** KPIs in the comparison table, in reading order. */
const COMPARED: readonly KpiName[] = [
  "serviceLevel",
  "backlog",
  "backlogPastSla",
  "firstResponseSeconds",
  "resolutionSeconds",
  "fcr",
  "abandonRate",
  "escalationRate",
  "reopenRate",
  "csat",
  "costPerTicket",
  "utilization",
  "tickets",
];

const VERDICT_TEXT = { better: "better", worse: "worse", changed: "changed", same: "no significant change" } as const;

/** The base run against each other run (data-testid `compare-table`, `compare-row-<kpi>`). */
export function ComparePanel({ base, others }: { base: FinishedRun; others: FinishedRun[] }) {
  const comparisons = useMemo(() => others.map((o) => compareResults(base.results, o.results)), [base, others]);
  const chart = useMemo(
    () => backlogChart([base, ...others].map((r) => ({ label: r.label, results: r.results }))),
    [base, others],
  );
  const paired = comparisons.every((c) => c.paired);
  const teamIds = Object.keys(base.results.teams);
  return (
    <section className="scenario-box" data-testid="compare">
      <h3>Scenarios compared with the base flow</h3>
      <p className="results-meta">
        {paired
          ? `Same seed and ${base.results.replications} replications: differences are paired (common random numbers); 95% intervals.`
          : "Runs differ in seed or replications: intervals are unpaired (Welch) and wider. Run them together for paired comparison."}
      </p>
      <table className="compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th>KPI</th>
            <th>{base.label}</th>
            {others.map((o) => (
              <Fragment key={o.label}>
                <th>{o.label}</th>
                <th>Difference vs base (95% CI)</th>
              </Fragment>
            ))}
          </tr>
        </thead>
        <tbody>
          {COMPARED.map((kpi) => (
            <CompareRow
              key={kpi}
              id={kpi}
              title={KPI_TITLES[kpi]}
              unit={KPI_UNITS[kpi]}
              differences={comparisons.map((c) => c.kpis.find((k) => k.kpi === kpi))}
              base={base.results.kpis[kpi]?.mean ?? Number.NaN}
            />
          ))}
          {teamIds.map((team) => (
            <CompareRow
              key={team}
              id={`utilization-${team}`}
              title={`Utilisation · ${base.model.teams.find((t) => t.id === team)?.name || team}`}
              unit="share"
              differences={comparisons.map((c) => teamDifference(c, team))}
              base={base.results.teams[team]?.utilization.mean ?? Number.NaN}
            />
          ))}
        </tbody>
      </table>
      <ChartView name="compare-backlog" title="Backlog over time, per scenario" config={chart} fileStem="comparison" />
    </section>
  );
}

// helpers

function teamDifference(comparison: Comparison, team: string): Difference | undefined {
  return comparison.teams.find((t) => t.team === team);
}

function CompareRow(props: {
  id: string;
  title: string;
  unit: KpiUnit;
  base: number;
  differences: (Difference | undefined)[];
}) {
  return (
    <tr data-testid={`compare-row-${props.id}`}>
      <td>{props.title}</td>
      <td data-testid="compare-base" data-value={props.base}>
        {formatValue(props.base, props.unit)}
      </td>
      {props.differences.map((d, i) =>
        d ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: one column pair per compared run, in order
          <Cells key={i} difference={d} unit={props.unit} />
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: one column pair per compared run, in order
          <td key={i} colSpan={2}>
            —
          </td>
        ),
      )}
    </tr>
  );
}

function Cells({ difference: d, unit }: { difference: Difference; unit: KpiUnit }) {
  const interval = `95% CI ${formatDifference(d.ci95[0], unit)} to ${formatDifference(d.ci95[1], unit)}`;
  return (
    <>
      <td data-testid="compare-other" data-value={d.other}>
        {formatValue(d.other, unit)}
      </td>
      <td
        className={`verdict-${d.verdict}`}
        data-testid="compare-difference"
        data-significant={d.significant}
        title={interval}
      >
        {formatDifference(d.difference, unit)} <span className="kpi-ci">({interval})</span> {d.significant ? "✔" : ""}{" "}
        <span className="kpi-ci">{VERDICT_TEXT[d.verdict]}</span>
      </td>
    </>
  );
}
