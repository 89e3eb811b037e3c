/**
 * Reads a pasted Mermaid flowchart off the main thread (mermaidWorker.ts), then lays it out
 * (elkjs runs in its own worker; a flow too big for it gets plain columns). A paste larger
 * than MAX_TEXT, or one the worker cannot read within TIME_LIMIT_MS, gets a message instead
 * of a frozen tab. Where Workers do not exist (unit tests), it reads in the same thread.
 */
import { layoutOrFallback } from "../../io/mermaid/fallbackLayout";
import { fromMermaid, type MermaidImport } from "../../io/mermaid/fromMermaid";
import { layoutFlow } from "../../layout/layoutFlow";
import { readDiagramInWorker } from "./diagramWorker";

/** Longest paste read (characters): far more than any hand-drawn flowchart. */
export const MAX_TEXT = 2_000_000;
/** How long the worker may take before the read is abandoned (ms). */
export const TIME_LIMIT_MS = 20_000;

/** Parses, guesses and lays out a pasted flowchart without blocking the page. */
export async function readMermaid(text: string): Promise<MermaidImport> {
  if (text.length > MAX_TEXT) {
    return failure(
      `the text is ${text.length.toLocaleString("en")} characters long; Flowcast reads at most ${MAX_TEXT.toLocaleString("en")}`,
    );
  }
  const result = typeof Worker === "undefined" ? await fromMermaid(text) : await readInWorker(text);
  if (!result.ok) return result;
  const laid = await layoutOrFallback(result.model, layoutFlow);
  result.model.layout = laid.positions;
  if (laid.fallback) {
    result.report.warnings.push({
      line: 1,
      column: 1,
      message: `laid out in plain columns: the automatic layout cannot arrange ${result.model.nodes.length.toLocaleString("en")} steps`,
    });
  }
  return result;
}

// helpers

function readInWorker(text: string): Promise<MermaidImport> {
  const worker = new Worker(new URL("./mermaidWorker.ts", import.meta.url), { type: "module" });
  return readDiagramInWorker(worker, text, TIME_LIMIT_MS, failure);
}

function failure(message: string): MermaidImport {
  return { ok: false, errors: [{ line: 1, column: 1, message }] };
}
