/**
 * Entry point of the web app: restores the last autosaved flow (else opens the default
 * sample, else a blank flow), creates the one FlowStore and its FlowKeeper, and renders the
 * shell. A saved flow that is refused (it no longer decodes, or it tries to touch the page's
 * prototypes) never stops the app: it starts on the newest recent flow that opens, else on
 * the default sample, and says what was refused with the text to download.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import "./app.css";
import { warmUpLayout } from "../layout/layoutFlow";
import { FORMAT, type Model, parseModel } from "../model";
import { App } from "./App";
import { keepLanesInDraft } from "./canvas/placement";
import { loadAutosave, loadRecent, type RefusedFlow } from "./files/autosave";
import { announceKept, FlowKeeper, readTabFlowId } from "./files/flowKeeper";
import { parseFlowOffThread } from "./files/offThread";
import { defaultSample } from "./files/samples";
import { FlowStore } from "./state/store";

async function start(): Promise<void> {
  const root = document.getElementById("root");
  if (!root) return;
  const { model, fileName, flowId, refused } = await firstFlow();
  const store = new FlowStore(model, { afterEdit: keepLanesInDraft });
  if (fileName) store.markSaved(fileName);
  const keeper: FlowKeeper = new FlowKeeper(store, flowId, (kept) => announceKept(store, keeper, kept));
  createRoot(root).render(
    <StrictMode>
      <App store={store} keeper={keeper} refused={refused} />
    </StrictMode>,
  );
  // Auto-layout is one click away: get elkjs ready while the user looks at the flow.
  setTimeout(() => void warmUpLayout().catch(() => undefined), 1500);
}

interface FirstFlow {
  model: Model;
  fileName?: string;
  flowId?: string;
  refused?: RefusedFlow;
}

/** The autosaved flow, else (when refused) a recent one, else the default sample, else a blank flow. */
async function firstFlow(): Promise<FirstFlow> {
  const restored = await loadAutosave(readTabFlowId()).catch(() => undefined);
  if (restored?.ok) return restored;
  const refused = restored?.refused;
  if (refused) {
    const recent = await loadRecent().catch(() => []);
    for (const flow of recent) {
      if (flow.text === refused.text) continue;
      const parsed = await parseFlowOffThread(flow.text);
      if (parsed.ok) return { model: parsed.model, fileName: flow.fileName, flowId: flow.flowId, refused };
    }
  }
  const sample = defaultSample();
  if (sample) return { model: sample.model, fileName: sample.file, refused };
  const blank = parseModel({ format: FORMAT, name: "New flow" });
  if (!blank.ok) throw new Error("the blank flow does not decode");
  return { model: blank.model, refused };
}

void start();
