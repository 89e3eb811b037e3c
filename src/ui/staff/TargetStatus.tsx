/**
 * The flow's targets on the dashboard: each met or missed by the run shown, with its 95%
 * interval (met: the whole interval on the right side; "unsure" when the mean is but the
 * interval straddles the bound). Data-testid `target-status`, rows `target-status-<i>`.
 */
import type { Model } from "../../model";
import type { Results } from "../../sim/results";
import { judgeTarget, resolveTarget } from "../../staff/targets";
import { describe } from "./StaffingTable";
import "./staff.css";

export function TargetStatus({ results, model }: { results: Results; model: Model }) {
  const targets = model.targets ?? [];
  if (targets.length === 0) return null;
  return (
    <div className="target-status" data-testid="target-status">
      <strong>Targets</strong>
      <ul>
        {targets.map((target, i) => {
          const resolved = resolveTarget(target, model);
          const sure = judgeTarget(results, resolved, "ci95");
          const byMean = judgeTarget(results, resolved, "mean");
          const state = sure.met ? "met" : byMean.met ? "unsure" : "missed";
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: targets are listed in file order
            <li key={i} className={state} data-testid={`target-status-${i}`}>
              {state === "met" ? "✓ met" : state === "unsure" ? "≈ not sure" : "✗ missed"}: {resolved.label} —{" "}
              {describe(sure.estimate, target)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
