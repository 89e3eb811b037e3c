/**
 * The canvas's edits to the model as plain immer recipes: add, connect, reconnect, delete,
 * paste. Each is applied by the canvas as one `store.edit`, so each undoes in one step.
 */
import type { Draft } from "immer";
import { DEFAULT_PORT, type Edge, type Model, type Node } from "../../model";
import { uniqueId } from "./newNode";

/** A piece of a flow on the clipboard: nodes, the edges among them, and their positions. */
export interface Fragment {
  nodes: Node[];
  edges: Edge[];
  layout: Record<string, { x: number; y: number }>;
}

/** Adds `node` at `position` (top-left, px). */
export function addNode(draft: Draft<Model>, node: Node, position: { x: number; y: number }): void {
  draft.nodes.push(node as Draft<Node>);
  draft.layout[node.id] = { x: Math.round(position.x), y: Math.round(position.y) };
}

/**
 * Connects port `port` of `from` to `to`. A port leads to one place, so an edge already
 * leaving by that port is re-pointed instead of doubled. Returns the edge's id.
 */
export function connect(draft: Draft<Model>, from: string, port: string, to: string): string {
  const existing = draft.edges.find((edge) => edge.from === from && (edge.port ?? DEFAULT_PORT) === port);
  if (existing) {
    existing.to = to;
    return existing.id;
  }
  const id = uniqueId(draft as Model, `${from}-${port}`);
  draft.edges.push(port === DEFAULT_PORT ? { id, from, to } : { id, from, port, to });
  return id;
}

/** Moves edge `edgeId` to leave by `port` of `from` and enter `to`. */
export function reconnect(draft: Draft<Model>, edgeId: string, from: string, port: string, to: string): void {
  const edge = draft.edges.find((e) => e.id === edgeId);
  if (!edge) return;
  // Another edge on the new port would make the port lead to two places: drop it.
  const clash = draft.edges.findIndex((e) => e.id !== edgeId && e.from === from && (e.port ?? DEFAULT_PORT) === port);
  if (clash >= 0) draft.edges.splice(clash, 1);
  edge.from = from;
  edge.to = to;
  if (port === DEFAULT_PORT) delete edge.port;
  else edge.port = port;
}

/** Deletes nodes (with their edges and positions) and edges. */
export function deleteElements(draft: Draft<Model>, nodeIds: readonly string[], edgeIds: readonly string[]): void {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  draft.nodes = draft.nodes.filter((node) => !nodes.has(node.id));
  draft.edges = draft.edges.filter((edge) => !edges.has(edge.id) && !nodes.has(edge.from) && !nodes.has(edge.to));
  for (const id of nodes) delete draft.layout[id];
}

/** The selected nodes, the edges among them and their positions, for copy and duplicate. */
export function copyFragment(model: Model, nodeIds: readonly string[]): Fragment {
  const ids = new Set(nodeIds);
  return structuredClone({
    nodes: model.nodes.filter((node) => ids.has(node.id)),
    edges: model.edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to)),
    layout: Object.fromEntries(Object.entries(model.layout).filter(([id]) => ids.has(id))),
  });
}

/**
 * Pastes `fragment` with fresh ids, shifted by `offset` (px). Returns the new node ids so
 * the canvas can select them.
 */
export function pasteFragment(draft: Draft<Model>, fragment: Fragment, offset: { x: number; y: number }): string[] {
  const taken = new Set<string>();
  const rename = new Map<string, string>();
  for (const node of fragment.nodes) {
    const id = uniqueId(draft as Model, `${node.id.replace(/-copy(-\d+)?$/, "")}-copy`, taken);
    taken.add(id);
    rename.set(node.id, id);
  }
  for (const node of fragment.nodes) {
    const id = rename.get(node.id) as string;
    const at = fragment.layout[node.id] ?? { x: 0, y: 0 };
    addNode(draft, { ...structuredClone(node), id }, { x: at.x + offset.x, y: at.y + offset.y });
  }
  for (const edge of fragment.edges) {
    const id = uniqueId(draft as Model, `${edge.id}-copy`, taken);
    taken.add(id);
    draft.edges.push({ ...edge, id, from: rename.get(edge.from) as string, to: rename.get(edge.to) as string });
  }
  return [...rename.values()];
}
