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

describe("CSV figures", () => {
  it("never hold exponent notation or float noise, and leave out service level when no queue has an SLA", () => {
    const results = deskResults();
    results.kpis.csat = { mean: 0.78 + 6.7e-15, ci95: [1e-9, 0.8] };
    results.kpis.backlog = { mean: -0.0000017, ci95: [-2.5e-7, 1e21 / 1e21] };
    results.unfinished = { mean: 312, ci95: [300, 324] };
    delete (results.kpis as Partial<typeof results.kpis>).serviceLevel;
    const kpis = kpisToCsv(results);
    expect(kpis).not.toMatch(/\de[+-]?\d/i);
    expect(kpis.split("\n")).toContain("csat,share,0.78,0,0.8");
    expect(kpis.split("\n")).toContain("backlog,count,0,0,1");
    expect(kpis.split("\n")).toContain("unfinished,count,312,300,324");
    expect(kpis).not.toMatch(/^serviceLevel,/m);
    const series = seriesToCsv(results);
    expect(series.split("\n")[0]).not.toContain("serviceLevel");
    expect(series).not.toMatch(/\de[+-]?\d/i);
  });
});

describe("csvCell", () => {
  it("quotes cells holding commas or quotes", () => {
    expect(csvCell('L1 "front", line')).toBe('"L1 ""front"", line"');
    expect(csvCell(3)).toBe("3");
  });
});
