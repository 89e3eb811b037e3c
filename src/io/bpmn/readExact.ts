/**
 * Reads back a Flowcast export: the process's `flowcast:data role="flow"` holds every field
 * but the steps and connections, each step's element holds its node, each sequence flow its
 * edge. Names edited in the BPMN editor become labels; shapes moved there move the steps.
 * Returns undefined when the diagram is not (or no longer wholly) a Flowcast export.
 */

import { diagramShapes, list } from "./diagramShapes";
import type { Bounds } from "./geometry";
import { type BpmnElement, bpmnText, readData } from "./moddle";

export interface ExactRead {
  file: Record<string, unknown>;
  guessed: [];
  notes: string[];
  unmapped: string[];
  /** Where each step was drawn on export and where its shape is now, to follow moves made in the editor. */
  drawn: { id: string; drawnAt: { x: number; y: number }; bounds: Bounds }[];
}

export function readExact(definitions: BpmnElement): ExactRead | undefined {
  const process = list(definitions.rootElements).find(
    (e) => e.$type === "bpmn:Process" && isRecord(readData(e, "flow")),
  );
  if (!process) return undefined;
  const flow = readData(process, "flow") as Record<string, unknown>;
  const shapes = diagramShapes(definitions);
  const nodeIdOf = new Map<BpmnElement, string>();
  const splits = new Set<BpmnElement>();
  const nodes: Record<string, unknown>[] = [];
  const drawn: ExactRead["drawn"] = [];
  const elements = list(process.flowElements);
  for (const element of elements) {
    if (element.$type === "bpmn:SequenceFlow") continue;
    const split = readData(element, "split");
    if (isRecord(split)) {
      splits.add(element);
      continue;
    }
    const data = readData(element, "node");
    if (!isRecord(data) || !isRecord(data.node) || typeof data.node.id !== "string") return undefined;
    const node = { ...data.node };
    const expected = typeof node.label === "string" && node.label !== "" ? node.label : String(node.id);
    const name = typeof element.name === "string" ? element.name : "";
    if (name !== bpmnText(expected)) {
      if (name === "" || name === node.id) delete node.label;
      else node.label = name;
    }
    nodeIdOf.set(element, node.id as string);
    nodes.push(node);
    const bounds = element.id ? shapes.get(element.id) : undefined;
    if (bounds && isPoint(data.drawnAt)) drawn.push({ id: node.id as string, drawnAt: data.drawnAt, bounds });
  }
  const edges: Record<string, unknown>[] = [];
  for (const element of elements) {
    if (element.$type !== "bpmn:SequenceFlow" || splits.has(element.targetRef as BpmnElement)) continue;
    const data = readData(element, "edge");
    const to = nodeIdOf.get(element.targetRef as BpmnElement);
    if (!isRecord(data) || to === undefined) return undefined;
    edges.push({ ...data, to });
  }
  const layout = Object.assign(Object.create(null), isRecord(flow.layout) ? flow.layout : {});
  return { file: { ...flow, layout, nodes, edges }, guessed: [], notes: [], unmapped: [], drawn };
}

// helpers

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPoint(value: unknown): value is { x: number; y: number } {
  return isRecord(value) && typeof value.x === "number" && typeof value.y === "number";
}
