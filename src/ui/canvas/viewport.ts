/**
 * Where the canvas looks: a flow opens at a zoom where its step text can be read, framed on
 * the intake and the first tier (the minimap and Fit show the rest). Fit zooms out to the
 * whole flow only as far as text stays readable; pressed again, it fits everything. Each view
 * comes with the minimap's place (minimapPlace.ts): a corner where it covers no step.
 */
import type { ReactFlowInstance, Viewport } from "@xyflow/react";
import { assignLanes, computeLanes } from "../../layout/lanes";
import { nodeSize } from "../../layout/nodeSize";
import type { Model } from "../../model";
import {
  clearCorner,
  isCornerClear,
  MINIMAP_CORNERS,
  MINIMAP_ROOM,
  type MinimapPlace,
  setMinimapPlace,
} from "./minimapPlace";

/**
 * Lowest zoom at which step text reads: 12 px key figures show at 9 px, 14 px labels at
 * 10.5 px.
 */
export const READABLE_ZOOM = 0.75;
/** Highest zoom a flow opens or fits at: a small flow is not blown up. */
const MAX_FIT_ZOOM = 1;
/** Space kept around the framed steps (screen px). */
const PADDING = 28;

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A view and where the minimap goes with it. */
export interface Frame {
  view: Viewport;
  minimap: MinimapPlace;
}

/** The view a flow opens at in a pane of `width` × `height` px. */
export function startView(model: Model, width: number, height: number): Viewport {
  return startFrame(model, width, height).view;
}

/**
 * The view a flow opens at and the minimap's place: the whole flow if it reads, else the
 * intake and first tier, framed so the minimap covers no step (in its corner, or with the
 * frame kept clear of it) as long as text still reads; when nothing can keep it clear, the
 * minimap folds.
 */
export function startFrame(model: Model, width: number, height: number): Frame {
  const all = flowBounds(model, () => true);
  if (!all) return { view: { x: 0, y: 0, zoom: 1 }, minimap: "bottom-right" };
  const whole = fitBounds(all, width, height);
  if (whole.zoom >= READABLE_ZOOM) {
    const clear = clearFit(model, all, width, height, READABLE_ZOOM);
    if (clear) return clear;
  }
  // Too big to read whole: frame the intake and the first tier below it.
  const lanes = assignLanes(model);
  const tiers = [...new Set(lanes.values())].sort((a, b) => a - b);
  const shown = new Set(tiers.slice(0, 2));
  const first = flowBounds(model, (id) => shown.has(lanes.get(id) ?? 0)) ?? all;
  const framed = fitBounds(first, width, height);
  if (framed.zoom >= READABLE_ZOOM) {
    const clear = clearFit(model, first, width, height, READABLE_ZOOM);
    if (clear) return clear;
  }
  const view =
    whole.zoom >= READABLE_ZOOM
      ? whole
      : framed.zoom >= READABLE_ZOOM
        ? framed
        : // Still too big: readable zoom, anchored at the top left where the flow starts.
          { x: PADDING - first.x * READABLE_ZOOM, y: PADDING - first.y * READABLE_ZOOM, zoom: READABLE_ZOOM };
  return { view, minimap: clearCorner(model, view, width, height) };
}

/** The view that shows every step of `model`, however small. */
export function wholeView(model: Model, width: number, height: number): Viewport {
  return wholeFrame(model, width, height).view;
}

/**
 * The whole flow, framed clear of the minimap where it can be. Keeping the minimap clear never
 * costs readability: when the whole flow reads at its plain fit, only readable frames are
 * tried, and if none leaves a corner free the minimap folds instead.
 */
export function wholeFrame(model: Model, width: number, height: number): Frame {
  const all = flowBounds(model, () => true);
  if (!all) return { view: { x: 0, y: 0, zoom: 1 }, minimap: "bottom-right" };
  const view = fitBounds(all, width, height);
  const clear = clearFit(model, all, width, height, view.zoom >= READABLE_ZOOM ? READABLE_ZOOM : 0);
  if (clear) return clear;
  return { view, minimap: clearCorner(model, view, width, height) };
}

/** The zoom at which the whole flow fits the pane, the minimap aside (1 for an empty flow). */
export function plainWholeZoom(model: Model, width: number, height: number): number {
  const all = flowBounds(model, () => true);
  return all ? fitBounds(all, width, height).zoom : 1;
}

