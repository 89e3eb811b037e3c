/**
 * A scheduled team's staffing curve: the fewest agents per hour of the week (Erlang per
 * hour) as bars against today's scheduled agents and the team's arrivals per hour.
 */
import type { StaffingCurve } from "../../staff/curve";
import { ChartView } from "../results/ChartView";
import { PALETTE } from "../results/chartData";

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const LABELS = Array.from(
  { length: 168 },
  (_, h) => `${DAY_NAMES[Math.floor(h / 24)]} ${String(h % 24).padStart(2, "0")}:00`,
);

export function StaffingCurveChart({ teamName, curve }: { teamName: string; curve: StaffingCurve }) {
  const verdict =
    curve.met === undefined
      ? ""
      : curve.met
        ? " — meets every target in simulation"
        : " — misses a target in simulation";
  return (
    <ChartView
      name="staffing-curve"
      title={`Agents needed per hour: ${teamName}${verdict}`}
      fileStem="staffing"
      config={{
        type: "bar",
        data: {
          labels: LABELS,
          datasets: [
            {
              type: "bar",
              label: "Agents needed",
              data: curve.agents,
              backgroundColor: `${PALETTE[2]}cc`,
              yAxisID: "y1",
            },
            {
              type: "line",
              label: "Scheduled today",
              data: curve.scheduled,
              borderColor: PALETTE[1],
              pointRadius: 0,
              stepped: true,
              yAxisID: "y1",
            },
            {
              type: "line",
              label: "Arrivals per hour",
              data: curve.arrivalsPerHour,
              borderColor: PALETTE[0],
              pointRadius: 0,
              yAxisID: "y",
            },
          ],
        },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          scales: {
            x: { ticks: { autoSkip: true, maxTicksLimit: 14, maxRotation: 0 } },
            y: {
              beginAtZero: true,
              position: "right",
              grid: { drawOnChartArea: false },
              title: { display: true, text: "Contacts per hour" },
            },
            y1: { beginAtZero: true, title: { display: true, text: "Agents" } },
          },
        },
      }}
    />
  );
}
