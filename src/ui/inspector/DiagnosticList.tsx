/**
 * The validation messages about one thing (a node, an edge, a team), shown at the top of its
 * form. The model's diagnostics are computed once per model revision and shared.
 */
import { type Diagnostic, type Model, validateModel } from "../../model";

const cache = new WeakMap<Model, Diagnostic[]>();

/** Diagnostics of `model` that `keep` selects (validation runs once per model object). */
export function diagnosticsOf(model: Model, keep: (d: Diagnostic) => boolean): Diagnostic[] {
  let all = cache.get(model);
  if (!all) {
    all = validateModel(model);
    cache.set(model, all);
  }
  return all.filter(keep);
}

/** A compact list of diagnostics; renders nothing when there are none. */
export function DiagnosticList({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  if (diagnostics.length === 0) return null;
  return (
    <ul className="insp-diagnostics" data-testid="inspector-diagnostics">
      {diagnostics.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: diagnostics have no identity
        <li key={i} className={`insp-diag-${d.severity}`}>
          {d.message}
        </li>
      ))}
    </ul>
  );
}
