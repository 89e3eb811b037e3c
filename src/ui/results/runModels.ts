/**
 * Which model (scenario applied) produced a results document. A results document names its
 * model but does not carry it; the canvas colours and the bottleneck sentence need the
 * teams and SLAs that were simulated, so the run registers them here. Weak: results that
 * are dropped take their model with them.
 */
import type { Model } from "../../model";
import type { Results } from "../../sim/results";

const MODELS = new WeakMap<Results, Model>();

/** Records that `results` came from running `model` (with its scenario applied). */
export function rememberRunModel(results: Results, model: Model): void {
  MODELS.set(results, model);
}

/** The model that produced `results`, when it was run in this page. */
export function runModelOf(results: Results): Model | undefined {
  return MODELS.get(results);
}
