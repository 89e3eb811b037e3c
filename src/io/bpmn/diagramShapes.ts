/** The drawn bounds of the elements of a BPMN file, from its diagram interchange. */
import type { Bounds } from "./geometry";
import type { BpmnElement } from "./moddle";

/**
 * Bounds by BPMN element id, from the first diagram only: further diagrams draw collapsed
 * sub-processes in coordinates of their own, which mean nothing once they are flattened.
 */
export function diagramShapes(definitions: BpmnElement): Map<string, Bounds> {
  const shapes = new Map<string, Bounds>();
  for (const diagram of list(definitions.diagrams).slice(0, 1)) {
    const plane = diagram.plane as BpmnElement | undefined;
    for (const element of list(plane?.planeElement)) {
      if (element.$type !== "bpmndi:BPMNShape") continue;
      const target = element.bpmnElement as BpmnElement | undefined;
      const bounds = element.bounds as Bounds | undefined;
      if (!target?.id || !bounds || shapes.has(target.id)) continue;
      const { x, y, width, height } = bounds;
      if ([x, y, width, height].every(Number.isFinite)) shapes.set(target.id, { x, y, width, height });
    }
  }
  return shapes;
}

/** A moddle collection property as an array (absent: empty). */
export function list(value: unknown): BpmnElement[] {
  return Array.isArray(value) ? (value as BpmnElement[]) : [];
}

/** An element as a designer recognises it: its name and id. */
export function describe(element: BpmnElement | undefined): string {
  if (!element) return "(missing)";
  const name = typeof element.name === "string" ? element.name.replace(/\s+/g, " ").trim() : "";
  return name ? `"${name}" (${element.id ?? "no id"})` : `"${element.id ?? "no id"}"`;
}
