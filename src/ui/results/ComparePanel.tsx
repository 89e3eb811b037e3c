/**
 * Scenarios side by side: each KPI per run, the difference against the base flow with its
 * 95% interval (paired on common random numbers when the runs share seed and
 * replications), whether it is significant (interval clear of zero and past the KPI's
 * practical threshold, which the user can change), team utilisation, and the backlogs
 * overlaid.
 */
import { Fragment, useMemo, useState } from "react";
import { type Comparison, compareResults, DEFAULT_MIN_DIFF, type Difference, type MinDiff } from "../../sim/compare";
import type { KpiName } from "../../sim/results";
import { ChartView } from "./ChartView";
import { backlogChart } from "./chartData";
import {
  formatDifferenceWithInterval,
  formatThreshold,
  formatValue,
  KPI_DEFINITIONS,
  KPI_TITLES,
  KPI_UNITS,
  type KpiUnit,
  whyNotReported,
} from "./kpis";
import type { FinishedRun } from "./runSession";
import { browserStorage, loadThresholds, parseThreshold, saveThresholds, thresholdText } from "./thresholds";

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

const VERDICT_TEXT = {
  better: "✔ better",
  worse: "✖ worse",
  changed: "changed",
  same: "no significant change",
} as const;

/** The base run against each other run (data-testid `compare-table`, `compare-row-<kpi>`). */
export function ComparePanel({ base, others }: { base: FinishedRun; others: FinishedRun[] }) {
  const [minDiff, setMinDiff] = useState<MinDiff>(() => loadThresholds(browserStorage()));
  const comparisons = useMemo(
    () => others.map((o) => compareResults(base.results, o.results, minDiff)),
    [base, others, minDiff],
  );
  const chart = useMemo(
    () => backlogChart([base, ...others].map((r) => ({ label: r.label, results: r.results }))),
    [base, others],
  );
  const paired = comparisons.every((c) => c.paired);
  const teamsPaired = comparisons.every((c) => c.teamsPaired);
  const teamIds = Object.keys(base.results.teams);
  // A KPI any run reports gets a row; where only one side reports it the row says "not comparable".
  const kpis = COMPARED.filter((kpi) => [base, ...others].some((r) => r.results.kpis[kpi] !== undefined));
  const change = (next: MinDiff) => {
    setMinDiff(next);
    saveThresholds(browserStorage(), next);
  };
  return (
    <section className="scenario-box" data-testid="compare">
      <h3>Scenarios compared with the base flow</h3>
      <p className="results-meta" data-testid="compare-note">
        {paired
          ? `Paired comparison over ${base.results.replications} replications on common random numbers: each replication of every scenario draws the same arrivals and handle times, so the noise they share cancels and the difference's interval is narrower than for independent runs. A difference is still an estimate: read it with its 95% interval.`
          : "Runs differ in seed or replications: intervals are unpaired (Welch) and wider. Run them together for a paired comparison."}{" "}
        A change is marked only when its interval excludes zero and it is larger than the KPI's practical threshold.
        {teamIds.length > 0 && !teamsPaired
          ? " Team utilisation is compared unpaired (Welch): these results hold no per-replication team figures."
          : ""}
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
          {kpis.map((kpi) => (
            <CompareRow
              key={kpi}
              id={kpi}
              title={KPI_TITLES[kpi]}
              hint={KPI_DEFINITIONS[kpi]}
              unit={KPI_UNITS[kpi]}
              differences={comparisons.map((c) => c.kpis.find((k) => k.kpi === kpi))}
              base={base.results.kpis[kpi]?.mean ?? Number.NaN}
              others={others.map((o) => o.results.kpis[kpi]?.mean ?? Number.NaN)}
              missing={whyMissing(kpi, base, others)}
            />
          ))}
          {teamIds.map((team) => (
            <CompareRow
              key={team}
              id={`utilization-${team}`}
              title={`Utilisation · ${base.model.teams.find((t) => t.id === team)?.name || team}`}
              hint="Busy agent-time / staffed agent-time of this team."
              unit="share"
              differences={comparisons.map((c) => teamDifference(c, team))}
              base={base.results.teams[team]?.utilization.mean ?? Number.NaN}
            />
          ))}
        </tbody>
      </table>
      <ThresholdEditor kpis={kpis} minDiff={minDiff} onChange={change} />
      <ChartView name="compare-backlog" title="Backlog over time, per scenario" config={chart} fileStem="comparison" />
    </section>
  );
}

// helpers

function teamDifference(comparison: Comparison, team: string): Difference | undefined {
  return comparison.teams.find((t) => t.team === team);
}

/**
 * Why a KPI cannot be compared between the base and each other run: the run that does not
 * report it and the reason (a flow without patience has no abandonment), or undefined.
 */
