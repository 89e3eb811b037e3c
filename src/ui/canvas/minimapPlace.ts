/**
 * Where the minimap sits: in a corner of the canvas that covers no step at the view the flow
 * opens at (or Fit chose), or folded away when every corner would cover one. The choice is
 * made with the view (viewport.ts) and kept until the next start view or Fit; the minimap's
 * own button folds and unfolds it at any time.
 */
import type { Viewport } from "@xyflow/react";
import { useSyncExternalStore } from "react";
import { nodeSize } from "../../layout/nodeSize";
import type { Model } from "../../model";

/** The minimap's size on screen, its border included (px). */
export const MINIMAP_SIZE = { width: 168, height: 110 };
/** Distance of the minimap from the pane's sides (React Flow's panel margin, px). */
const PANEL_MARGIN = 15;
/** Room kept between the minimap and a step (px). */
const SLACK = 6;

/**
 * Corners the minimap may take, in order of preference. Bottom-left is the zoom buttons'.
 */
export const MINIMAP_CORNERS = ["bottom-right", "top-right", "top-left"] as const;
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

let place: MinimapPlace = "bottom-right";
let corner: MinimapCorner = "bottom-right";
const listeners = new Set<() => void>();

/** Moves (or folds) the minimap. */
export function setMinimapPlace(next: MinimapPlace): void {
  if (next !== "folded") corner = next;
  if (next === place) return;
  place = next;
  for (const listener of listeners) listener();
}

/** Folds an unfolded minimap, unfolds a folded one in its last corner. */
export function toggleMinimap(): void {
  setMinimapPlace(place === "folded" ? corner : "folded");
}

/** Where the minimap is, re-rendering on change. */
export function useMinimapPlace(): MinimapPlace {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => place,
  );
}
