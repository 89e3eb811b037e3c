/**
 * A Web Worker that reads a pasted Mermaid flowchart (parse and guess a flow, no layout), so
 * that a big or hostile paste never freezes the page. Answers each `{ text }` with the
 * structured-cloneable MermaidImport; a failure inside comes back as an error list.
 */
import { fromMermaid, type MermaidImport } from "../../io/mermaid/fromMermaid";
import { answerDiagramReads } from "./diagramWorker";

answerDiagramReads(fromMermaid, (message): MermaidImport => ({ ok: false, errors: [{ line: 1, column: 1, message }] }));
