/**
 * A Web Worker that reads a pasted Mermaid flowchart (parse and guess a flow, no layout), so
 * that a big or hostile paste never freezes the page. Answers each `{ text }` with the
 * structured-cloneable MermaidImport; a failure inside comes back as an error list.
 */
import { fromMermaid, type MermaidImport } from "../../io/mermaid/fromMermaid";

self.addEventListener("message", (event: MessageEvent<unknown>) => {
  const data = event.data as { text?: unknown } | null;
  const text = typeof data?.text === "string" ? data.text : "";
  fromMermaid(text)
    .then((result) => self.postMessage(result satisfies MermaidImport))
    .catch((error: unknown) =>
      self.postMessage({
        ok: false,
        errors: [{ line: 1, column: 1, message: `the diagram could not be read (${String(error)})` }],
      } satisfies MermaidImport),
    );
});
