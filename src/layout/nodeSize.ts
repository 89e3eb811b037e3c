/**
 * The size of each node box on the canvas, shared by the canvas node components and the
 * layout so that auto-layout spaces nodes by the boxes the user actually sees.
 */
import { type Node, outPorts } from "../model";

/** Width of every node box (px). */
export const NODE_WIDTH = 144;
/** Height of the header, the label (up to two lines) and key-figure rows of a node box (px). */
const BODY_HEIGHT = 92;
/** Height of one labelled out-port row (px). */
export const PORT_ROW = 20;
/** Nodes with a single `out` port show no port rows. */
const SINGLE_PORT_HEIGHT = 90;

/** The box of `node` on the canvas (px): fixed width, height grows with its labelled ports. */
export function nodeSize(node: Node): { width: number; height: number } {
  const ports = labelledPorts(node);
  if (ports.length === 0) return { width: NODE_WIDTH, height: SINGLE_PORT_HEIGHT };
  return { width: NODE_WIDTH, height: BODY_HEIGHT + ports.length * PORT_ROW + 6 };
}

/** Ports shown as labelled rows: every port of a node with more than the one default `out`. */
export function labelledPorts(node: Node): string[] {
  const ports = outPorts(node);
  return ports.length === 1 && ports[0] === "out" ? [] : ports;
}

/** Side of a handle dot on the canvas (px). */
export const HANDLE_SIZE = 9;

/** Where an edge meets a node, relative to the node's top-left corner (px). */
export interface Anchor {
  x: number;
  y: number;
}

/**
 * Where the canvas draws the in-handle and each out-handle of `node`, as the point an edge
 * starts or ends at (node-local px): the in-point is the left edge of the in-handle at mid
 * height; an out-point is the right edge of its port's handle, level with the port's row.
 * These follow the canvas's CSS (handles straddle the border; port handles stand 5 px further
 * out), so the canvas, the edge router and the exported picture agree on every edge end.
 */
export function nodeAnchors(node: Node): { in: Anchor; out: Map<string, Anchor> } {
  const size = nodeSize(node);
  const ports = labelledPorts(node);
  const out = new Map<string, Anchor>();
  if (ports.length === 0) {
    if (node.kind !== "end") out.set("out", { x: size.width + HANDLE_SIZE / 2 - 1, y: size.height / 2 });
  } else {
    ports.forEach((port, index) => {
      out.set(port, { x: size.width + HANDLE_SIZE / 2 + 4, y: portRowCentre(size.height, ports.length, index) });
    });
  }
  return { in: { x: -HANDLE_SIZE / 2 + 1, y: size.height / 2 }, out };
}

/** Vertical centre of port row `index` of `count` in a box `height` tall (rows sit 4 px above the bottom). */
function portRowCentre(height: number, count: number, index: number): number {
  return height - 4 - (count - index) * PORT_ROW + PORT_ROW / 2 - 0.5;
}
