/**
 * The size of each node box on the canvas, shared by the canvas node components and the
 * layout so that auto-layout spaces nodes by the boxes the user actually sees.
 */
import { type Node, outPorts } from "../model";

/** Width of every node box (px). */
export const NODE_WIDTH = 208;
/** Height of the header and key-figure rows of a node box (px). */
const BODY_HEIGHT = 70;
/** Height of one labelled out-port row (px). */
export const PORT_ROW = 20;
/** Nodes with a single `out` port show no port rows. */
const SINGLE_PORT_HEIGHT = 68;

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
