/**
 * Preparing a run: the scenario applied and the flow validated, with the run's options
 * checked. Apart from the simulator itself, so that a caller which only prepares and hands
 * replications to workers (the browser's pool) does not load the engine.
 */
import { applyScenario, type Diagnostic, hasErrors, type Model, validateModel } from "../model";

/** Options of a run. */
export interface RunOptions {
  /** Scenario id; the base flow when omitted. */
  scenario?: string;
  /** Seed of the run (default 1). */
  seed?: number;
  /** Number of replications (default 10). */
  replications?: number;
  /** Overrides clock.horizon (seconds). */
  horizonSeconds?: number;
  /** Called after each replication with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Aborts the run between replications. */
  signal?: AbortSignal;
}

/** A run ready to go (scenario applied, model valid), or why it cannot run. */
export type Prepared =
  | { ok: true; model: Model; options: Required<Pick<RunOptions, "seed" | "replications">> & RunOptions }
  | { ok: false; diagnostics: Diagnostic[] };

/** Applies the scenario and validates the flow; errors make the run not ok. */
export function prepareRun(model: Model, options: RunOptions = {}): Prepared {
  const applied = applyScenario(model, options.scenario);
  if (!applied.ok) return { ok: false, diagnostics: applied.diagnostics };
  const diagnostics = validateModel(applied.model);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics: diagnostics.filter((d) => d.severity === "error") };
  const seed = options.seed ?? 1;
  const replications = options.replications ?? 10;
  const problems: Diagnostic[] = [];
  if (!Number.isInteger(seed))
    problems.push({ severity: "error", message: "The seed must be a whole number.", path: "seed" });
  if (!Number.isInteger(replications) || replications < 1)
    problems.push({
      severity: "error",
      message: "Replications must be a whole number of at least 1.",
      path: "replications",
    });
  const horizon = options.horizonSeconds ?? applied.model.clock.horizon;
  if (!(horizon > applied.model.clock.warmup))
    problems.push({
      severity: "error",
      message: `The horizon (${horizon} s) must be longer than the warm-up (${applied.model.clock.warmup} s).`,
      path: "clock.horizon",
    });
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  return { ok: true, model: applied.model, options: { ...options, seed, replications } };
}
