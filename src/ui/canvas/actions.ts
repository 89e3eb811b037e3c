/**
 * Canvas actions the palette, the toolbar and the keyboard share: add a node, delete the
 * selection, copy/paste/duplicate, auto-layout, centre on a node. Each model change is one
 * `store.edit`, so one undo step.
 */
import type { ReactFlowInstance } from "@xyflow/react";
import { assignLanes } from "../../layout/lanes";
import { layoutFlow } from "../../layout/layoutFlow";
import { nodeSize } from "../../layout/nodeSize";
import {
  DEFAULT_PORT,
  type Edge,
  edgePort,
  type Model,
  type Node,
  type NodeKind,
  nodeLabel,
  outPorts,
} from "../../model";
import { notify } from "../shell/toasts";
import type { FlowStore } from "../state/store";
import { addNode, copyFragment, deleteElements, type Fragment, pasteFragment } from "./edits";
import { animatePositions, setMoving } from "./motion";
import { newNode, PALETTE, uniqueId } from "./newNode";
import { clampToLane, placeInLane } from "./placement";
import { showStart } from "./viewport";

/** Offset of a paste or duplicate from the original (px). */
const PASTE_OFFSET = { x: 40, y: 40 };
/** Length of the auto-layout animation (ms). */
const LAYOUT_ANIMATION_MS = 450;

let clipboard: Fragment | undefined;

/** Gap between a step and the step added after it (px). */
const FOLLOW_GAP = 56;

/**
 * Adds a node of `kind` near `center` (flow coordinates), in the lane of its tier, and
 * selects it; steps of lower lanes move down when a lane has to open. With `flow`, the view
 * then pans (zoom kept) if the new step is not fully in sight.
 */
export function addNodeAt(
  store: FlowStore,
  kind: NodeKind,
  center: { x: number; y: number },
  flow?: ReactFlowInstance,
): string | undefined {
  const node = newNode(store.getState().model, kind);
  const size = nodeSize(node);
  return insert(store, node, { wanted: { x: center.x - size.width / 2, y: center.y - size.height / 2 } }, flow);
}

/**
 * Adds a node of `kind` after the step it continues from, as a palette click or a key does:
 * the one selected step (its first unconnected port now leads to the new step), else the
 * rightmost step of the new step's lane, else of the lanes above. The new step goes right of
 * that step (or below, when the spot is taken), in its own tier's lane; with nothing on the
 * canvas, at `fallback`.
 */
export function addNodeAfter(
  store: FlowStore,
  kind: NodeKind,
  fallback: { x: number; y: number },
  flow?: ReactFlowInstance,
): string | undefined {
  const { model, selection } = store.getState();
  const node = newNode(model, kind);
  const size = nodeSize(node);
  const selected = selection.nodes.length === 1 ? model.nodes.find((n) => n.id === selection.nodes[0]) : undefined;
  const edges: Edge[] = [];
  if (selected && kind !== "channel") {
    const used = new Set(model.edges.filter((e) => e.from === selected.id).map(edgePort));
    const port = outPorts(selected).find((p) => !used.has(p));
    if (port) {
      const id = uniqueId(model, `${selected.id}-${port}`, new Set([node.id]));
      edges.push(
        port === DEFAULT_PORT ? { id, from: selected.id, to: node.id } : { id, from: selected.id, port, to: node.id },
      );
    }
  }
  const from = selected ?? lastOfLane(model, node, edges);
  const wanted = from
    ? { x: (model.layout[from.id]?.x ?? 0) + nodeSize(from).width + FOLLOW_GAP, y: model.layout[from.id]?.y ?? 0 }
    : { x: fallback.x - size.width / 2, y: fallback.y - size.height / 2 };
  return insert(store, node, { wanted, edges, rightward: from !== undefined, after: from }, flow);
}

/** Adds `node` placed in its lane near `wanted`, with `edges`, as one edit; selects it. */
function insert(
  store: FlowStore,
  node: Node,
  place: { wanted: { x: number; y: number }; edges?: Edge[]; rightward?: boolean; after?: Node },
  flow?: ReactFlowInstance,
): string | undefined {
  if (store.getState().readOnly) return undefined;
  const model = store.getState().model;
  const size = nodeSize(node);
  const name = PALETTE.find((entry) => entry.kind === node.kind)?.name ?? node.kind;
  const { at, moved } = placeInLane(model, node, place.wanted, { edges: place.edges, rightward: place.rightward });
  const label = place.edges?.length && place.after ? ` after ${nodeLabel(place.after)}` : "";
  store.edit(`Add ${name.toLowerCase()} step${label}`, (draft) => {
    for (const [id, to] of Object.entries(moved)) draft.layout[id] = { x: Math.round(to.x), y: Math.round(to.y) };
    addNode(draft, node, at);
    for (const edge of place.edges ?? []) draft.edges.push(edge);
  });
  store.select({ nodes: [node.id] });
  if (flow) revealBox(flow, { ...(store.getState().model.layout[node.id] ?? at), ...size });
  return node.id;
}

