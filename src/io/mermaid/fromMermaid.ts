/**
 * Import of a Mermaid flowchart as an editable flow: parse the text, guess a flow from the
 * graph (guessFlow), and lay it out. Returns the flow with a report of every guess, or the
 * syntax errors with their line and column.
 */
import type { Model } from "../../model";
import { layoutOrFallback } from "./fallbackLayout";
import { guessFlow, type ImportReport } from "./guessFlow";
import { type MermaidProblem, parseMermaid } from "./parseMermaid";

export type { ImportGuess, ImportReport } from "./guessFlow";
export type { MermaidProblem } from "./parseMermaid";

export type MermaidImport = { ok: true; model: Model; report: ImportReport } | { ok: false; errors: MermaidProblem[] };

/** Positions (top-left, px) for every node of a model. */
export type LayoutFunction = (model: Model) => Promise<Record<string, { x: number; y: number }>>;

/**
 * Reads Mermaid flowchart text into a flow laid out by `layout` (the elkjs adapter in the
 * app and the CLI). Never throws on bad input.
 */
export async function fromMermaid(text: string, layout?: LayoutFunction): Promise<MermaidImport> {
  const parsed = parseMermaid(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  if (parsed.graph.nodes.length === 0) {
    return { ok: false, errors: [{ line: 1, column: 1, message: "the flowchart has no nodes" }] };
  }
  const { model: decoded, report } = guessFlow(parsed.graph);
  if (!decoded.ok) {
    return { ok: false, errors: decoded.diagnostics.map((d) => ({ line: 1, column: 1, message: d.message })) };
  }
  const model = decoded.model;
  if (layout) {
    const laid = await layoutOrFallback(model, layout);
    model.layout = laid.positions;
    if (laid.fallback) {
      report.warnings.push({
        line: 1,
        column: 1,
        message: `laid out in plain columns: the automatic layout cannot arrange ${model.nodes.length.toLocaleString("en")} steps`,
      });
    }
  }
  return { ok: true, model, report };
}
