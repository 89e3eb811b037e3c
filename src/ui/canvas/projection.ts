/**
 * The canvas as a projection of the model: React Flow nodes and edges derived from the
 * flowcast/v1 document (positions from `model.layout`), plus the lanes as background nodes.
 * Nothing here is state: the canvas recomputes it when the model changes.
 */

import { type Edge as FlowEdge, type Node as FlowNode, type NodeHandle, Position } from "@xyflow/react";
import { formatShare, type PlacedLabel } from "../../layout/edgeLabels";
import type { Lane } from "../../layout/lanes";
import { HANDLE_SIZE, nodeAnchors, nodeSize } from "../../layout/nodeSize";
import type { Point } from "../../layout/routeEdges";
import { DEFAULT_PORT, type Edge, type Model, type Node, portShare, type Severity } from "../../model";
import type { Results } from "../../sim/results";
import { edgeVolume, type NodeLoad, nodeLoad } from "../results/load";
import type { Selection } from "../state/store";
import { KIND_NAMES } from "./nodes/kindStyle";

/** What a node component gets: the model node and the figures around it. */
export type StepData = {
  node: Node;
  /** The work step's team name, "" when it names no known team. */
  teamName?: string;
  teamAgents?: number;
  /** Worst diagnostic on this node. */
  severity?: Severity;
  /** Load from the last run (work steps only). */
  load?: NodeLoad;
};
export type StepNode = FlowNode<StepData>;

export type LaneData = { label: string; key: number };
export type LaneNode = FlowNode<LaneData, "lane">;

/** Position of a node that has none yet (px). */
const UNPLACED = { x: 0, y: 0 };

/** React Flow nodes for every step of `model`, selected and outlined as the editor says. */
export function toFlowNodes(
  model: Model,
  options: { selection?: Selection; severities?: Map<string, Severity>; lastRun?: Results } = {},
): StepNode[] {
  const teams = new Map(model.teams.map((team) => [team.id, team]));
  const selected = new Set(options.selection?.nodes ?? []);
  return model.nodes.map((node, index) => {
    const size = nodeSize(node);
    const team = node.kind === "work" ? teams.get(node.team) : undefined;
    const data: StepData = { node };
    if (node.kind === "work") {
      data.teamName = team ? team.name || team.id : "";
      data.teamAgents = team?.agents;
    }
    const severity = options.severities?.get(node.id);
    if (severity) data.severity = severity;
    const load = options.lastRun ? safeLoad(options.lastRun, node.id) : undefined;
    if (load) data.load = load;
    return {
      id: node.id,
      type: node.kind,
      position: model.layout[node.id] ?? { x: UNPLACED.x + index * 24, y: UNPLACED.y + index * 24 },
      data,
      width: size.width,
      height: size.height,
      // Steps have a fixed size and fixed handles, so the canvas states them rather than
      // waiting for React Flow to measure the DOM. A node object without `measured` makes
      // React Flow drop its handle bounds and treat it as unmeasured; were that re-render to
      // race the ResizeObserver, the node stayed unmeasured: its edges vanished, drags to it
      // failed and Fit waited forever.
      measured: { width: size.width, height: size.height },
      handles: flowHandles(node),
      selected: selected.has(node.id),
      // The full label when the step takes focus (the box shows at most two lines of it).
      ariaLabel: `${KIND_NAMES[node.kind]}: ${node.label || node.id}`,
    };
  });
}

/** The handles of a step as the canvas draws them (node-local px), for React Flow's handle bounds. */
export function flowHandles(node: Node): NodeHandle[] {
  const anchors = nodeAnchors(node);
  const half = HANDLE_SIZE / 2;
  const handles: NodeHandle[] = [];
  if (node.kind !== "channel") {
    handles.push({
      id: "in",
      type: "target",
      position: Position.Left,
      x: anchors.in.x,
      y: anchors.in.y - half,
      width: HANDLE_SIZE,
      height: HANDLE_SIZE,
    });
  }
  for (const [port, at] of anchors.out) {
    handles.push({
      id: port,
      type: "source",
      position: Position.Right,
      x: at.x - HANDLE_SIZE,
      y: at.y - half,
      width: HANDLE_SIZE,
      height: HANDLE_SIZE,
    });
  }
  return handles;
}

/** React Flow edges along their routes (when given), labelled with their share where the port has one, sized by last run's volume. */
export function toFlowEdges(
  model: Model,
  options: {
    selection?: Selection;
    lastRun?: Results;
    routes?: Map<string, Point[]>;
    labels?: Map<string, PlacedLabel>;
  } = {},
): FlowEdge[] {
  const byId = new Map(model.nodes.map((node) => [node.id, node]));
  const selected = new Set(options.selection?.edges ?? []);
  return model.edges.map((edge) => {
    const from = byId.get(edge.from);
    const share = from ? portShare(from, edge.port ?? DEFAULT_PORT) : undefined;
    const volume = options.lastRun ? safeVolume(options.lastRun, edge.id) : undefined;
    const flowEdge: FlowEdge = {
      id: edge.id,
      source: edge.from,
      sourceHandle: edge.port ?? DEFAULT_PORT,
      target: edge.to,
      targetHandle: "in",
      type: "routed",
      selected: selected.has(edge.id),
      reconnectable: true,
      // out of the natural Tab order, which would put connections before steps: tabOrder.ts
      // walks them after the steps
      domAttributes: { tabIndex: -1 },
      data: {
        port: edge.port ?? DEFAULT_PORT,
        route: options.routes?.get(edge.id),
        labelAt: options.labels?.get(edge.id)?.at,
      },
    };
    if (share !== undefined) flowEdge.label = formatShare(share);
    if (volume) flowEdge.style = { strokeWidth: volume.width };
    return flowEdge;
  });
}

/** Lanes as non-interactive background nodes drawn behind the steps. */
export function toLaneNodes(lanes: Lane[]): LaneNode[] {
  return lanes.map((lane) => ({
    id: `lane:${lane.key}`,
    type: "lane",
    position: { x: lane.x, y: lane.y },
    data: { label: lane.label, key: lane.key },
    width: lane.width,
    height: lane.height,
    measured: { width: lane.width, height: lane.height },
    handles: [],
    style: { width: lane.width, height: lane.height },
    zIndex: -1,
    selectable: false,
    draggable: false,
    connectable: false,
    focusable: false,
    deletable: false,
  }));
}

/** Edge for a port, as the model writes it. */
export function modelEdgeOf(model: Model, id: string): Edge | undefined {
  return model.edges.find((edge) => edge.id === id);
}

// helpers

function safeLoad(results: Results, nodeId: string): NodeLoad | undefined {
  try {
    return nodeLoad(results, nodeId);
  } catch {
    return undefined;
  }
}

function safeVolume(results: Results, edgeId: string) {
  try {
    return edgeVolume(results, edgeId);
  } catch {
    return undefined;
  }
}
