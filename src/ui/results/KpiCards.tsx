/**
 * The KPI cards of a run: each figure with its 95% interval and, on hover, what exactly it
 * counts (DESIGN.md's metric table). Time KPIs show the median and 90th percentile;
 * utilisation has one card per team. A KPI the run does not report (service level
 * without SLA queues, abandonment without a patience) shows "—" and says why; tickets
 * still open when the run stopped get a card of their own when there are any.
 */
import type { Model } from "../../model";
import type { Estimate, Results, TimeEstimate } from "../../sim/results";
import {
  formatInterval,
  formatValue,
  KPI_CARDS,
  type KpiInfo,
  UNFINISHED_DEFINITION,
  UTILIZATION_DEFINITION,
  whyNotReported,
} from "./kpis";

/** Every KPI card of `results` (data-testid `kpi-<name>`, `kpi-utilization-<team>`, `kpi-unfinished`). */
export function KpiCards({ results, model }: { results: Results; model?: Model }) {
  const unfinished = results.unfinished;
  return (
    <div className="kpi-grid" data-testid="kpi-cards">
      {KPI_CARDS.map((info) => (
        <KpiCard key={info.name} info={info} estimate={results.kpis[info.name]} />
      ))}
      {Object.entries(results.teams).map(([id, team]) => {
        const name = model?.teams.find((t) => t.id === id)?.name || id;
        return (
          <div
            key={id}
            className="kpi-card"
            data-testid={`kpi-utilization-${id}`}
            title={`Utilisation of ${name}: ${UTILIZATION_DEFINITION}`}
          >
            <h3>Utilisation · {name}</h3>
            <div className="kpi-value">{formatValue(team.utilization.mean, "share")}</div>
            <div className="kpi-ci">{formatInterval(team.utilization, "share")}</div>
          </div>
        );
      })}
      {unfinished && unfinished.mean > 0 && (
        <div
          className="kpi-card kpi-card-warn"
          data-testid="kpi-unfinished"
          title={`Still open: ${UNFINISHED_DEFINITION}`}
        >
          <h3>Still open at the end</h3>
          <div className="kpi-value">{formatValue(unfinished.mean, "count")}</div>
          <div className="kpi-ci">{formatInterval(unfinished, "count")}</div>
        </div>
      )}
    </div>
  );
}

// helpers

function KpiCard({ info, estimate }: { info: KpiInfo; estimate: Estimate | TimeEstimate | undefined }) {
  if (!estimate) {
    const why = whyNotReported(info.name);
    return (
      <div className="kpi-card" data-testid={`kpi-${info.name}`} title={`${info.title}: ${info.definition} ${why}`}>
        <h3>{info.title}</h3>
        <div className="kpi-value" data-testid={`kpi-${info.name}-value`}>
          —
        </div>
        <div className="kpi-note">{why}</div>
      </div>
    );
  }
  const time = "p50" in estimate ? estimate : undefined;
  return (
    <div className="kpi-card" data-testid={`kpi-${info.name}`} title={`${info.title}: ${info.definition}`}>
      <h3>{info.title}</h3>
      {time ? (
        <>
          <div className="kpi-value" data-testid={`kpi-${info.name}-value`}>
            {formatValue(time.p50.mean, info.unit)} <span className="kpi-sub">median</span>
          </div>
          <div className="kpi-ci">{formatInterval(time.p50, info.unit)}</div>
          <div className="kpi-sub">
            p90 {formatValue(time.p90.mean, info.unit)}{" "}
            <span className="kpi-ci">({formatInterval(time.p90, info.unit)})</span>
          </div>
        </>
      ) : (
        <>
          <div className="kpi-value" data-testid={`kpi-${info.name}-value`}>
            {formatValue(estimate.mean, info.unit)}
          </div>
          <div className="kpi-ci">{formatInterval(estimate, info.unit)}</div>
        </>
      )}
    </div>
  );
}
