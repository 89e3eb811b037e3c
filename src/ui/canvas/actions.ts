/**
 * Canvas actions the palette, the toolbar and the keyboard share: add a node, delete the
 * selection, copy/paste/duplicate, auto-layout, centre on a node. Each model change is one
 * `store.edit`, so one undo step.
 */
import type { ReactFlowInstance } from "@xyflow/react";
import { layoutFlow } from "../../layout/layoutFlow";
import { nodeSize } from "../../layout/nodeSize";
import type { Model, NodeKind } from "../../model";
import { notify } from "../shell/toasts";
import type { FlowStore } from "../state/store";
import { addNode, copyFragment, deleteElements, type Fragment, pasteFragment } from "./edits";
import { animatePositions, setMoving } from "./motion";
import { newNode, PALETTE } from "./newNode";
import { showStart } from "./viewport";

/** Offset of a paste or duplicate from the original (px). */
const PASTE_OFFSET = { x: 40, y: 40 };
/** Length of the auto-layout animation (ms). */
const LAYOUT_ANIMATION_MS = 450;

let clipboard: Fragment | undefined;

/** Adds a node of `kind` with its centre at `center` (flow coordinates) and selects it. */
export function addNodeAt(store: FlowStore, kind: NodeKind, center: { x: number; y: number }): string | undefined {
  if (store.getState().readOnly) return undefined;
  const model = store.getState().model;
  const node = newNode(model, kind);
  const size = nodeSize(node);
  const name = PALETTE.find((entry) => entry.kind === kind)?.name ?? kind;
  const at = freeSpot(model, { x: center.x - size.width / 2, y: center.y - size.height / 2 }, size);
  store.edit(`Add ${name.toLowerCase()} step`, (draft) => addNode(draft, node, at));
  store.select({ nodes: [node.id] });
  return node.id;
}

/** The flow coordinates of the centre of the visible canvas. */
export function viewportCentre(flow: ReactFlowInstance, pane: HTMLElement | null): { x: number; y: number } {
  const rect = pane?.getBoundingClientRect() ?? {
    left: 0,
    top: 0,
    width: window.innerWidth,
    height: window.innerHeight,
  };
  return flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
}

/** Deletes the selected nodes (with their edges) and edges. */
export function deleteSelection(store: FlowStore): void {
  const { selection } = store.getState();
  const count = selection.nodes.length + selection.edges.length;
  if (count === 0) return;
  store.edit(count === 1 ? "Delete 1 item" : `Delete ${count} items`, (draft) =>
    deleteElements(draft, selection.nodes, selection.edges),
  );
  store.select({});
}

/** Copies the selected nodes (and the edges among them). */
export function copySelection(store: FlowStore): number {
  const { model, selection } = store.getState();
  if (selection.nodes.length === 0) return 0;
  clipboard = copyFragment(model, selection.nodes);
  return clipboard.nodes.length;
}

/** Pastes the clipboard, shifted, and selects the pasted nodes. */
export function paste(store: FlowStore): void {
  const fragment = clipboard;
  if (!fragment || fragment.nodes.length === 0) return;
  let ids: string[] = [];
  store.edit(`Paste ${fragment.nodes.length} step${fragment.nodes.length === 1 ? "" : "s"}`, (draft) => {
    ids = pasteFragment(draft, fragment, PASTE_OFFSET);
  });
  // The next paste lands further along, as in most editors.
  clipboard = shiftFragment(fragment);
  store.select({ nodes: ids });
}

/** Duplicates the selected nodes in one step. */
export function duplicate(store: FlowStore): void {
  const { model, selection } = store.getState();
  if (selection.nodes.length === 0) return;
  const fragment = copyFragment(model, selection.nodes);
  let ids: string[] = [];
  store.edit("Duplicate", (draft) => {
    ids = pasteFragment(draft, fragment, PASTE_OFFSET);
  });
  store.select({ nodes: ids });
}

/**
 * Lays the flow out with elkjs (off the main thread), animates the nodes to their new places
 * and commits them as one undoable edit; then frames the start of the flow at a readable zoom.
 */
