/**
 * The answer of a staffing search as tables: per team current, needed, change and cost
 * change per week (data-testid `staffing-table`, rows `staffing-row-<team>`), and per target
 * its value now and with the staffing found, met or missed (`staffing-targets`); a target the
 * run could not measure shows why in words ("not measured: no ticket reached this step after
 * the warm-up") in place of a figure and of "met".
 */
import type { Model } from "../../model";
import { formatTargetValue, type KpiUnit, targetUnit } from "../../model/validate/targets";
import type { StaffingDocument, StaffingTarget } from "../../staff/document";

export function StaffingTable({ doc, model }: { doc: StaffingDocument; model: Model }) {
  return (
    <table className="staffing-table" data-testid="staffing-table">
      <thead>
        <tr>
          <th>Team</th>
          <th>Current</th>
          <th>{doc.met ? "Needed" : "At the bound"}</th>
          <th>Change</th>
          <th>Erlang start</th>
          <th>Cost change / week</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(doc.teams).map(([id, t]) => {
          const change = t.agents - t.current;
          const scheduled = t.kind === "schedule";
          return (
            <tr key={id} data-testid={`staffing-row-${id}`}>
              <td>{model.teams.find((x) => x.id === id)?.name || id}</td>
              <td className="num">
                {scheduled ? "schedule" : t.kind === "interval" ? `peak ${t.current}` : t.current}
              </td>
              <td className="num" data-testid={`staffing-needed-${id}`}>
                {scheduled ? `${signed(t.agents)} per shift` : t.kind === "interval" ? `peak ${t.agents}` : t.agents}
              </td>
              <td className={`num ${change > 0 ? "up" : change < 0 ? "down" : ""}`}>
                {change === 0 ? "—" : signed(change)}
              </td>
              <td className="num">{scheduled ? "—" : t.erlang}</td>
              <td className="num">
                {t.costChangePerWeek === 0 ? "—" : `${t.costChangePerWeek > 0 ? "+" : ""}${money(t.costChangePerWeek)}`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function TargetsTable({ doc }: { doc: StaffingDocument }) {
  return (
    <table className="staffing-table" data-testid="staffing-targets">
      <thead>
        <tr>
          <th>Target</th>
          <th>Now</th>
          <th>With this staffing</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {doc.targets.map((t, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: targets are listed in file order
          <tr key={i} data-testid={`staffing-target-${i}`}>
            <td>{t.words ?? t.label}</td>
            <Figure
              estimate={t.currentEstimate}
              notMeasured={t.currentNotMeasured}
              target={t}
              testId={`staffing-target-now-${i}`}
            />
            <Figure
              estimate={t.estimate}
              notMeasured={t.notMeasured}
              target={t}
              testId={`staffing-target-value-${i}`}
            />
            {t.notMeasured ? (
              <td className="missed" data-testid={`staffing-target-verdict-${i}`} title={t.notMeasured}>
                not measured
              </td>
            ) : (
              <td className={t.met ? "met" : "missed"} data-testid={`staffing-target-verdict-${i}`}>
                {t.met ? "✓ met" : "✗ missed"}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// helpers

/** A target's figure, or why there is none ("not measured: no ticket reached this step…") in its place. */
function Figure({
  estimate,
  notMeasured,
  target,
  testId,
}: {
  estimate: StaffingTarget["estimate"];
  notMeasured: string | undefined;
  target: StaffingTarget;
  testId: string;
}) {
  if (notMeasured) {
    return (
      <td className="staffing-not-measured" data-testid={testId}>
        {notMeasured}
      </td>
    );
  }
  return (
    <td className="num" data-testid={testId}>
      {describe(estimate, target)}
    </td>
  );
}

/** `83.5% (83.2% – 83.9%)` in the KPI's own unit. */
export function describe(
  estimate: { mean: number; ci95: [number, number] } | undefined,
  target: StaffingTarget | { kpi: string; node?: string; team?: string },
): string {
  if (!estimate) return "—";
  if ("per" in target && target.per === "interval") return `${formatTargetValue(estimate.mean, "share")} of intervals`;
  const unit: KpiUnit = targetUnit(target) ?? "count";
  const f = (x: number) =>
    formatTargetValue(
      unit === "share" || unit === "seconds" ? Number(x.toPrecision(3)) : Number(x.toPrecision(3)),
      unit,
    );
  return `${f(estimate.mean)} (${f(estimate.ci95[0])} – ${f(estimate.ci95[1])})`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function money(x: number): string {
  return x.toLocaleString("en", { maximumFractionDigits: 0 });
}
