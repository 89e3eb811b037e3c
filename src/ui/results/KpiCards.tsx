/**
 * The KPI cards of a run: each figure with its 95% interval and, on hover, its one-line
 * definition (DESIGN.md's metric table). Time KPIs show the median and 90th percentile;
 * utilisation has one card per team.
 */
import type { Model } from "../../model";
import type { Estimate, Results, TimeEstimate } from "../../sim/results";
import { formatInterval, formatValue, KPI_CARDS, type KpiInfo, UTILIZATION_DEFINITION } from "./kpis";

/** Every KPI card of `results` (data-testid `kpi-<name>`, `kpi-utilization-<team>`). */
export function KpiCards({ results, model }: { results: Results; model?: Model }) {
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
    </div>
  );
}

// helpers

const NOT_MEASURED = "not measured: no queue of this flow has an answer target (slaSeconds)";

function KpiCard({ info, estimate }: { info: KpiInfo; estimate: Estimate | TimeEstimate | undefined }) {
  if (!estimate)
    return (
      <div className="kpi-card" data-testid={`kpi-${info.name}`} title={`${info.title}: ${NOT_MEASURED}`}>
        <h3>{info.title}</h3>
        <div className="kpi-value">—</div>
        <div className="kpi-ci">{NOT_MEASURED}</div>
      </div>
    );
  const time = "p50" in estimate ? estimate : undefined;
  return (
    <div className="kpi-card" data-testid={`kpi-${info.name}`} title={`${info.title}: ${info.definition}`}>
      <h3>{info.title}</h3>
      {time ? (
        <>
          <div className="kpi-value">
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
          <div className="kpi-value">{formatValue(estimate.mean, info.unit)}</div>
          <div className="kpi-ci">{formatInterval(estimate, info.unit)}</div>
        </>
      )}
    </div>
  );
}
