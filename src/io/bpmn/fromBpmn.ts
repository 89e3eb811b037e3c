/**
 * Import of a BPMN 2.0 diagram as an editable flow. Flowcast's own exports carry every
 * parameter in `flowcast:data` extension elements and come back exactly (readExact.ts); any
 * other diagram (Camunda Modeler, bpmn.io, Signavio ...) is mapped step by step with
 * defaults, every guess and everything left out listed in the report (readDiagram.ts).
 * Never throws on bad input: hostile text is refused by checkBpmnText before parsing.
 */
import type { Model } from "../../model";
import { parseModel } from "../../model/parse";
import { layeredLayout } from "../mermaid/fallbackLayout";
import type { ImportGuess } from "../mermaid/guessFlow";
import { boxPosition, mainBounds } from "./geometry";
import { checkBpmnText } from "./guard";
import { type BpmnElement, createModdle } from "./moddle";
import { readDiagram } from "./readDiagram";
import { type ExactRead, readExact } from "./readExact";

export interface BpmnImportReport {
  /** True when the diagram was a Flowcast export read back exactly. */
  exact: boolean;
  /** Fields filled with defaults: check them before trusting a simulation. */
  guessed: ImportGuess[];
  /** What the import changed in shape (sub-processes flattened, steps added). */
  notes: string[];
  /** BPMN that has no Flowcast meaning and was left out. */
  unmapped: string[];
  /** True when the diagram had no drawing and the steps were placed by a layout. */
  laidOut: boolean;
}

export type BpmnImport = { ok: true; model: Model; report: BpmnImportReport } | { ok: false; errors: string[] };

/** Positions (top-left, px) for every node of a model. */
export type LayoutFunction = (model: Model) => Promise<Record<string, { x: number; y: number }>>;

/** Reads BPMN 2.0 XML into a flow; `layout` places steps when the diagram has no drawing. */
export async function fromBpmn(text: string, layout?: LayoutFunction): Promise<BpmnImport> {
  const refused = checkBpmnText(text);
  if (refused) return { ok: false, errors: [refused] };
  let definitions: BpmnElement;
  let warnings: { message: string }[];
  try {
    const read = await createModdle().fromXML(text);
    definitions = read.rootElement;
    warnings = read.warnings;
  } catch (error) {
    return { ok: false, errors: [`not a BPMN 2.0 file: ${firstLine(error)}`] };
  }
  if (definitions?.$type !== "bpmn:Definitions") {
    return { ok: false, errors: ["not a BPMN 2.0 file: expected a <bpmn:definitions> root element"] };
  }
  const exact = readExact(definitions);
  const read = exact ?? readDiagram(definitions);
  if ("error" in read) return { ok: false, errors: [read.error] };
  const report: BpmnImportReport = {
    exact: exact !== undefined,
    guessed: read.guessed,
    notes: read.notes,
    unmapped: read.unmapped,
    laidOut: false,
  };
  for (const warning of warnings.slice(0, 5)) report.notes.push(`XML: ${firstLine(warning.message)}`);
  const decoded = parseModel(read.file);
  if (!decoded.ok) return { ok: false, errors: decoded.diagnostics.map((d) => d.message) };
  const model = decoded.model;
  if (exact) followMoves(model, exact.drawn);
  const missing = model.nodes.filter((node) => !Object.hasOwn(model.layout, node.id));
  if (!report.exact && missing.length > 0) {
    report.laidOut = missing.length === model.nodes.length;
    await placeMissing(model, report.laidOut, layout);
  }
  return { ok: true, model, report };
}

// helpers

/** Steps whose shape was moved in the BPMN editor move with it; the others keep their exact layout. */
function followMoves(model: Model, drawn: ExactRead["drawn"]): void {
  const byId = new Map(model.nodes.map((node) => [node.id, node]));
  for (const { id, drawnAt, bounds } of drawn) {
    const node = byId.get(id);
    if (!node) continue;
    const expected = mainBounds(node, drawnAt);
    if (Math.abs(expected.x - bounds.x) <= 0.5 && Math.abs(expected.y - bounds.y) <= 0.5) continue;
    const at = boxPosition(node, bounds);
    model.layout[id] = { x: Math.round(at.x), y: Math.round(at.y) };
  }
}

/** Places steps the drawing did not: all of them by `layout`, or a few beside the step feeding them. */
async function placeMissing(model: Model, none: boolean, layout?: LayoutFunction): Promise<void> {
  if (none) {
    const positions =
      layout && model.nodes.length <= 1000
        ? await layout(model).catch(() => layeredLayout(model))
        : layeredLayout(model);
    model.layout = Object.assign(Object.create(null), positions);
    return;
  }
  for (let pass = 0; pass < 3; pass++) {
    for (const edge of model.edges) {
      const from = model.layout[edge.from];
      if (from && !Object.hasOwn(model.layout, edge.to)) model.layout[edge.to] = { x: from.x + 260, y: from.y };
    }
  }
  let x = 0;
  for (const node of model.nodes) {
    if (Object.hasOwn(model.layout, node.id)) continue;
    x += 240;
    model.layout[node.id] = { x, y: -160 };
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0]?.trim() ?? text;
}
