/**
 * Semantic validation of a decoded model: the rules that need the whole flow (ports,
 * reachability, shares, references). Returns diagnostics; never throws.
 */
import type { Diagnostic } from "./diagnostics";
import type { Model } from "./schema";

/** Every problem of a model that decoded, in the words of a process designer. */
export function validateModel(_model: Model): Diagnostic[] {
  return [];
}
