/**
 * The Mermaid node shape each node kind is written with, and back. Export and import share
 * this table, so a flow exported and imported again keeps its kinds.
 */
import type { NodeKind } from "../../model";

/** A Mermaid flowchart node shape, by its brackets. */
export type MermaidShape =
  | "rect"
  | "round"
  | "stadium"
  | "subroutine"
  | "cylinder"
  | "circle"
  | "doubleCircle"
  | "rhombus"
  | "hexagon"
  | "parallelogram"
  | "parallelogramAlt"
  | "trapezoid"
  | "trapezoidAlt"
  | "asymmetric";

/** Opening and closing brackets of each shape, longest opening first (the parser tries them in order). */
export const SHAPE_BRACKETS: readonly { shape: MermaidShape; open: string; close: readonly string[] }[] = [
  { shape: "doubleCircle", open: "(((", close: [")))"] },
  { shape: "circle", open: "((", close: ["))"] },
  { shape: "stadium", open: "([", close: ["])"] },
  { shape: "round", open: "(", close: [")"] },
  { shape: "subroutine", open: "[[", close: ["]]"] },
  { shape: "cylinder", open: "[(", close: [")]"] },
  { shape: "parallelogram", open: "[/", close: ["/]", "\\]"] },
  { shape: "parallelogramAlt", open: "[\\", close: ["\\]", "/]"] },
  { shape: "rect", open: "[", close: ["]"] },
  { shape: "hexagon", open: "{{", close: ["}}"] },
  { shape: "rhombus", open: "{", close: ["}"] },
  { shape: "asymmetric", open: ">", close: ["]"] },
];

/** The shape a node kind is exported as. */
export const KIND_SHAPE: Record<NodeKind, MermaidShape> = {
  channel: "stadium",
  selfService: "hexagon",
  route: "rhombus",
  work: "rect",
  escalate: "subroutine",
  followUp: "parallelogramAlt",
  delay: "parallelogram",
  end: "circle",
};

/** The kind a shape says without doubt (shapes Flowcast itself writes); undefined for plain boxes. */
export function kindOfShape(shape: MermaidShape): NodeKind | undefined {
  switch (shape) {
    case "stadium":
      return "channel";
    case "hexagon":
      return "selfService";
    case "subroutine":
      return "escalate";
    case "parallelogram":
      return "delay";
    case "parallelogramAlt":
      return "followUp";
    case "circle":
    case "doubleCircle":
      return "end";
    default:
      return undefined;
  }
}

/** Writes `label` inside the brackets of `shape`, quoted so any text survives. */
export function wrapInShape(shape: MermaidShape, label: string): string {
  const brackets = SHAPE_BRACKETS.find((b) => b.shape === shape)!;
  return `${brackets.open}"${label}"${brackets.close[0]}`;
}