export async function autoLayout(store: FlowStore, flow: ReactFlowInstance | undefined): Promise<number> {
  const started = performance.now();
  const model = store.getState().model;
  let positions: Awaited<ReturnType<typeof layoutFlow>>;
  try {
    positions = await layoutFlow(model);
  } catch (error) {
    notify({
      kind: "error",
      title: "Auto-layout failed",
      details: [error instanceof Error ? error.message : String(error)],
    });
    return -1;
  }
  const elapsed = performance.now() - started;
  // User timing, so benchmarks and the browser's performance panel see the layout time.
  performance.measure("flowcast:layout", { start: started, duration: elapsed });
  // The flow changed while elk worked: apply nothing rather than a stale layout.
  if (store.getState().model !== model) return -1;
  await new Promise<void>((resolve) => {
    animatePositions(model.layout, positions, LAYOUT_ANIMATION_MS, () => {
      store.edit("Auto-layout", (draft) => {
        for (const [id, at] of Object.entries(positions)) draft.layout[id] = { x: at.x, y: at.y };
      });
      setMoving(null);
      resolve();
    });
  });
  requestAnimationFrame(() => {
    if (flow) showStart(flow, store.getState().model, { duration: 300 });
  });
  return elapsed;
}

/** Selects `nodeId` and centres the canvas on it. */
export function focusNode(store: FlowStore, flow: ReactFlowInstance, nodeId: string): void {
  const { model } = store.getState();
  const node = model.nodes.find((n) => n.id === nodeId);
  if (!node) return;
  store.select({ nodes: [nodeId] });
  const at = model.layout[nodeId] ?? { x: 0, y: 0 };
  const size = nodeSize(node);
  flow.setCenter(at.x + size.width / 2, at.y + size.height / 2, { zoom: Math.max(flow.getZoom(), 1), duration: 400 });
}

/** Selects edge `edgeId` and centres the canvas between its ends. */
export function focusEdge(store: FlowStore, flow: ReactFlowInstance, edgeId: string): void {
  const { model } = store.getState();
  const edge = model.edges.find((e) => e.id === edgeId);
  if (!edge) return;
  store.select({ edges: [edgeId] });
  const a = model.layout[edge.from] ?? { x: 0, y: 0 };
  const b = model.layout[edge.to] ?? a;
  flow.setCenter((a.x + b.x) / 2 + 100, (a.y + b.y) / 2 + 40, { zoom: Math.max(flow.getZoom(), 0.9), duration: 400 });
}

// helpers

/** Gap kept around a new step (px). */
const CLEARANCE = 16;

/**
 * The place nearest `wanted` (top-left, px) where a box of `size` overlaps no step, searched
 * on rings of a 24 px grid around it, so a new step never hides another.
 */
function freeSpot(
  model: Model,
  wanted: { x: number; y: number },
  size: { width: number; height: number },
): { x: number; y: number } {
  const boxes = model.nodes.map((node) => ({ ...(model.layout[node.id] ?? { x: 0, y: 0 }), ...nodeSize(node) }));
  const free = (x: number, y: number) =>
    boxes.every(
      (b) =>
        x + size.width + CLEARANCE <= b.x ||
        b.x + b.width + CLEARANCE <= x ||
        y + size.height + CLEARANCE <= b.y ||
        b.y + b.height + CLEARANCE <= y,
    );
  const step = 24;
  for (let ring = 0; ring < 60; ring++) {
    for (let dx = -ring; dx <= ring; dx++)
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const x = wanted.x + dx * step;
        const y = wanted.y + dy * step;
        if (free(x, y)) return { x, y };
      }
  }
  return wanted;
}

function shiftFragment(fragment: Fragment): Fragment {
  const layout = Object.fromEntries(
    Object.entries(fragment.layout).map(([id, at]) => [id, { x: at.x + PASTE_OFFSET.x, y: at.y + PASTE_OFFSET.y }]),
  );
  return { ...fragment, layout };
}
