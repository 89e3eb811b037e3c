/**
 * A flow's diagnostics as the problems panel shows them: the model is checked as a file
 * would be (encoded, then decoded by the zod schema, so an out-of-range value shows here),
 * then by the semantic rules of validateModel, then (when it can run) by the offered-load
 * check (overloaded teams show as warnings). No React here: the flow worker runs it too.
 */
import {
  type Diagnostic,
  encodeModel,
  hasErrors,
  loadWarnings,
  type Model,
  parseModel,
  validateModel,
} from "../../model";
import { offeredLoadDiagnostics } from "../../sim/load";

/**
 * Schema problems of the model as written, else its semantic diagnostics; in both cases the
 * fields its file held that the schema does not know (warnings kept from when it was opened).
 */
export function diagnose(model: Model): Diagnostic[] {
  try {
    const unknown = loadWarnings(model);
    const decoded = parseModel(encodeModel(model));
    if (!decoded.ok) return [...decoded.diagnostics, ...unknown];
    const diagnostics = [...unknown, ...validateModel(decoded.model)];
    // a flow that can run also hears about teams offered more work than they can do
    return hasErrors(diagnostics) ? diagnostics : [...diagnostics, ...offeredLoadDiagnostics(decoded.model)];
  } catch (error) {
    return [
      {
        severity: "error",
        path: "",
        message: `The flow could not be checked: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
}
