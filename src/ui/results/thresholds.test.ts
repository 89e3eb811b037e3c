import { describe, expect, it } from "vitest";
import { loadThresholds, parseThreshold, saveThresholds, thresholdText } from "./thresholds";

describe("parseThreshold", () => {
  it("reads each KPI's threshold in the unit the table shows", () => {
    expect(parseThreshold("fcr", "0.5")).toBeCloseTo(0.005, 12);
    expect(parseThreshold("fcr", "2 pp")).toBeCloseTo(0.02, 12);
    expect(parseThreshold("resolutionSeconds", "10m")).toBe(600);
    expect(parseThreshold("firstResponseSeconds", "1.5")).toBe(1.5);
    expect(parseThreshold("backlog", "2")).toBe(2);
    expect(parseThreshold("costPerTicket", "0.10")).toBeCloseTo(0.1, 12);
  });

  it("refuses what is not a threshold of 0 or more", () => {
    expect(parseThreshold("fcr", "")).toBeUndefined();
    expect(parseThreshold("fcr", "half")).toBeUndefined();
    expect(parseThreshold("backlog", "-1")).toBeUndefined();
    expect(parseThreshold("resolutionSeconds", "soon")).toBeUndefined();
  });

  it("round-trips the text it writes", () => {
    expect(parseThreshold("fcr", thresholdText("fcr", 0.005))).toBeCloseTo(0.005, 12);
    expect(parseThreshold("resolutionSeconds", thresholdText("resolutionSeconds", 60))).toBe(60);
    expect(thresholdText("fcr", 0.005)).toBe("0.5");
  });
});

describe("loadThresholds and saveThresholds", () => {
  it("keep only changed thresholds and read back only known KPIs with usable numbers", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
    };
    saveThresholds(storage, { fcr: 0.01, backlog: 1 });
    expect(JSON.parse([...store.values()][0] ?? "")).toEqual({ fcr: 0.01 });
    expect(loadThresholds(storage)).toEqual({ fcr: 0.01 });
    store.set(
      [...store.keys()][0] ?? "",
      '{"__proto__":{"polluted":1},"backlog":-3,"csat":"1","nps":2,"abandonRate":0.02}',
    );
    const loaded = loadThresholds(storage);
    expect(loaded).toEqual({ abandonRate: 0.02 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    store.set([...store.keys()][0] ?? "", "not json");
    expect(loadThresholds(storage)).toEqual({});
    expect(loadThresholds(undefined)).toEqual({});
  });
});
