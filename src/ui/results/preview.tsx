/**
 * A page for working on the results area alone (`npx vite` then open
 * /src/ui/results/preview.html): the run controls and results panel on a small desk flow.
 * `?fixture` shows hand-made results of a base run and a "+2 L1 agents" run without simulating.
 * The page also hands `runInBrowser` and `parseModelText` to scripts (window.flowcastBench)
 * for scripts/bench-browser-run.ts.
 */
import { createRoot } from "react-dom/client";
import { parseModelText } from "../../model";
import { runInBrowser } from "../../worker/browser-pool";
import { FlowStore } from "../state/store";
import { ResultsPanel } from "./ResultsPanel";
import { RunControls } from "./RunControls";
import { deskModel, deskResults } from "./results.fixture";
import { runSessionOf } from "./runSession";

(window as unknown as { flowcastBench: unknown }).flowcastBench = { runInBrowser, parseModelText };

const store = new FlowStore(deskModel());
if (new URLSearchParams(location.search).has("fixture")) {
  const session = runSessionOf(store);
  const model = store.getState().model;
  session.adopt({ results: deskResults({ scenario: "plus2", shift: 0 }), model, label: "+2 L1 agents", revision: 0 });
  session.adopt({ results: deskResults(), model, label: "Base flow", revision: 0 });
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <div>
      <div style={{ padding: 8, borderBottom: "1px solid #ddd" }}>
        <RunControls store={store} />
      </div>
      <ResultsPanel store={store} />
    </div>,
  );
}
