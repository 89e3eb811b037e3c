/**
 * The weekly arrival profile of an interval report as bars, one per interval of the week
 * (Monday 00:00 at the left), with the days marked: what the flow's arrivals will follow.
 */
import { memo } from "react";

const WIDTH = 680;
const HEIGHT = 130;
const TOP = 14;
const BOTTOM = 18;
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export const WeekChart = memo(function WeekChart({
  offered,
  intervalMinutes,
}: {
  /** Contacts offered per interval of the week, a typical week. */
  offered: readonly number[];
  intervalMinutes: number;
}) {
  const most = Math.max(1, ...offered);
  const step = WIDTH / offered.length;
  const plot = HEIGHT - TOP - BOTTOM;
  const perDay = 1440 / intervalMinutes;
  const total = offered.reduce((a, b) => a + b, 0);
  return (
    <svg
      className="intervals-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Contacts offered per ${intervalMinutes}-minute interval of a typical week: ${Math.round(total).toLocaleString("en")} a week, at most ${Math.round(most)} in one interval`}
      data-testid="intervals-chart"
    >
      <text x={2} y={10} className="intervals-chart-label">
        {`${Math.round(most)} per ${intervalMinutes} min`}
      </text>
      {offered.map((n, k) =>
        n > 0 ? (
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: one bar per interval of the week, fixed order
            key={k}
            x={k * step}
            y={TOP + plot * (1 - n / most)}
            width={Math.max(0.6, step - 0.3)}
            height={(plot * n) / most}
            className="intervals-chart-bar"
          />
        ) : null,
      )}
      {DAYS.map((day, d) => (
        <g key={day}>
          <line
            x1={d * perDay * step}
            x2={d * perDay * step}
            y1={TOP}
            y2={HEIGHT - BOTTOM}
            className="intervals-chart-day"
          />
          <text x={(d + 0.5) * perDay * step} y={HEIGHT - 4} textAnchor="middle" className="intervals-chart-label">
            {day}
          </text>
        </g>
      ))}
    </svg>
  );
});
