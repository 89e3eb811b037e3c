import { describe, expect, it } from "vitest";
import {
  arrivalsCapacityChart,
  backlogChart,
  queueChart,
  readableBands,
  resolutionHistogramChart,
  serviceLevelChart,
  utilizationChart,
} from "./chartData";
import { deskModel, deskResults } from "./results.fixture";

describe("chart builders", () => {
  it("draws the backlog against days since start, overlaying several runs", () => {
    const single = backlogChart([{ label: "Base flow", results: deskResults() }]);
    expect(single.data.datasets.map((d) => d.label)).toEqual(["Open tickets", "Open past SLA"]);
    expect(single.data.datasets[0]?.data[1]).toEqual({ x: 1 + 1 / 24, y: 20 });
    const both = backlogChart([
      { label: "Base flow", results: deskResults() },
      { label: "+2 L1 agents", results: deskResults({ scenario: "plus2" }) },
    ]);
    expect(both.data.datasets.map((d) => d.label)).toEqual(["Base flow", "+2 L1 agents"]);
  });

  it("draws service level in percent with gaps where nobody queued", () => {
    const data = serviceLevelChart(deskResults()).data.datasets[0]?.data.map((p) => p.y);
    expect(data?.map((v) => (v === null ? null : Math.round(v)))).toEqual([90, 80, null, 70]);
  });

  it("names queue lines after their step", () => {
    expect(queueChart(deskResults(), deskModel()).data.datasets.map((d) => d.label)).toEqual([
      "L1 answers",
      "L2 investigates",
    ]);
  });

  it("folds arrivals and staffing onto the hour of the week", () => {
    // The fixture's series starts one day after Monday 00:00, hourly: Tue 00:00 .. Tue 03:00.
    const config = arrivalsCapacityChart(deskResults(), deskModel());
    const [arrivals, staffed] = config.data.datasets;
    expect(config.data.labels?.[24]).toBe("Tue 00:00");
    expect(arrivals?.data.slice(24, 28)).toEqual([60, 30, 90, 60]);
    expect(staffed?.data.slice(24, 28)).toEqual([15, 15, 0, 15]);
    expect(arrivals?.data[0]).toBe(0);
  });

  it("gives each resolution band its share of resolved tickets", () => {
    const config = resolutionHistogramChart(deskResults());
    expect(config.data.labels).toEqual(["< 60 s", "60 s–10 min", "10 min–60 min", "60 min–10 h"]);
    expect(config.data.datasets[0]?.data).toEqual([10, 40, 30, 20]);
  });

  it("shows utilisation per team in percent with the interval in the label", () => {
    const config = utilizationChart(deskResults(), deskModel());
    expect(config.data.labels).toEqual([
      ["L1 front line", "95% CI 78.0% – 82.0%"],
      ["L2 specialists", "95% CI 96.0% – 98.0%"],
    ]);
    expect(config.data.datasets[0]?.data.map(Math.round)).toEqual([80, 97]);
  });

  it("folds a fine histogram into a dozen readable bands", () => {
    // 30-second bins from 0 to 2 h: one ticket per bin.
    const edges = Array.from({ length: 241 }, (_, i) => i * 30);
    const folded = readableBands({ edges, counts: new Array(240).fill(1) });
    expect(folded.edges).toEqual([0, 60, 300, 900, 3600, 14400]);
    expect(folded.counts).toEqual([2, 8, 20, 90, 120]);
  });
});
