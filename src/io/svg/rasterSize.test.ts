import { describe, expect, it } from "vitest";
import { MAX_PIXELS, MAX_SIDE, rasterZoom } from "./rasterSize";

describe("the size of a PNG of the flow", () => {
  it("keeps the zoom asked for an ordinary flow", () => {
    expect(rasterZoom(1600, 900, 2)).toBe(2);
  });

  it("shrinks a wide flow to the longest side a viewer opens, and a large one to the pixel budget", () => {
    const wide = rasterZoom(40_000, 2_000, 1);
    expect(40_000 * wide).toBeCloseTo(MAX_SIDE, 6);
    const large = rasterZoom(12_000, 12_000, 2);
    expect(12_000 * large * 12_000 * large).toBeLessThanOrEqual(MAX_PIXELS * (1 + 1e-12));
    expect(large).toBeLessThan(1);
  });

  it("refuses, in words, a picture a step 10,000,000 px away would shrink to dots", () => {
    expect(() => rasterZoom(10_000_259, 1_124, 1)).toThrow(/10,000,259 x 1,124 px.*unreadable.*SVG/);
  });
});
