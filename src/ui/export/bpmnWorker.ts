/**
 * A Web Worker that reads a BPMN file (XML parse, mapping, no elkjs layout), so a big or
 * hostile file never freezes the page. Answers each `{ text }` with the structured-cloneable
 * BpmnImport; a failure inside comes back as an error list.
 */
import { type BpmnImport, fromBpmn } from "../../io/bpmn/fromBpmn";

self.addEventListener("message", (event: MessageEvent<unknown>) => {
  const data = event.data as { text?: unknown } | null;
  const text = typeof data?.text === "string" ? data.text : "";
  fromBpmn(text)
    .then((result) => self.postMessage(result satisfies BpmnImport))
    .catch((error: unknown) =>
      self.postMessage({
        ok: false,
        errors: [`the diagram could not be read (${String(error)})`],
      } satisfies BpmnImport),
    );
});
