/**
 * Reads a BPMN file off the main thread (bpmnWorker.ts). A diagram without a drawing is then
 * laid out by elkjs (in its own worker). A file the worker cannot read within TIME_LIMIT_MS
 * gets a message instead of a frozen tab; the size and element limits are checkBpmnText's.
 * Where Workers do not exist (unit tests), it reads in the same thread.
 */
import { type BpmnImport, fromBpmn } from "../../io/bpmn/fromBpmn";
import { MAX_TEXT } from "../../io/bpmn/guard";
import { layoutOrFallback } from "../../io/mermaid/fallbackLayout";
import { layoutFlow } from "../../layout/layoutFlow";
import { readDiagramInWorker } from "./diagramWorker";

/** How long the worker may take before the read is abandoned (ms). */
export const TIME_LIMIT_MS = 20_000;

/** Parses and maps a BPMN diagram without blocking the page. */
export async function readBpmn(text: string): Promise<BpmnImport> {
  if (text.length > MAX_TEXT) {
    return failure(
      `the file is ${text.length.toLocaleString("en")} characters long; Flowcast reads BPMN files of at most ${MAX_TEXT.toLocaleString("en")}`,
    );
  }
  const result = typeof Worker === "undefined" ? await fromBpmn(text) : await readInWorker(text);
  if (!result.ok || !result.report.laidOut) return result;
  // Plain columns from the worker; elkjs does better for a diagram it can arrange.
  const laid = await layoutOrFallback(result.model, layoutFlow);
  result.model.layout = laid.positions;
  return result;
}

// helpers

function readInWorker(text: string): Promise<BpmnImport> {
  const worker = new Worker(new URL("./bpmnWorker.ts", import.meta.url), { type: "module" });
  return readDiagramInWorker(worker, text, TIME_LIMIT_MS, failure);
}

function failure(message: string): BpmnImport {
  return { ok: false, errors: [message] };
}
