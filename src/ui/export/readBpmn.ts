/**
 * Reads a BPMN file off the main thread (bpmnWorker.ts): a chosen file goes to the worker as
 * it is and is decoded there, so the page never holds or copies its text. A diagram without
 * a drawing is then laid out by elkjs (in its own worker) when it is small enough for it; a
 * bigger one keeps the worker's plain columns. A file the worker cannot read within
 * TIME_LIMIT_MS gets a message instead of a frozen tab; the size and element limits are
 * checkBpmnText's. Where Workers do not exist (unit tests), it reads in the same thread.
 */
import { type BpmnImport, fromBpmn } from "../../io/bpmn/fromBpmn";
import { MAX_TEXT } from "../../io/bpmn/guard";
import { LARGE_LAYOUT } from "../../io/mermaid/fallbackLayout";
import { layoutFlow } from "../../layout/layoutFlow";
import { type DiagramSource, readDiagramInWorker, readDiagramSource } from "./diagramWorker";

/** How long the worker may take before the read is abandoned (ms). */
export const TIME_LIMIT_MS = 20_000;
/** Largest file handed to the worker (bytes): UTF-16 takes two bytes a character. */
export const MAX_FILE_BYTES = 2 * MAX_TEXT;

/** Parses and maps a BPMN diagram (pasted text or a chosen file) without blocking the page. */
export async function readBpmn(source: DiagramSource): Promise<BpmnImport> {
  if (typeof source === "string" && source.length > MAX_TEXT) {
    return failure(
      `the file is ${source.length.toLocaleString("en")} characters long; Flowcast reads BPMN files of at most ${MAX_TEXT.toLocaleString("en")}`,
    );
  }
  if (typeof source !== "string" && source.file.size > MAX_FILE_BYTES) {
    return failure(
      `${source.name} is ${source.file.size.toLocaleString("en")} bytes long; Flowcast reads BPMN files of at most ${MAX_TEXT.toLocaleString("en")} characters`,
    );
  }
  const result =
    typeof Worker === "undefined"
      ? await readDiagramSource(source, (text) => fromBpmn(text), failure)
      : await readInWorker(source);
  if (!result.ok || !result.report.laidOut || result.model.nodes.length > LARGE_LAYOUT) return result;
  // Plain columns from the worker; elkjs does better for a diagram it can arrange.
  try {
    result.model.layout = await layoutFlow(result.model);
  } catch {
    // the worker's columns stay
  }
  return result;
}

// helpers

function readInWorker(source: DiagramSource): Promise<BpmnImport> {
  const worker = new Worker(new URL("./bpmnWorker.ts", import.meta.url), { type: "module" });
  return readDiagramInWorker(worker, source, TIME_LIMIT_MS, failure);
}

function failure(message: string): BpmnImport {
  return { ok: false, errors: [message] };
}
