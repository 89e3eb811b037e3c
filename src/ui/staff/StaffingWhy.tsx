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

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/**
 * A team's requirement per interval of the week as a grid, day by interval, darker for more
 * agents; each cell's title reads "Mon 09:00-09:30: 12 agents". Data-testid
 * `staffing-requirement-<team>`.
 */
export function RequirementGrid({
  teamName,
  teamId,
  curve,
  minutes,
}: {
  teamName: string;
  teamId: string;
  curve: readonly number[];
  minutes: number;
}) {
  const perDay = 1440 / minutes;
  const peak = Math.max(1, ...curve);
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return (
    <figure className="staffing-requirement" data-testid={`staffing-requirement-${teamId}`}>
      <figcaption>
        Agents needed on the phones per {minutes}-minute interval: {teamName} (peak {Math.max(0, ...curve)})
      </figcaption>
      <div className="staffing-requirement-grid" style={{ gridTemplateColumns: `3em repeat(${perDay}, 1fr)` }}>
        {DAYS.map((day, d) => [
          <span key={day}>{day}</span>,
          ...curve.slice(d * perDay, (d + 1) * perDay).map((agents, i) => (
            <span
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed grid of the week's intervals
              key={`${day}-${i}`}
              className="staffing-requirement-cell"
              style={{ opacity: agents === 0 ? 0.08 : 0.2 + (0.8 * agents) / peak }}
              title={`${day} ${clock(i * minutes)}-${clock((i + 1) * minutes)}: ${agents} agent${agents === 1 ? "" : "s"}`}
            />
          )),
        ])}
      </div>
    </figure>
  );
}
