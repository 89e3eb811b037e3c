/**
 * Where the minimap sits: in a corner of the canvas that covers no step at the current view,
 * or folded away while every corner would cover one. The canvas chooses again at every pan,
 * zoom and edit, so the minimap is never over a step or a port; its button hides it for good
 * or shows it again.
 */
import type { Viewport } from "@xyflow/react";
import { useSyncExternalStore } from "react";
import { nodeSize } from "../../layout/nodeSize";
import type { Model } from "../../model";

/** The minimap's size on screen, its border included (px). */
export const MINIMAP_SIZE = { width: 168, height: 110 };
/**
 * Above this many steps the minimap is not drawn: it draws every step, and thousands of them
 * block the page for longer than a frame should take. Fit and the zoom buttons remain.
 */
export const MINIMAP_MAX_STEPS = 500;
/** Distance of the minimap from the pane's sides (React Flow's panel margin, px). */
const PANEL_MARGIN = 15;
/** Room kept between the minimap and a step's box (px): its port dots stand 9 px out. */
const SLACK = 12;

/**
 * Corners the minimap may take, in order of preference. The zoom buttons sit outside the
 * canvas, so every corner is free for it.
 */
export const MINIMAP_CORNERS = ["bottom-right", "top-right", "bottom-left", "top-left"] as const;
export type MinimapCorner = (typeof MINIMAP_CORNERS)[number];
/** A corner, or "folded" (only the minimap button shows). */
export type MinimapPlace = MinimapCorner | "folded";

/** Room the minimap takes from the pane's right side or its bottom, margins included (px). */
export const MINIMAP_ROOM = {
  width: MINIMAP_SIZE.width + 2 * PANEL_MARGIN,
  height: MINIMAP_SIZE.height + 2 * PANEL_MARGIN,
};

/** The minimap's box in `corner` of a `width` × `height` pane (pane px). */
export function minimapBox(corner: MinimapCorner, width: number, height: number) {
  const right = corner.endsWith("right");
  const bottom = corner.startsWith("bottom");
  return {
    x: right ? width - PANEL_MARGIN - MINIMAP_SIZE.width : PANEL_MARGIN,
    y: bottom ? height - PANEL_MARGIN - MINIMAP_SIZE.height : PANEL_MARGIN,
    width: MINIMAP_SIZE.width,
    height: MINIMAP_SIZE.height,
  };
}

/** Whether the minimap in `corner` covers no step of `model` seen at `view`. */
export function isCornerClear(model: Model, view: Viewport, corner: MinimapCorner, width: number, height: number) {
  // No minimap is drawn on so big a flow: every corner is free, and checking thousands of steps
  // at every pan would cost for nothing.
  if (model.nodes.length > MINIMAP_MAX_STEPS) return true;
  const box = minimapBox(corner, width, height);
  const left = box.x - SLACK;
  const top = box.y - SLACK;
  const right = box.x + box.width + SLACK;
  const bottom = box.y + box.height + SLACK;
  return model.nodes.every((node, index) => {
    const at = model.layout[node.id] ?? { x: index * 24, y: index * 24 };
    const size = nodeSize(node);
    const x = at.x * view.zoom + view.x;
    const y = at.y * view.zoom + view.y;
    return x >= right || x + size.width * view.zoom <= left || y >= bottom || y + size.height * view.zoom <= top;
  });
}

/** The first corner clear of steps at `view`, else "folded". */
export function clearCorner(model: Model, view: Viewport, width: number, height: number): MinimapPlace {
  return MINIMAP_CORNERS.find((corner) => isCornerClear(model, view, corner, width, height)) ?? "folded";
}

/** Whether the user wants the minimap (its button); it shows only where it covers no step. */
let wanted = true;
/** The corner it takes at the current view, or "folded" when every corner would cover a step. */
let place: MinimapPlace = "bottom-right";
const listeners = new Set<() => void>();

/** Puts the minimap in `next` (a corner clear of steps), or folds it when no corner is clear. */
export function setMinimapPlace(next: MinimapPlace): void {
  if (next === place) return;
  place = next;
  emit();
}

/** The minimap's button: hides it, or shows it again (in a clear corner, when there is one). */
export function toggleMinimap(): void {
  wanted = !wanted;
  emit();
}

/** Where the minimap is drawn ("folded": not drawn), re-rendering on change. */
export function useMinimapPlace(): { place: MinimapPlace; wanted: boolean } {
  const placed = useSyncExternalStore(subscribe, () => place);
  const on = useSyncExternalStore(subscribe, () => wanted);
  return { place: on ? placed : "folded", wanted: on };
}

// helpers

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(): void {
  for (const listener of listeners) listener();
}
