import { describe, expect, it } from "vitest";
import { EDGE_WIDTH_MAX, EDGE_WIDTH_MIN, edgeVolume, loadColour, nodeLoad } from "./load";
import { deskModel, deskResults } from "./results.fixture";
import { rememberRunModel } from "./runModels";

describe("nodeLoad", () => {
  it("rates a step by its team's utilisation and its wait against the SLA", () => {
    const results = deskResults();
    // L1: 80% busy -> (0.8-0.5)/0.5 = 0.6; wait 15 s vs SLA 20 s -> 15/20/2 = 0.375; SL 81% -> 0.19.
    const l1 = nodeLoad(results, "l1-phone", deskModel());
    expect(l1?.level).toBeCloseTo(0.6, 10);
    expect(l1?.text).toBe("80% busy · wait 15 s · queue 0.4");
    // L2: 97% busy -> 0.94, no SLA.
    const l2 = nodeLoad(results, "l2-work", deskModel());
    expect(l2?.level).toBeCloseTo(0.94, 10);
    expect(l2?.text).toBe("97% busy · wait 3.4 h · queue 25");
  });

  it("uses the model the run registered when none is given", () => {
    const results = deskResults();
    expect(nodeLoad(results, "l2-work")?.text).toBe("wait 3.4 h · queue 25");
    rememberRunModel(results, deskModel());
    expect(nodeLoad(results, "l2-work")?.text).toBe("97% busy · wait 3.4 h · queue 25");
  });

  it("has nothing to say about steps that are not work or not in the run", () => {
    const results = deskResults();
    expect(nodeLoad(results, "phone", deskModel())).toBeUndefined();
    expect(nodeLoad(results, "nowhere", deskModel())).toBeUndefined();
  });
});

describe("loadColour", () => {
  it("runs green -> amber -> red", () => {
    expect(loadColour(0)).toBe("hsl(130, 70%, 45%)");
    expect(loadColour(0.5)).toBe("hsl(40, 70%, 45%)");
    expect(loadColour(1)).toBe("hsl(0, 70%, 45%)");
    expect(loadColour(7)).toBe(loadColour(1));
  });
});

describe("edgeVolume", () => {
  it("draws the busiest edge widest and scales the rest by the square root", () => {
    const results = deskResults();
    expect(edgeVolume(results, "e1")?.width).toBe(EDGE_WIDTH_MAX);
    // 230 of 1200 -> sqrt(0.19166) = 0.4378 of the range.
    expect(edgeVolume(results, "e3")?.width).toBeCloseTo(
      EDGE_WIDTH_MIN + (EDGE_WIDTH_MAX - EDGE_WIDTH_MIN) * Math.sqrt(230 / 1200),
      10,
    );
    expect(edgeVolume(results, "e1")?.text).toBe("1,200 contacts");
    expect(edgeVolume(results, "missing")).toBeUndefined();
  });
});
