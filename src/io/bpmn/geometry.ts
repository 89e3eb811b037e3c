/**
 * Where each BPMN shape of a Flowcast step sits: inside the step's canvas box, centred
 * vertically, so the BPMN picture keeps the canvas layout. A step that splits its contacts
 * by outcome is drawn as its activity (or event) followed by an exclusive gateway, both
 * inside the box. Shared by the exporter (to draw) and the importer (to tell whether a
 * shape was moved in the BPMN editor).
 */

import { nodeSize } from "../../layout/nodeSize";
import { type Node, outPorts } from "../../model";

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

const TASK = { width: 100, height: 80 };
const EVENT = { width: 36, height: 36 };
const GATEWAY = { width: 50, height: 50 };

/** Whether a step is drawn with an outcome gateway after it (every kind but route, with 2+ ports). */
export function hasSplitGateway(node: Node): boolean {
  return node.kind !== "route" && outPorts(node).length > 1;
}

/** The main shape of a step, given its box's top-left corner (px). */
export function mainBounds(node: Node, at: { x: number; y: number }): Bounds {
  const box = nodeSize(node);
  const size = isActivity(node) ? TASK : node.kind === "route" ? GATEWAY : EVENT;
  const centreY = at.y + box.height / 2;
  const x = hasSplitGateway(node) ? at.x + 14 + (TASK.width - size.width) / 2 : at.x + (box.width - size.width) / 2;
  return { x, y: centreY - size.height / 2, ...size };
}

/** The outcome gateway of a step that has one. */
export function splitBounds(node: Node, at: { x: number; y: number }): Bounds {
  const box = nodeSize(node);
  return { x: at.x + 144, y: at.y + box.height / 2 - GATEWAY.height / 2, ...GATEWAY };
}

/** The box top-left (px) a main shape stands for: the inverse of mainBounds, to the pixel. */
export function boxPosition(node: Node, shape: Bounds): { x: number; y: number } {
  const box = nodeSize(node);
  const x = hasSplitGateway(node)
    ? shape.x - 14 - (TASK.width - shape.width) / 2
    : shape.x - (box.width - shape.width) / 2;
  return { x, y: shape.y + shape.height / 2 - box.height / 2 };
}

/** Steps drawn as activities (tasks); the rest are events or gateways. */
export function isActivity(node: Node): boolean {
  return node.kind === "work" || node.kind === "selfService";
}
