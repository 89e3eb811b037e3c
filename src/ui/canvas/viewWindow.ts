/**
 * The part of a big flow the canvas hands to React Flow: the steps and connections within a
 * margin around the view. React Flow keeps lookups of every node and edge it is given and
 * rebuilds them whenever either list changes, which for thousands of steps blocks the page
 * for longer than a frame; given only what is near the view, its work stays the size of a
 * screenful however big the flow is.
 *
 * The window is the view widened by at least one pane on every side and snapped to a grid of
 * pane-sized cells (powers of two, in flow px), so panning and zooming change it only when
 * the view nears its edge: the steps just out of sight are already drawn when they come in.
 */
import type { Edge as FlowEdge, Node as FlowNode, ReactFlowState } from "@xyflow/react";
import { useStore } from "@xyflow/react";
import { useMemo } from "react";

/** A rectangle in flow coordinates (px). */
export interface ViewWindow {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The window around the current view (see the header), or undefined when `enabled` is false. */
export function useViewWindow(enabled: boolean): ViewWindow | undefined {
  const key = useStore((state: ReactFlowState) => (enabled ? windowKey(state) : ""));
  return useMemo(() => (key ? parseKey(key) : undefined), [key]);
}

/**
 * The window around a view `transform` ([x, y, zoom]) of a `width` × `height` px pane: the
 * view's rectangle in flow px, widened to whole grid cells plus one cell on every side; a
 * cell is the smallest power of two at least as wide (tall) as the view.
 */
export function windowAround(transform: [number, number, number], width: number, height: number): ViewWindow {
  const [tx, ty, zoom] = transform;
  const scale = zoom > 0 ? zoom : 1;
  const x = -tx / scale;
  const y = -ty / scale;
  const w = Math.max(1, width) / scale;
  const h = Math.max(1, height) / scale;
  const cellW = 2 ** Math.ceil(Math.log2(w));
  const cellH = 2 ** Math.ceil(Math.log2(h));
  return {
    left: (Math.floor(x / cellW) - 1) * cellW,
    top: (Math.floor(y / cellH) - 1) * cellH,
    right: (Math.ceil((x + w) / cellW) + 1) * cellW,
    bottom: (Math.ceil((y + h) / cellH) + 1) * cellH,
  };
}

/**
 * The nodes and edges of the canvas that concern `view`: every node whose box meets it, every
 * edge whose ends' bounding box meets it (a long connection crossing the view) with both its
 * ends, and the nodes in `keep` (selected or being dragged). Order is kept.
 */
export function inWindow(
  nodes: FlowNode[],
  edges: FlowEdge[],
  view: ViewWindow,
  keep: ReadonlySet<string>,
): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const byId = new Map<string, FlowNode>();
  const inside = new Set<string>();
  for (const node of nodes) {
    byId.set(node.id, node);
    const box = boxOf(node);
    if (keep.has(node.id) || meets(view, box.left, box.top, box.right, box.bottom)) inside.add(node.id);
  }
  // Ends are added to a set of their own: an end of an edge shown does not in turn pull in
  // its other edges (along a chain, that would pull in the whole flow).
  const shown = new Set(inside);
  const shownEdges: FlowEdge[] = [];
  for (const edge of edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;
    if (!inside.has(edge.source) && !inside.has(edge.target)) {
      const a = boxOf(source);
      const b = boxOf(target);
      const crossing = meets(
        view,
        Math.min(a.left, b.left),
        Math.min(a.top, b.top),
        Math.max(a.right, b.right),
        Math.max(a.bottom, b.bottom),
      );
      if (!crossing) continue;
    }
    shown.add(edge.source);
    shown.add(edge.target);
    shownEdges.push(edge);
  }
  return { nodes: nodes.filter((node) => shown.has(node.id)), edges: shownEdges };
}

// helpers

function windowKey(state: ReactFlowState): string {
  // Before React Flow has measured its pane, the window's size stands in for it.
  const width = state.width || globalThis.innerWidth || 1024;
  const height = state.height || globalThis.innerHeight || 768;
  const view = windowAround(state.transform, width, height);
  return `${view.left},${view.top},${view.right},${view.bottom}`;
}

function parseKey(key: string): ViewWindow {
  const [left = 0, top = 0, right = 0, bottom = 0] = key.split(",").map(Number);
  return { left, top, right, bottom };
}

function boxOf(node: FlowNode): { left: number; top: number; right: number; bottom: number } {
  const width = node.width ?? node.measured?.width ?? 0;
  const height = node.height ?? node.measured?.height ?? 0;
  return {
    left: node.position.x,
    top: node.position.y,
    right: node.position.x + width,
    bottom: node.position.y + height,
  };
}

function meets(view: ViewWindow, left: number, top: number, right: number, bottom: number): boolean {
  return left <= view.right && right >= view.left && top <= view.bottom && bottom >= view.top;
}
