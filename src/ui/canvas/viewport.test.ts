import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Model, parseModelText } from "../../model";
import { isCornerClear, MINIMAP_CORNERS } from "./minimapPlace";
import { plainWholeZoom, READABLE_ZOOM, startFrame, wholeFrame } from "./viewport";

const SAMPLES = join(import.meta.dirname, "..", "..", "..", "samples");
/** Canvas panes of a 1280×800 and a 1920×1080 window (the side panels take the rest). */
const PANES = [
  { width: 792, height: 535 },
  { width: 1440, height: 820 },
];

function parse(text: string): Model {
  const parsed = parseModelText(text);
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("; "));
  return parsed.model;
}

/** Steps at `points` (top-left corners), all automated steps of one intake lane. */
function stepsAt(points: { x: number; y: number }[]): Model {
  return parse(
    JSON.stringify({
      format: "flowcast/v1",
      name: "Placed",
      clock: { start: "2026-01-05T00:00", horizon: "1d" },
      nodes: points.map((_, k) => ({ id: `d${k}`, kind: "delay", label: `d${k}`, duration: "1m" })),
      edges: [],
      layout: Object.fromEntries(points.map((p, k) => [`d${k}`, p])),
    }),
  );
}

describe("start view and Fit keep the minimap off the steps", () => {
  for (const file of readdirSync(SAMPLES).filter((f) => f.endsWith(".json"))) {
    for (const pane of PANES) {
      it(`${file} in a ${pane.width}×${pane.height} pane`, () => {
        const model = parse(readFileSync(join(SAMPLES, file), "utf8"));
        for (const frame of [startFrame(model, pane.width, pane.height), wholeFrame(model, pane.width, pane.height)]) {
          if (frame.minimap !== "folded")
            expect(isCornerClear(model, frame.view, frame.minimap, pane.width, pane.height)).toBe(true);
          else
            for (const corner of MINIMAP_CORNERS)
              expect(isCornerClear(model, frame.view, corner, pane.width, pane.height)).toBe(false);
        }
        expect(startFrame(model, pane.width, pane.height).view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
      });
    }
  }

  it("a flow with steps in every corner of its fit is framed smaller, clear of the bottom-right minimap", () => {
    // Four steps at the corners of a 700×400 rectangle: fitted to the pane, one sits under
    // the minimap in every corner the minimap may take.
    const model = stepsAt([
      { x: 0, y: 0 },
      { x: 560, y: 0 },
      { x: 0, y: 340 },
      { x: 560, y: 340 },
    ]);
    const pane = { width: 900, height: 560 };
    const frame = startFrame(model, pane.width, pane.height);
    expect(frame.minimap).toBe("bottom-right");
    expect(frame.view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(isCornerClear(model, frame.view, "bottom-right", pane.width, pane.height)).toBe(true);
  });

  it("a canvas tiled with steps folds the minimap", () => {
    const points = [];
    for (let row = 0; row < 12; row++) for (let col = 0; col < 12; col++) points.push({ x: col * 200, y: row * 100 });
    const model = stepsAt(points);
    expect(startFrame(model, 792, 535).minimap).toBe("folded");
  });
});

describe("keeping the minimap clear never costs readability", () => {
  // A flow that reads whole at its plain fit must not be shrunk below the readable zoom to clear
  // a minimap corner: Fit would then fall back to the start frame and hide the later tiers.
  it("Fit shows the whole flow wherever it reads whole, on every sample and pane size", () => {
    let checked = 0;
    for (const file of readdirSync(SAMPLES).filter((f) => f.endsWith(".json"))) {
      const model = parse(readFileSync(join(SAMPLES, file), "utf8"));
      for (let width = 600; width <= 2400; width += 20) {
        for (let height = 400; height <= 1400; height += 20) {
          if (plainWholeZoom(model, width, height) < READABLE_ZOOM) continue;
          checked++;
          const zoom = wholeFrame(model, width, height).view.zoom;
          expect(zoom, `${file} in ${width}×${height}`).toBeGreaterThanOrEqual(READABLE_ZOOM);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