let lastFit: { view: Viewport; at: number } | undefined;

/**
 * The Fit button: the whole flow if it reads at that zoom; else the readable start view,
 * and on a second press (view untouched since, or within 2 s) the whole flow.
 */
export function fitPressed(flow: ReactFlowInstance, model: Model, pane: Element | null = paneElement()): void {
  const rect = pane?.getBoundingClientRect();
  if (!rect || rect.width === 0) return;
  const whole = wholeFrame(model, rect.width, rect.height);
  const again = lastFit && (Date.now() - lastFit.at < 2000 || sameView(flow.getViewport(), lastFit.view));
  const frame = whole.view.zoom >= READABLE_ZOOM || again ? whole : startFrame(model, rect.width, rect.height);
  lastFit = frame === whole ? undefined : { view: frame.view, at: Date.now() };
  setMinimapPlace(frame.minimap);
  void flow.setViewport(frame.view, { duration: 300 });
}

/** Frames `model` as when it opens (after loading it, after auto-layout). */
export function showStart(flow: ReactFlowInstance, model: Model, options: { duration?: number } = {}): void {
  const rect = paneElement()?.getBoundingClientRect();
  if (!rect || rect.width === 0) return;
  lastFit = undefined;
  const frame = startFrame(model, rect.width, rect.height);
  setMinimapPlace(frame.minimap);
  void flow.setViewport(frame.view, options);
}

// helpers

function paneElement(): Element | null {
  return document.querySelector('[data-testid="canvas"] .react-flow');
}

function sameView(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1 && Math.abs(a.zoom - b.zoom) < 0.002;
}

/** The bounds of the placed steps `keep` accepts, widened to their lanes' label margin. */
function flowBounds(model: Model, keep: (id: string) => boolean): Bounds | undefined {
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  model.nodes.forEach((node, index) => {
    if (!keep(node.id)) return;
    // Unplaced steps sit where the canvas draws them (see projection.ts).
    const at = model.layout[node.id] ?? { x: index * 24, y: index * 24 };
    const size = nodeSize(node);
    left = Math.min(left, at.x);
    top = Math.min(top, at.y);
    right = Math.max(right, at.x + size.width);
    bottom = Math.max(bottom, at.y + size.height);
  });
  if (!Number.isFinite(left)) return undefined;
  // Lanes reach further left (their label) and a little above and below.
  const lanes = computeLanes(model, model.layout);
  if (lanes.length > 0) {
    left = Math.min(left, ...lanes.map((lane) => lane.x));
    const inside = lanes.filter((lane) => lane.y < bottom && lane.y + lane.height > top);
    if (inside.length > 0) {
      top = Math.min(top, ...inside.map((lane) => lane.y));
      bottom = Math.max(bottom, ...inside.map((lane) => lane.y + lane.height));
    }
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * `bounds` fitted into the whole pane, or into the pane less the minimap's column on the
 * right or its band along the bottom: the largest view, at `minZoom` or more, that leaves a
 * minimap corner clear of every step (bottom-right first).
 */
function clearFit(model: Model, bounds: Bounds, width: number, height: number, minZoom: number): Frame | undefined {
  const views = [
    fitBounds(bounds, width, height),
    fitBounds(bounds, width - MINIMAP_ROOM.width, height),
    fitBounds(bounds, width, height - MINIMAP_ROOM.height),
  ]
    .filter((view) => view.zoom >= minZoom)
    .sort((a, b) => b.zoom - a.zoom);
  for (const corner of MINIMAP_CORNERS) {
    const view = views.find((v) => isCornerClear(model, v, corner, width, height));
    if (view) return { view, minimap: corner };
  }
  return undefined;
}

function fitBounds(bounds: Bounds, width: number, height: number): Viewport {
  const zoom = Math.min(
    MAX_FIT_ZOOM,
    (width - 2 * PADDING) / Math.max(1, bounds.width),
    (height - 2 * PADDING) / Math.max(1, bounds.height),
  );
  return {
    x: (width - bounds.width * zoom) / 2 - bounds.x * zoom,
    y: (height - bounds.height * zoom) / 2 - bounds.y * zoom,
    zoom,
  };
}
