/**
 * Why the staffing answer is what it is: per team, the target that holds it up with its
 * value at the answer and with one agent fewer; people to schedule and FTE after shrinkage;
 * and warnings where a team runs at 90% of its agents or more. Data-testid `staffing-why`.
 */
import type { StaffingDocument } from "../../staff/document";
import { FTE_HOURS_PER_WEEK } from "../../staff/document";

export function StaffingWhy({ doc }: { doc: StaffingDocument }) {
  const why = Object.entries(doc.why ?? {});
  const planned = Object.entries(doc.teams).filter(([, t]) => t.shrinkage > 0 || doc.requirement);
  if (why.length === 0 && planned.length === 0 && !doc.warnings?.length) return null;
  return (
    <div className="staffing-why" data-testid="staffing-why">
      {why.length > 0 && (
        <>
          <strong>Why this number</strong>
          <ul>
            {why.map(([id, w]) => (
              <li key={id} data-testid={`staffing-why-${id}`}>
                {w.sentence}
              </li>
            ))}
          </ul>
        </>
      )}
      {planned.length > 0 && (
        <>
          <strong>People to schedule and hire</strong>
          <ul>
            {planned.map(([id, t]) => (
              <li key={id} data-testid={`staffing-people-${id}`}>
                {t.name || id}: {t.agentHoursPerWeek} agent-hours on the phones a week; {t.people} people to schedule at
                the busiest time{t.shrinkage > 0 ? ` (shrinkage ${Math.round(t.shrinkage * 100)}%)` : ""}; {t.fte} FTE
                to hire ({FTE_HOURS_PER_WEEK} h a week)
              </li>
            ))}
          </ul>
        </>
      )}
      {(doc.warnings ?? []).map((w) => (
        <p key={w} className="staffing-message" role="note">
          {w}
        </p>
      ))}
    </div>
  );
}
