/**
 * A Web Worker that reads a BPMN file (XML parse, mapping, no elkjs layout), so a big or
 * hostile file never freezes the page. Answers each `{ text }` with the structured-cloneable
 * BpmnImport; a failure inside comes back as an error list.
 */
import { type BpmnImport, fromBpmn } from "../../io/bpmn/fromBpmn";
import { answerDiagramReads } from "./diagramWorker";

answerDiagramReads(fromBpmn, (message): BpmnImport => ({ ok: false, errors: [message] }));
