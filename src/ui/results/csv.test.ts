import { describe, expect, it } from "vitest";
import { csvCell, kpisToCsv, seriesToCsv } from "./csv";
import { deskModel, deskResults } from "./results.fixture";

describe("kpisToCsv", () => {
  it("writes one row per KPI with its mean and 95% interval", () => {
    const lines = kpisToCsv(deskResults(), deskModel()).trim().split("\n");
    expect(lines[0]).toBe("kpi,unit,mean,ci95_low,ci95_high");
    expect(lines).toContain("fcr,share,0.72,0.684,0.756");
    expect(lines).toContain("resolutionSeconds.p90,seconds,10800,10260,11340");
    expect(lines).toContain("teams.l2.utilization (L2 specialists),share,0.97,0.96,0.98");
    expect(lines).toContain("nodes.l2-work.waitMean,seconds,12240,11640,12840");
  });
});

describe("seriesToCsv", () => {
  it("writes one row per interval with every series as a column, gaps left empty", () => {
    const lines = seriesToCsv(deskResults()).trim().split("\n");
    expect(lines[0]).toBe(
      "hours,backlog,backlogPastSla,arrivals,serviceLevel,queue.l1-phone,queue.l2-work,staffed.l1,staffed.l2,utilization.l1,utilization.l2",
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe("24,10,1,60,0.9,0,5,12,3,0.7,1");
    expect(lines[3]).toBe("26,30,3,90,,2,20,0,0,0,0");
  });
});

describe("csvCell", () => {
  it("quotes cells holding commas or quotes", () => {
    expect(csvCell('L1 "front", line')).toBe('"L1 ""front"", line"');
    expect(csvCell(3)).toBe("3");
  });
});
