/**
 * A development preview of the inspector on its own (open /src/ui/inspector/preview.html on
 * the dev server): the fixture flow, a list to select a node or an edge, and undo/redo.
 * Not part of the app build.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { parseModelText } from "../../model";
import { FlowStore, useFlowState } from "../state/store";
import { Inspector } from "./Inspector";
import fixture from "./ops.tiered.json";

const parsed = parseModelText(JSON.stringify(fixture));
if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
const store = new FlowStore(parsed.model);
(window as unknown as { store: FlowStore }).store = store;

function Preview() {
  const model = useFlowState(store, (s) => s.model);
  const selection = useFlowState(store, (s) => s.selection);
  return (
    <div style={{ display: "flex", height: "100vh", font: "13px system-ui" }}>
      <div style={{ flex: 1, padding: 12, overflow: "auto" }}>
        <button type="button" onClick={() => store.undo()}>
          Undo
        </button>{" "}
        <button type="button" onClick={() => store.redo()}>
          Redo
        </button>{" "}
        <button type="button" onClick={() => store.select({})}>
          Select nothing
        </button>
        <ul>
          {model.nodes.map((n) => (
            <li key={n.id}>
              <button type="button" data-id={n.id} onClick={() => store.select({ nodes: [n.id] })}>
                {n.kind}: {n.label ?? n.id}
              </button>
            </li>
          ))}
          {model.edges.map((e) => (
            <li key={e.id}>
              <button type="button" data-id={e.id} onClick={() => store.select({ edges: [e.id] })}>
                {e.from} → {e.to} ({e.port ?? "out"})
              </button>
            </li>
          ))}
        </ul>
        <pre data-testid="preview-model" style={{ fontSize: 10 }}>
          {JSON.stringify(model.nodes.find((n) => n.id === selection.nodes[0]) ?? null, null, 1)}
        </pre>
      </div>
      <div style={{ width: 340, borderLeft: "1px solid #dde3ea" }}>
        <Inspector store={store} />
      </div>
    </div>
  );
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Preview />
    </StrictMode>,
  );
}