/** The rightmost placed step of `node`'s lane, else of the nearest lane above it. */
function lastOfLane(model: Model, node: Node, edges: Edge[]): Node | undefined {
  const lanes = assignLanes({ ...model, nodes: [...model.nodes, node], edges: [...model.edges, ...edges] });
  const key = lanes.get(node.id) ?? 0;
  const placed = model.nodes.filter((n) => model.layout[n.id]);
  for (let k = key; k >= 0; k--) {
    const inLane = placed.filter((n) => lanes.get(n.id) === k);
    if (inLane.length > 0)
      return inLane.reduce((a, b) => ((model.layout[b.id]?.x ?? 0) > (model.layout[a.id]?.x ?? 0) ? b : a));
  }
  return placed[placed.length - 1];
}

/** Pans the view (keeping its zoom) so `box` (flow px) is in sight, clear of the minimap and the zoom buttons. */
export function revealBox(flow: ReactFlowInstance, box: { x: number; y: number; width: number; height: number }): void {
  const pane = document.querySelector('[data-testid="canvas"] .react-flow')?.getBoundingClientRect();
  if (!pane) return;
  const { x, y, zoom } = flow.getViewport();
  // Sight: the pane less a band along the bottom where the minimap and the controls sit.
  const margin = 24;
  const left = margin;
  const top = margin;
  const right = pane.width - margin;
  const bottom = pane.height - 140;
  const sx = box.x * zoom + x;
  const sy = box.y * zoom + y;
  const sw = box.width * zoom;
  const sh = box.height * zoom;
  let dx = 0;
  let dy = 0;
  if (sx < left) dx = left - sx;
  else if (sx + sw > right) dx = right - (sx + sw);
  if (sy < top) dy = top - sy;
  else if (sy + sh > bottom) dy = bottom - (sy + sh);
  if (dx !== 0 || dy !== 0) void flow.setViewport({ x: x + dx, y: y + dy, zoom }, { duration: 250 });
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

/**
 * Moves the selected steps by (`dx`, `dy`) px, each kept in its own lane; presses in a row
 * make one undo step.
 */
export function nudgeSelection(store: FlowStore, dx: number, dy: number): void {
  const { model, selection } = store.getState();
  const ids = selection.nodes.filter((id) => model.layout[id]);
  if (ids.length === 0) return;
  const moving = new Set(ids);
  store.edit(
    ids.length === 1 ? "Move step" : `Move ${ids.length} steps`,
    (draft) => {
      for (const id of ids) {
        const at = model.layout[id] as { x: number; y: number };
        const to = clampToLane(model, id, { x: at.x + dx, y: at.y + dy }, moving);
        draft.layout[id] = { x: Math.round(to.x), y: Math.round(to.y) };
      }
    },
    { coalesce: `move:${ids.join(",")}` },
  );
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
  // The selection opens the inspector, which narrows the canvas: centre once it has.
  afterLayout(() =>
    flow.setCenter(at.x + size.width / 2, at.y + size.height / 2, { zoom: Math.max(flow.getZoom(), 1), duration: 400 }),
  );
}

/** Selects edge `edgeId` and centres the canvas between its ends. */
export function focusEdge(store: FlowStore, flow: ReactFlowInstance, edgeId: string): void {
  const { model } = store.getState();
  const edge = model.edges.find((e) => e.id === edgeId);
  if (!edge) return;
  store.select({ edges: [edgeId] });
  const a = model.layout[edge.from] ?? { x: 0, y: 0 };
  const b = model.layout[edge.to] ?? a;
  afterLayout(() =>
    flow.setCenter((a.x + b.x) / 2 + 100, (a.y + b.y) / 2 + 40, { zoom: Math.max(flow.getZoom(), 0.9), duration: 400 }),
  );
}

// helpers

/** Runs `then` once the page has laid out and React Flow has seen the pane's new size. */
function afterLayout(then: () => void): void {
  setTimeout(then, 120);
}

function shiftFragment(fragment: Fragment): Fragment {
  const layout = Object.fromEntries(
    Object.entries(fragment.layout).map(([id, at]) => [id, { x: at.x + PASTE_OFFSET.x, y: at.y + PASTE_OFFSET.y }]),
  );
  return { ...fragment, layout };
}
