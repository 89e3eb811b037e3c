/**
 * Auto-layout of a flow with elkjs: layered, left to right, out ports in their display order,
 * and escalation tiers as horizontal lanes (intake on top, then L1, L2, L3). elkjs lays out
 * the whole graph for the left-to-right order and the order within each column; the result is
 * then packed into lanes, each lane a band below the previous one, keeping elk's order.
 *
 * elkjs is loaded lazily. In a browser it runs in its own Web Worker (elkWorker.ts), so the
 * page stays responsive; in Node (tests, CLI exporters) it runs in-process from elk.bundled.js.
 */
import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import { edgePort, type Model } from "../model";
import { assignLanes, LANE_PADDING, type LaneKey } from "./lanes";
import { labelledPorts, nodeSize } from "./nodeSize";

/** Top-left position (px) of every node, by id. */
export type Positions = Record<string, { x: number; y: number }>;

/** Anything that lays out an elk graph: elk-api's ELK (worker) or elk.bundled's ELK. */
interface ElkEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** Vertical gap between two nodes of one lane (px). */
const NODE_GAP = 18;
/** Gap between two lanes (px), beyond their padding. */
const LANE_GAP = 8;

const ELK_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  // Compact: a 15-step flow reads whole on a laptop screen. The gap between columns still
  // holds an elbow and a share label.
  "elk.layered.spacing.nodeNodeBetweenLayers": "40",
  "elk.spacing.nodeNode": "18",
  "elk.spacing.edgeNode": "12",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.layered.crossingMinimization.strategy": "LAYER_SWEEP",
  "elk.layered.cycleBreaking.strategy": "DEPTH_FIRST",
  // Separate pieces of a flow are laid out apart and packed side by side: faster, and a big
  // flow made of many pieces keeps a sensible aspect ratio.
  "elk.separateConnectedComponents": "true",
};

/** Above this many nodes, elk's crossing minimisation does one pass instead of seven: 3x faster. */
const LARGE_FLOW = 80;

let engine: Promise<ElkEngine> | undefined;

/**
 * Positions for every node of `model` (top-left, px, flow coordinates): left to right by
 * flow, lanes by tier top to bottom. Never changes `model`.
 */
export async function layoutFlow(model: Model): Promise<Positions> {
  if (model.nodes.length === 0) return {};
  engine ??= loadEngine();
  const elk = await engine;
  const laid = await elk.layout(toElkGraph(model));
  return packIntoLanes(model, laid);
}

/**
 * Loads elkjs (and starts its worker) ahead of the first layout, so the first click does not
 * wait for a 1.6 MB script to load and compile.
 */
export async function warmUpLayout(): Promise<void> {
  engine ??= loadEngine();
  const elk = await engine;
  // A small branching graph runs elk's hot paths once, so the JIT has compiled them.
  const children = Array.from({ length: 40 }, (_, i) => ({ id: `n${i}`, width: 200, height: 80 }));
  const edges = children
    .slice(1)
    .map((child, i) => ({ id: `e${i}`, sources: [`n${Math.floor(i / 2)}`], targets: [child.id] }));
  await elk.layout({ id: "warm-up", layoutOptions: ELK_OPTIONS, children, edges });
}

/** The elk graph of a model: one node per step with a west in-port and ordered east out-ports. */
export function toElkGraph(model: Model): ElkNode {
  const ids = new Set(model.nodes.map((node) => node.id));
  const children: ElkNode[] = model.nodes.map((node) => {
    const size = nodeSize(node);
    const ports = labelledPorts(node);
    const outs = ports.length === 0 ? ["out"] : ports;
    return {
      id: node.id,
      width: size.width,
      height: size.height,
      layoutOptions: { "elk.portConstraints": "FIXED_ORDER" },
      ports: [
        { id: `${node.id}::in`, width: 1, height: 1, layoutOptions: { "elk.port.side": "WEST" } },
        ...outs.map((port, index) => ({
          id: `${node.id}::out::${port}`,
          width: 1,
          height: 1,
          layoutOptions: { "elk.port.side": "EAST", "elk.port.index": String(index) },
        })),
      ],
    };
  });
  const portIds = new Set(children.flatMap((child) => (child.ports ?? []).map((port) => port.id)));
  const edges: ElkExtendedEdge[] = [];
  for (const edge of model.edges) {
    if (!ids.has(edge.from) || !ids.has(edge.to)) continue;
    const source = `${edge.from}::out::${edgePort(edge)}`;
    edges.push({
      id: edge.id,
      sources: [portIds.has(source) ? source : edge.from],
      targets: [`${edge.to}::in`],
    });
  }
  const options = model.nodes.length > LARGE_FLOW ? { ...ELK_OPTIONS, "elk.layered.thoroughness": "1" } : ELK_OPTIONS;
  return { id: "root", layoutOptions: options, children, edges };
}

/**
 * Packs elk's positions into lanes: x stays elk's; within a lane, nodes keep elk's vertical
 * order and are stacked as high as they can go without overlapping a node they share columns
 * with. Lanes follow each other top to bottom by key.
 */
export function packIntoLanes(model: Model, laid: ElkNode): Positions {
  const laneOf = assignLanes(model);
  const sizeOf = new Map(model.nodes.map((node) => [node.id, nodeSize(node)]));
  const byLane = new Map<LaneKey, ElkNode[]>();
  for (const child of laid.children ?? []) {
    const key = laneOf.get(child.id) ?? 0;
    byLane.set(key, [...(byLane.get(key) ?? []), child]);
  }
  // without a prototype, a node id "__proto__" is an ordinary key and keeps its position
  const positions: Positions = Object.create(null);
  let top = 0;
  for (const key of [...byLane.keys()].sort((a, b) => a - b)) {
    const nodes = (byLane.get(key) ?? []).sort((a, b) => (a.y ?? 0) - (b.y ?? 0));
    const laneTop = top + LANE_PADDING;
    const placed: { x: number; right: number; bottom: number }[] = [];
    let laneBottom = laneTop;
    for (const child of nodes) {
      const size = sizeOf.get(child.id) ?? { width: child.width ?? 0, height: child.height ?? 0 };
      const x = Math.round(child.x ?? 0);
      const right = x + size.width;
      let y = laneTop;
      for (const other of placed) if (other.x < right && x < other.right) y = Math.max(y, other.bottom + NODE_GAP);
      positions[child.id] = { x, y: Math.round(y) };
      placed.push({ x, right, bottom: y + size.height });
      laneBottom = Math.max(laneBottom, y + size.height);
    }
    top = laneBottom + LANE_PADDING + LANE_GAP;
  }
  return positions;
}

// helpers

async function loadEngine(): Promise<ElkEngine> {
  // Vite makes `import.meta.env.SSR` the constant false in the browser build, so the Node
  // branch below (and elk.bundled, 1.5 MB) drops out of it: the page loads elk only in its
  // worker. Under Node (vitest: SSR true; tsx and the built CLI: no import.meta.env) elk
  // runs in-process.
  if (import.meta.env?.SSR === false) {
    const { createWorkerElk } = await import("./elkWorker");
    return createWorkerElk();
  }
  const { default: ELK } = await import("elkjs/lib/elk.bundled.js");
  return new ELK();
}
