/**
 * The inspector: the right-hand sidebar form for whatever is selected (one node, one edge)
 * or, with nothing selected, the flow's own panels (flow, teams, contact types, scenarios).
 * It reads the store and changes the model only through `store.edit`; a read-only flow
 * (opened from a share link) shows every value disabled.
 */
import { useEffect, useState } from "react";
import type { FlowStore } from "../state/store";
import { useFlowState } from "../state/store";
import { ContactTypesPanel } from "./ContactTypesPanel";
import { EdgeForm } from "./EdgeForm";
import { FlowPanel } from "./FlowPanel";
import { NodeForm } from "./NodeForm";
import { ScenariosPanel } from "./ScenariosPanel";
import { TeamsPanel } from "./TeamsPanel";
import "./inspector.css";

export interface InspectorProps {
  store: FlowStore;
  /** The flow panel shown first (the shell opens the inspector on a chosen panel). */
  initialTab?: Tab;
}

export type Tab = "flow" | "teams" | "contactTypes" | "scenarios";
const TABS: readonly (readonly [Tab, string])[] = [
  ["flow", "Flow"],
  ["teams", "Teams"],
  ["contactTypes", "Contact types"],
  ["scenarios", "Scenarios"],
];

/** Sidebar form bound to the store; every change goes through `store.edit`. */
export function Inspector({ store, initialTab }: InspectorProps) {
  const model = useFlowState(store, (s) => s.model);
  const selection = useFlowState(store, (s) => s.selection);
  const readOnly = useFlowState(store, (s) => s.readOnly);
  const [tab, setTab] = useState<Tab>(initialTab ?? "flow");
  useEffect(() => {
    if (selection.team) setTab("teams");
  }, [selection.team]);

  const node =
    selection.nodes.length === 1 && selection.edges.length === 0
      ? model.nodes.find((n) => n.id === selection.nodes[0])
      : undefined;
  const edge =
    selection.edges.length === 1 && selection.nodes.length === 0
      ? model.edges.find((e) => e.id === selection.edges[0])
      : undefined;
  const count = selection.nodes.length + selection.edges.length;

  return (
    <aside className="inspector" data-testid="inspector" aria-label="Inspector">
      {readOnly ? (
        <div className="insp-readonly" data-testid="inspector-readonly">
          Read-only flow: make a copy to edit it.
        </div>
      ) : null}
      {node ? (
        <NodeForm store={store} model={model} node={node} disabled={readOnly} />
      ) : edge ? (
        <EdgeForm store={store} model={model} edge={edge} disabled={readOnly} />
      ) : count > 1 ? (
        <p className="insp-hint insp-multi" data-testid="inspector-multi">
          {selection.nodes.length} steps and {selection.edges.length} connections selected. Select one to edit it.
        </p>
      ) : (
        <>
          <div className="insp-tabs" role="tablist" aria-label="Flow settings">
            {TABS.map(([id, text]) => (
              <button
                type="button"
                role="tab"
                key={id}
                id={`insp-tab-${id}`}
                aria-selected={tab === id}
                aria-controls="insp-tabpanel"
                data-testid={`inspector-tab-${id}`}
                className="insp-tab"
                tabIndex={tab === id ? 0 : -1}
                onClick={() => setTab(id)}
                onKeyDown={(e) => {
                  const i = TABS.findIndex(([t]) => t === id);
                  const next = e.key === "ArrowRight" ? i + 1 : e.key === "ArrowLeft" ? i - 1 : -99;
                  const target = TABS[(next + TABS.length) % TABS.length];
                  if (next !== -99 && target) {
                    setTab(target[0]);
                    document.getElementById(`insp-tab-${target[0]}`)?.focus();
                  }
                }}
              >
                {text}
              </button>
            ))}
          </div>
          <div id="insp-tabpanel" role="tabpanel" aria-labelledby={`insp-tab-${tab}`} className="insp-section">
            {tab === "flow" ? <FlowPanel store={store} model={model} disabled={readOnly} /> : null}
            {tab === "teams" ? (
              <TeamsPanel store={store} model={model} open={selection.team} disabled={readOnly} />
            ) : null}
            {tab === "contactTypes" ? <ContactTypesPanel store={store} model={model} disabled={readOnly} /> : null}
            {tab === "scenarios" ? <ScenariosPanel store={store} model={model} disabled={readOnly} /> : null}
          </div>
        </>
      )}
    </aside>
  );
}
