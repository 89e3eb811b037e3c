/**
 * Live diagnostics of the flow: errors first, then warnings. Clicking one selects the node
 * or edge it names and centres the canvas on it.
 */
import { useReactFlow } from "@xyflow/react";
import type { Diagnostic } from "../../model";
import { focusEdge, focusNode } from "../canvas/actions";
import type { FlowStore } from "../state/store";

export function ValidationPanel({ store, diagnostics }: { store: FlowStore; diagnostics: Diagnostic[] }) {
  const flow = useReactFlow();
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const sorted = [...diagnostics].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return (
    <section className="validation" aria-label="Validation" data-testid="validation">
      <header className="panel-title">
        {diagnostics.length === 0 ? (
          <span className="validation-ok" data-testid="validation-ok">
            ✓ No problems: the flow is ready to run
          </span>
        ) : (
          <span data-testid="validation-summary">
            {errors} error{errors === 1 ? "" : "s"} · {warnings} warning{warnings === 1 ? "" : "s"}
          </span>
        )}
      </header>
      <ul className="validation-list">
        {sorted.map((d) => (
          <li key={`${d.severity}-${d.path}-${d.nodeId ?? ""}-${d.edgeId ?? ""}-${d.message}`}>
            <button
              type="button"
              className={`diagnostic diagnostic-${d.severity}`}
              data-testid="diagnostic"
              data-severity={d.severity}
              data-node={d.nodeId ?? ""}
              data-edge={d.edgeId ?? ""}
              onClick={() => {
                if (d.nodeId) focusNode(store, flow, d.nodeId);
                else if (d.edgeId) focusEdge(store, flow, d.edgeId);
                else if (d.teamId) store.select({ team: d.teamId });
              }}
            >
              <span className={`sev sev-${d.severity}`}>{d.severity === "error" ? "Error" : "Warning"}</span>
              <span className="diagnostic-message">{d.message}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