function whyMissing(kpi: KpiName, base: FinishedRun, others: FinishedRun[]): (Missing | undefined)[] {
  return others.map((other) => {
    const lacking = [base, other].filter((r) => r.results.kpis[kpi] === undefined);
    const run = lacking[0];
    if (lacking.length !== 1 || !run) return undefined;
    return { short: `not modelled in ${run.label}`, why: `${run.label}: ${whyNotReported(kpi)}` };
  });
}

interface Missing {
  /** "not modelled in Base flow". */
  short: string;
  /** The reason in full, for the hover text. */
  why: string;
}

function CompareRow(props: {
  id: string;
  title: string;
  hint: string;
  unit: KpiUnit;
  base: number;
  differences: (Difference | undefined)[];
  /** Each other run's mean, for rows that cannot be compared. */
  others?: number[];
  /** Per other run, why the KPI is not comparable. */
  missing?: (Missing | undefined)[];
}) {
  return (
    <tr data-testid={`compare-row-${props.id}`}>
      <td title={props.hint}>{props.title}</td>
      <td data-testid="compare-base" data-value={props.base}>
        {formatValue(props.base, props.unit)}
      </td>
      {props.differences.map((d, i) => {
        const missing = props.missing?.[i];
        if (d) {
          // biome-ignore lint/suspicious/noArrayIndexKey: one column pair per compared run, in order
          return <Cells key={i} difference={d} unit={props.unit} />;
        }
        if (missing) {
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: one column pair per compared run, in order
            <Fragment key={i}>
              <td data-testid="compare-other" data-value={props.others?.[i]}>
                {formatValue(props.others?.[i], props.unit)}
              </td>
              <td data-testid="compare-not-comparable" title={`Not comparable. ${missing.why}`}>
                not comparable <span className="kpi-ci">({missing.short})</span>
              </td>
            </Fragment>
          );
        }
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: one column pair per compared run, in order
          <td key={i} colSpan={2}>
            —
          </td>
        );
      })}
    </tr>
  );
}

function Cells({ difference: d, unit }: { difference: Difference; unit: KpiUnit }) {
  const threshold = formatThreshold(d.minDiff, unit);
  const verdict =
    !d.significant && d.excludesZero ? `real but under the ${threshold} threshold` : VERDICT_TEXT[d.verdict];
  const how = d.paired ? "paired 95% interval" : "unpaired (Welch) 95% interval";
  return (
    <>
      <td data-testid="compare-other" data-value={d.other}>
        {formatValue(d.other, unit)}
      </td>
      <td
        className={`verdict-${d.verdict}`}
        data-testid="compare-difference"
        data-significant={d.significant}
        title={`Difference with its ${how}; marked when the interval excludes zero and the difference exceeds ${threshold}.`}
      >
        {formatDifferenceWithInterval(d.difference, d.ci95, unit)} <span className="kpi-ci">{verdict}</span>
      </td>
    </>
  );
}

/** The practical threshold per KPI, editable in the table's units (data-testid `threshold-<kpi>`). */
function ThresholdEditor(props: { kpis: readonly KpiName[]; minDiff: MinDiff; onChange: (next: MinDiff) => void }) {
  const [drafts, setDrafts] = useState<Partial<Record<KpiName, string>>>({});
  const unitLabel = { share: "pp", seconds: "e.g. 30s, 2m", count: "tickets", money: "money" } as const;
  return (
    <details data-testid="compare-thresholds-box">
      <summary>Practical thresholds: the smallest difference worth marking</summary>
      <div className="compare-thresholds">
        {props.kpis.map((kpi) => {
          const value = props.minDiff[kpi] ?? DEFAULT_MIN_DIFF[kpi];
          const draft = drafts[kpi] ?? thresholdText(kpi, value);
          const invalid = parseThreshold(kpi, draft) === undefined;
          return (
            <label key={kpi}>
              <span>
                {KPI_TITLES[kpi]} <span className="kpi-ci">({unitLabel[KPI_UNITS[kpi]]})</span>
              </span>
              <input
                data-testid={`threshold-${kpi}`}
                value={draft}
                aria-invalid={invalid}
                title={invalid ? "Write a number of 0 or more" : `Currently ${formatThreshold(value, KPI_UNITS[kpi])}`}
                onChange={(e) => {
                  const text = e.target.value;
                  setDrafts((d) => ({ ...d, [kpi]: text }));
                  const parsed = parseThreshold(kpi, text);
                  if (parsed !== undefined) props.onChange({ ...props.minDiff, [kpi]: parsed });
                }}
              />
            </label>
          );
        })}
      </div>
      <button
        type="button"
        data-testid="thresholds-reset"
        onClick={() => {
          setDrafts({});
          props.onChange({});
        }}
      >
        Restore defaults
      </button>
    </details>
  );
}
