/**
 * A team's coverage in the shift plan: people required per interval of the week (the
 * requirement after shrinkage, raised where the simulation check missed) as a stepped line
 * against people scheduled on duty (breaks excluded) as bars.
 */
import type { TeamCoverage } from "../../staff/shifts/plan";
import { ChartView } from "../results/ChartView";
import { PALETTE } from "../results/chartData";

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export function ShiftCoverageChart({
  teamId,
  teamName,
  coverage,
  intervalMinutes,
}: {
  teamId: string;
  teamName: string;
  coverage: TeamCoverage;
  intervalMinutes: number;
}) {
  const perDay = 1440 / intervalMinutes;
  const labels = coverage.required.map((_, k) => {
    const m = (k % perDay) * intervalMinutes;
    return `${DAY_NAMES[Math.floor(k / perDay)]} ${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  });
  return (
    <ChartView
      name={`shift-coverage-${teamId}`}
      title={`Coverage per ${intervalMinutes}-minute interval: ${teamName}`}
      fileStem="shift-plan"
      config={{
        type: "bar",
        data: {
          labels,
          datasets: [
            {
              type: "bar",
              label: "Scheduled (on duty)",
              data: coverage.scheduled,
              backgroundColor: `${PALETTE[2]}aa`,
              barPercentage: 1,
              categoryPercentage: 1,
              // drawn first, so the required line stays visible on top
              order: 2,
            },
            {
              type: "line",
              label: "Required",
              data: coverage.required,
              borderColor: PALETTE[1],
              borderWidth: 2,
              pointRadius: 0,
              stepped: "middle",
              order: 1,
            },
          ],
        },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          interaction: { mode: "index", intersect: false },
          scales: {
            x: { ticks: { autoSkip: true, maxTicksLimit: 14, maxRotation: 0 } },
            y: { beginAtZero: true, title: { display: true, text: "People" } },
          },
        },
      }}
    />
  );
}
