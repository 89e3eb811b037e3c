/**
 * Where the canvas looks: a flow opens at a zoom where its step text can be read, framed on
 * the intake and the first tier (the minimap and Fit show the rest). Fit zooms out to the
 * whole flow only as far as text stays readable; pressed again, it fits everything. Each view
 * comes with the minimap's place (minimapPlace.ts): a corner where it covers no step.
 */
import type { ReactFlowInstance, Viewport } from "@xyflow/react";
import { assignLanes, computeLanes, type Lane, laneLabel } from "../../layout/lanes";
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

/** Font size of a step's label on the canvas (px, app.css `.step-label`). */
export const LABEL_FONT_PX = 16;
/** Smallest size a step label may show at when a flow opens or fits (screen px). */
export const LABEL_MIN_PX = 9;
/** Lowest zoom at which step labels read: 16 px labels show at 9 px. */
export const READABLE_ZOOM = LABEL_MIN_PX / LABEL_FONT_PX;
/** Highest zoom a flow opens or fits at: a small flow is not blown up. */
const MAX_FIT_ZOOM = 1;
/** Space kept around the framed steps (screen px). */
const PADDING = 14;

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
  // The lanes once for every framing tried: on a flow of thousands of steps each costs.
  const drawn = computeLanes(model, model.layout);
  const all = flowBounds(model, () => true, drawn);
  if (!all) return { view: { x: 0, y: 0, zoom: 1 }, minimap: "bottom-right" };
  const whole = fitBounds(all, width, height);
  if (whole.zoom >= READABLE_ZOOM) {
    const clear = clearFit(model, all, width, height, READABLE_ZOOM);
    if (clear) return clear;
  }
  // Too big to read whole: frame as many lanes from the top as read together.
  const lanes = assignLanes(model);
  const tiers = [...new Set(lanes.values())].sort((a, b) => a - b);
  let first = all;
  let framed = whole;
  for (let count = tiers.length - 1; count >= 1; count--) {
    const shown = new Set(tiers.slice(0, count));
    first = flowBounds(model, (id) => shown.has(lanes.get(id) ?? 0), drawn) ?? all;
    framed = fitBounds(first, width, height);
    if (framed.zoom >= READABLE_ZOOM) break;
  }
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

/**
 * What a view leaves out, in words, or "" when it shows every step: "Showing Intake and L1
 * of 4 lanes: the whole flow does not read at this size. Press Fit again to see it all."
 */
export function describeFrame(model: Model, view: Viewport, width: number, height: number): string {
  const laneOf = assignLanes(model);
  const all = [...new Set(laneOf.values())].sort((a, b) => a - b);
  const seen = new Set<number>();
  let hidden = 0;
  model.nodes.forEach((node, index) => {
    const at = model.layout[node.id] ?? { x: index * 24, y: index * 24 };
    const size = nodeSize(node);
    const x = at.x * view.zoom + view.x;
    const y = at.y * view.zoom + view.y;
    const inside =
      x >= -1 && y >= -1 && x + size.width * view.zoom <= width + 1 && y + size.height * view.zoom <= height + 1;
    if (inside) seen.add(laneOf.get(node.id) ?? 0);
    else hidden++;
  });
  if (hidden === 0) return "";
  const names = all.filter((key) => seen.has(key)).map(laneLabel);
  const shown =
    names.length === 0
      ? "part of the flow"
      : names.length === 1
        ? names[0]
        : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `Showing ${shown} of ${all.length} lane${all.length === 1 ? "" : "s"} (${hidden} step${hidden === 1 ? "" : "s"} out of sight): the whole flow does not read at this size. Fit again shows it all.`;
}

let note = "";
const noteListeners = new Set<() => void>();

/** What the last start view or Fit left out ("" when it showed every step). */
export function fitNote(): string {
  return note;
}

export function subscribeFitNote(listener: () => void): () => void {
  noteListeners.add(listener);
  return () => noteListeners.delete(listener);
}

/** Clears the note (the user panned or zoomed on their own). */
export function clearFitNote(): void {
  setNote("");
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
  setNote(frame === whole ? "" : describeFrame(model, frame.view, rect.width, rect.height));
  void flow.setViewport(frame.view, { duration: 300 });
}

/** Frames `model` as when it opens (after loading it, after auto-layout). */
export function showStart(flow: ReactFlowInstance, model: Model, options: { duration?: number } = {}): void {
  const rect = paneElement()?.getBoundingClientRect();
  if (!rect || rect.width === 0) return;
  lastFit = undefined;
  const frame = startFrame(model, rect.width, rect.height);
  setMinimapPlace(frame.minimap);
  setNote(describeFrame(model, frame.view, rect.width, rect.height));
  void flow.setViewport(frame.view, options);
}

// helpers

function setNote(next: string): void {
  if (next === note) return;
  note = next;
  for (const listener of noteListeners) listener();
}

function paneElement(): Element | null {
  return document.querySelector('[data-testid="canvas"] .react-flow');
}

function sameView(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1 && Math.abs(a.zoom - b.zoom) < 0.002;
}

/** The bounds of the placed steps `keep` accepts, widened to their lanes' label margin. */
function flowBounds(
  model: Model,
  keep: (id: string) => boolean,
  lanes: Lane[] = computeLanes(model, model.layout),
): Bounds | undefined {
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
