/**
 * The app shell: toolbar, palette, canvas, inspector, and the bottom dock (problems and
 * results), around one FlowStore. Owns keyboard shortcuts, messages, the start screen and
 * opening a share link.
 */

import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import {
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { autoLayout } from "./canvas/actions";
import { FlowCanvas } from "./canvas/FlowCanvas";
import { Palette } from "./canvas/Palette";
import { fitPressed } from "./canvas/viewport";
import { ZoomBar } from "./canvas/ZoomBar";
import { ExportMenu } from "./export/ExportMenu";
import { openShareFromHash } from "./export/share";
import type { RefusedFlow } from "./files/autosave";
import { download } from "./files/flowFiles";
import type { FlowKeeper } from "./files/flowKeeper";
import { StartScreen } from "./files/StartScreen";
import { useFileActions } from "./files/useFileActions";
import { ResultsPanel } from "./results/ResultsPanel";
import { RunControls } from "./results/RunControls";
import { runSessionOf } from "./results/runSession";
import { InspectorDock, usePaletteOpen } from "./shell/SidePanels";
import { useShortcuts } from "./shell/shortcuts";
import { Toasts } from "./shell/Toasts";
import { ToolbarButton } from "./shell/ToolbarButton";
import { notify } from "./shell/toasts";
import { useDiagnostics } from "./shell/useDiagnostics";
import { ValidationPanel } from "./shell/ValidationPanel";
import { type FlowStore, useFlowState } from "./state/store";

// Calibration from ticket history (a CSV reader and the fits) loads when its dialog opens.
const ImportHistoryDialog = lazy(() =>
  import("./import/ImportHistoryDialog").then((m) => ({ default: m.ImportHistoryDialog })),
);
const ImportIntervalsDialog = lazy(() =>
  import("./import/intervals/ImportIntervalsDialog").then((m) => ({ default: m.ImportIntervalsDialog })),
);

export interface AppProps {
  store: FlowStore;
  keeper: FlowKeeper;
  /** A saved flow refused at start, to say so and offer its text for download. */
  refused?: RefusedFlow;
}

export function App(props: AppProps) {
  return (
    <ReactFlowProvider>
      <Shell {...props} />
    </ReactFlowProvider>
  );
}

type DockTab = "problems" | "results";

/** The share link already opened in this page. */
let shareOpened: string | undefined;

function Shell({ store, keeper, refused: refusedAtStart }: AppProps) {
  const model = useFlowState(store, (s) => s.model);
  const readOnly = useFlowState(store, (s) => s.readOnly);
  const dirty = useFlowState(store, (s) => s.dirty);
  const fileName = useFlowState(store, (s) => s.fileName);
  const lastRun = useFlowState(store, (s) => s.lastRun);
  const loads = useFlowState(store, (s) => s.loads);
  useFlowState(store, (s) => s.revision);
  const flow = useReactFlow();
  const files = useFileActions(store, keeper);
  const otherTab = useSyncExternalStore(keeper.subscribe, () => keeper.getState().otherTab);
  const [refused, setRefused] = useState(refusedAtStart);
  const diagnostics = useDiagnostics(model);
  const [start, setStart] = useState(false);
  const [tab, setTab] = useState<DockTab>("problems");
  // The problems and results drawer: folded to its tab bar until asked for (or a run ends).
  const [drawer, setDrawer] = useState(false);
  const [paletteOpen, setPaletteOpen] = usePaletteOpen();
  const showTab = useCallback((next: DockTab) => {
    setTab(next);
    setDrawer(true);
  }, []);
  const [layingOut, setLayingOut] = useState(false);
  const [importingHistory, setImportingHistory] = useState(false);
  const [importingIntervals, setImportingIntervals] = useState(false);

  const handlers = useMemo(
    () => ({
      save: () => void files.save(),
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      fit: () => fitPressed(flow, store.getState().model),
    }),
    [files, flow, store],
  );
  useShortcuts(store, handlers);

  useEffect(() => keeper.start(), [keeper]);

  useEffect(() => {
    if (lastRun) showTab("results");
  }, [lastRun, showTab]);

  // Results belong to the flow they were run on: another flow loaded clears them.
  const loadsSeen = useRef(loads);
  useEffect(() => {
    if (loadsSeen.current === loads) return;
    loadsSeen.current = loads;
    runSessionOf(store).clear();
    setTab("problems");
    setDrawer(false);
  }, [store, loads]);

  // A share link opens read-only; a refused one leaves the current flow and says why. Also
  // when only the fragment changes (a link pasted into the address bar of an open tab).
  useEffect(() => {
    const open = () => {
      if (!location.hash.startsWith("#share=") || shareOpened === location.hash) return;
      // Once per link: effects may run twice (React's strict mode), a message should not.
      shareOpened = location.hash;
      void openShareFromHash(location.hash).then((result) => {
        if (result.ok) {
          store.load(result.model, { readOnly: true });
          return;
        }
        const { text } = result;
        notify({
          kind: "error",
          title: `This share link could not be opened: ${result.message} The current flow is kept.`,
          actions:
            text !== undefined
              ? [{ label: "Download its flow", run: () => download(text, "shared-flow.json") }]
              : undefined,
        });
      });
    };
    open();
    window.addEventListener("hashchange", open);
    return () => window.removeEventListener("hashchange", open);
  }, [store]);

  const runLayout = useCallback(async () => {
    setLayingOut(true);
    try {
      await autoLayout(store, flow);
    } finally {
      setLayingOut(false);
    }
  }, [store, flow]);

  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return (
    <div className="app">
      <header className="toolbar" data-testid="toolbar">
        <h1 className="brand">Flowcast</h1>
        <span className="flow-name" data-testid="flow-name" title={fileName}>
          {model.name}
          {dirty ? (
            <span className="dirty" title="Changed since last saved">
              {" "}
              •
            </span>
          ) : null}
        </span>
        <div className="toolbar-group">
          {[
            { name: "start", text: "New…", title: "New flow, samples, recent flows", open: () => setStart(true) },
            {
              name: "open",
              text: "Open…",
              title: "Open a .json flow (or drop it on the canvas)",
              open: files.pickFile,
            },
            {
              name: "import-history",
              text: "History…",
              title: "Import ticket history (CSV) and fit a flow to it",
              open: () => setImportingHistory(true),
            },
            {
              name: "import-intervals",
              text: "Intervals…",
              title: "Import interval report… (an ACD's 15/30/60-minute report, CSV) and fit a flow to it",
              open: () => setImportingIntervals(true),
            },
          ].map(({ name, text, title, open }) => (
            <ToolbarButton key={name} name={name} onClick={open} title={title}>
              {text}
            </ToolbarButton>
          ))}
          <ToolbarButton name="save" onClick={() => void files.save()} title="Save as .json (Ctrl+S)">
            Save
          </ToolbarButton>
        </div>
        <div className="toolbar-group">
          <ToolbarButton
            name="undo"
            disabled={readOnly || !store.canUndo()}
            onClick={() => store.undo()}
            title={`Undo ${store.undoLabel() ?? ""} (Ctrl+Z)`}
            label="Undo"
          >
            ↶
          </ToolbarButton>
          <ToolbarButton
            name="redo"
            disabled={readOnly || !store.canRedo()}
            onClick={() => store.redo()}
            title={`Redo ${store.redoLabel() ?? ""} (Ctrl+Shift+Z)`}
            label="Redo"
          >
            ↷
          </ToolbarButton>
          <ToolbarButton
            name="layout"
            disabled={readOnly || layingOut}
            onClick={() => void runLayout()}
            title="Arrange the flow left to right, tiers as lanes"
          >
            {layingOut ? "Arranging…" : "Auto-layout"}
          </ToolbarButton>
          <ToolbarButton
            name="fit"
            onClick={() => fitPressed(flow, store.getState().model)}
            title="Zoom to fit at a readable size (press again to fit the whole flow)"
          >
            Fit
          </ToolbarButton>
        </div>
        <div className="toolbar-spacer" />
        <div className="toolbar-group toolbar-run">
          <button
            type="button"
            className={`btn problems-badge${errors > 0 ? " has-errors" : ""}`}
            data-testid="problems-badge"
            aria-expanded={drawer && tab === "problems"}
            aria-label={
              errors > 0 ? `${errors} problem${errors === 1 ? "" : "s"}: show the list` : "No problems: show the list"
            }
            title={errors > 0 ? "The flow cannot run yet: show its problems" : "No problems: the flow is ready to run"}
            onClick={() => showTab("problems")}
          >
            {errors > 0 ? `⚠ ${errors}` : "✓"}
          </button>
          <RunControls store={store} diagnostics={diagnostics} />
          <ExportMenu store={store} />
        </div>
      </header>
      {refused ? (
        <div className="notice-banner notice-error" role="alert" data-testid="autosave-refused">
          <span>
            Your saved flow "{refused.name}" was refused and not opened: {refused.problems[0]}
          </span>
          <button
            type="button"
            className="btn btn-small btn-accent"
            data-testid="autosave-refused-download"
            onClick={() =>
              download(refused.text, refused.name.endsWith(".json") ? refused.name : `${refused.name}.json`)
            }
          >
            Download it
          </button>
          <button type="button" className="btn btn-small" onClick={() => setRefused(undefined)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {otherTab ? (
        <div className="notice-banner" role="status" data-testid="other-tab">
          {otherTab === "older"
            ? "This flow is already open in another tab. Edits here are kept as a separate copy in Recent, so neither tab overwrites the other."
            : "This flow was opened in another tab. Edits there are kept as a separate copy in Recent; this tab keeps its own."}
        </div>
      ) : null}
      {readOnly ? (
        <div className="readonly-banner" data-testid="readonly-banner">
          Shared flow (read-only) —
          <button
            type="button"
            className="btn btn-small btn-accent"
            data-testid="make-copy"
            onClick={() => {
              history.replaceState(null, "", location.pathname + location.search);
              store.load(store.getState().model, { readOnly: false, dirty: true });
              notify({ kind: "info", title: "This copy is yours to edit." });
            }}
          >
            Make a copy
          </button>
        </div>
      ) : null}
      <div className="workspace">
        <Palette store={store} disabled={readOnly} open={paletteOpen} onToggle={() => setPaletteOpen(!paletteOpen)} />
        <main className="centre">
          <FlowCanvas store={store} diagnostics={diagnostics} onOpenFile={(file) => void files.openFile(file)} />
          <section className={`dock${drawer ? " dock-open" : ""}`} data-testid="dock">
            <div className="dock-tabs">
              <div className="dock-tablist" role="tablist" aria-label="Problems and results">
                <DockTabButton name="problems" shown={tab} onShow={showTab}>
                  Problems {errors > 0 ? <span className="count count-error">{errors}</span> : null}
                </DockTabButton>
                <DockTabButton name="results" shown={tab} onShow={showTab}>
                  Results
                </DockTabButton>
              </div>
              <span className="toolbar-spacer" />
              <ZoomBar store={store} />
              <button
                type="button"
                className="btn btn-ghost btn-small dock-toggle"
                data-testid="dock-toggle"
                aria-expanded={drawer}
                onClick={() => setDrawer(!drawer)}
              >
                {drawer ? "Hide ▾" : "Show ▴"}
              </button>
            </div>
            <div className="dock-body" hidden={!drawer || tab !== "problems"}>
              <ValidationPanel store={store} diagnostics={diagnostics} />
            </div>
            <div className="dock-body" hidden={!drawer || tab !== "results"}>
              <ResultsPanel store={store} />
            </div>
          </section>
        </main>
        <InspectorDock store={store} />
      </div>
      {start ? <StartScreen files={files} onClose={() => setStart(false)} /> : null}
      {importingHistory && (
        <Suspense fallback={null}>
          <ImportHistoryDialog store={store} onClose={() => setImportingHistory(false)} />
        </Suspense>
      )}
      {importingIntervals && (
        <Suspense fallback={null}>
          <ImportIntervalsDialog store={store} onClose={() => setImportingIntervals(false)} />
        </Suspense>
      )}
      <Toasts />
    </div>
  );
}

// helpers

/** A tab of the dock (Problems, Results). */
function DockTabButton({
  name,
  shown,
  onShow,
  children,
}: {
  name: DockTab;
  shown: DockTab;
  onShow: (tab: DockTab) => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      role="tab"
      aria-selected={shown === name}
      className="dock-tab"
      data-testid={`dock-tab-${name}`}
      onClick={() => onShow(name)}
    >
      {children}
    </button>
  );
}
