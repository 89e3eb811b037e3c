/**
 * Entry point of the web app: restores the last autosaved flow (else opens the default
 * sample, else a blank flow), creates the one FlowStore, and renders the shell.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import "./app.css";
import { warmUpLayout } from "../layout/layoutFlow";
import { FORMAT, type Model, parseModel } from "../model";
import { App } from "./App";
import { loadAutosave } from "./files/autosave";
import { defaultSample } from "./files/samples";
import { FlowStore } from "./state/store";

async function start(): Promise<void> {
  const root = document.getElementById("root");
  if (!root) return;
  const { model, fileName } = await firstFlow();
  const store = new FlowStore(model);
  if (fileName) store.markSaved(fileName);
  createRoot(root).render(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );
  // Auto-layout is one click away: get elkjs ready while the user looks at the flow.
  setTimeout(() => void warmUpLayout().catch(() => undefined), 1500);
}

/** The autosaved flow, else the default sample, else a blank flow. */
async function firstFlow(): Promise<{ model: Model; fileName?: string }> {
  const restored = await loadAutosave().catch(() => undefined);
  if (restored) return restored;
  const sample = defaultSample();
  if (sample) return { model: sample.model, fileName: sample.file };
  const blank = parseModel({ format: FORMAT, name: "New flow" });
  if (!blank.ok) throw new Error("the blank flow does not decode");
  return { model: blank.model };
}

void start();
