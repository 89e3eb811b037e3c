/**
 * A Web Worker for the flow work that grows with the flow's size and would otherwise block
 * the page for seconds on a flow of thousands of steps (issue 19): decoding flow text through
 * the guarded parser (autosave restore, share links, opened files), writing a flow as text
 * (autosave), and checking a flow for the problems panel. Answers `{ id, op, ... }` with
 * `{ id, value }` or `{ id, error }`.
 */
import { loadWarnings, serializeModel, withLoadWarnings } from "../../model";
import { diagnose } from "../shell/diagnose";
import { parseFlowGuarded } from "./guardedParse";
import type { FlowRequest, FlowResponse } from "./offThread";

self.addEventListener("message", (event: MessageEvent<FlowRequest>) => {
  const request = event.data;
  let response: FlowResponse;
  try {
    if (request.op === "parse") {
      const parsed = parseFlowGuarded(request.text);
      response = { id: request.id, value: { parsed, warnings: parsed.ok ? loadWarnings(parsed.model) : [] } };
    } else if (request.op === "serialize") response = { id: request.id, value: serializeModel(request.model) };
    else response = { id: request.id, value: diagnose(withLoadWarnings(request.model, request.warnings)) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
});
