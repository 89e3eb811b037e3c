/**
 * The toolbar's export menu: PNG (1x, 2x) and SVG of the whole flow, Mermaid, BPMN, the
 * simulated event log of one run (CSV), the runbook (Markdown, or the printable page), a
 * share link, and the Mermaid and BPMN imports (read, see what was guessed, then open). Nothing here changes the current flow until the user opens an import.
 */
import {
  lazy,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
  Suspense,
  useEffect,
  useRef,
  useState,
} from "react";
import { notify } from "../shell/toasts";
import { type FlowStore, useFlowState } from "../state/store";

// The exporters (SVG renderer, runbooks, Mermaid, share links) and the import dialog are
// fetched when the menu first opens, not with the page: the canvas needs none of them.
let exportActions: Promise<typeof import("./exportActions")> | undefined;
function loadExportActions(): Promise<typeof import("./exportActions")> {
  exportActions ??= import("./exportActions");
  return exportActions;
}
const ImportBpmnDialog = lazy(() => import("./ImportBpmnDialog").then((m) => ({ default: m.ImportBpmnDialog })));
const ImportMermaidDialog = lazy(() =>
  import("./ImportMermaidDialog").then((m) => ({ default: m.ImportMermaidDialog })),
);

import "./export.css";

export interface ExportMenuProps {
  store: FlowStore;
}

/** The diagrams the menu imports, and their menu items. */
type DiagramFormat = "mermaid" | "bpmn";
const IMPORTS: readonly [DiagramFormat, string][] = [
  ["mermaid", "Import Mermaid…"],
  ["bpmn", "Import BPMN…"],
];

/** Toolbar button that opens the export and import actions for the flow in `store`. */
export function ExportMenu({ store }: ExportMenuProps) {
  const model = useFlowState(store, (s) => s.model);
  const lastRun = useFlowState(store, (s) => s.lastRun);
  const readOnly = useFlowState(store, (s) => s.readOnly);
  const [open, setOpen] = useState(false);
  const [withLoad, setWithLoad] = useState(false);
  const [shareLink, setShareLink] = useState<string>();
  const [importing, setImporting] = useState<DiagramFormat>();
  const root = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // Closes on a press anywhere else. Capture phase: the canvas stops mousedown from bubbling.
  useEffect(() => {
    if (!open && !shareLink) return;
    const close = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as globalThis.Node)) {
        setOpen(false);
        setShareLink(undefined);
      }
    };
    document.addEventListener("pointerdown", close, true);
    return () => document.removeEventListener("pointerdown", close, true);
  }, [open, shareLink]);

  // The first item takes focus when the menu opens (WAI-ARIA menu button pattern).
  useEffect(() => {
    if (!open) return;
    items(menu.current)[0]?.focus();
    loadExportActions().catch(() => {}); // a failure is reported by the action that needs them
  }, [open]);

  const closeMenu = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const onMenuKey = (event: ReactKeyboardEvent) => {
    const list = items(menu.current);
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      closeMenu(true);
    } else if (event.key === "ArrowDown") move(at + 1);
    else if (event.key === "ArrowUp") move(at - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(list.length - 1);
    else if (event.key === "Tab") closeMenu(false);
  };

  const load = withLoad ? lastRun : undefined;
  const act = (name: string, action: () => Promise<unknown> | unknown) => async () => {
    closeMenu(true);
    try {
      await action();
    } catch (error) {
      notify({
        kind: "error",
        title: `Could not ${name}`,
        details: [error instanceof Error ? error.message : String(error)],
      });
    }
  };
  const copyShare = act("make a share link", async () => {
    const link = await (await loadExportActions()).shareLinkOf(model);
    setShareLink(link);
    try {
      await navigator.clipboard.writeText(link);
      notify({ kind: "info", title: "Share link copied: it carries the whole flow; no server sees it." });
    } catch {
      notify({ kind: "info", title: "Share link ready: copy it from the box under Export." });
    }
  });

  return (
    <div className="export-menu" ref={root}>
      <button
        ref={button}
        type="button"
        data-testid="export-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? "export-popup" : undefined}
        onClick={() => {
          setShareLink(undefined);
          setOpen(!open);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        Export ▾
      </button>
      {open && (
        <div
          ref={menu}
          id="export-popup"
          className="export-popup"
          role="menu"
          aria-label="Export and share"
          data-testid="export-popup"
          onKeyDown={onMenuKey}
        >
          <MenuGroup name="picture" title="Picture of the whole flow">
            <MenuItem
              testId="export-png-1x"
              onClick={act("export PNG", () => loadExportActions().then((x) => x.downloadPng(model, 1, load)))}
            >
              PNG (1x)
            </MenuItem>
            <MenuItem
              testId="export-png-2x"
              onClick={act("export PNG", () => loadExportActions().then((x) => x.downloadPng(model, 2, load)))}
            >
              PNG (2x, sharp)
            </MenuItem>
            <MenuItem
              testId="export-svg"
              onClick={act("export SVG", () => loadExportActions().then((x) => x.downloadSvg(model, load)))}
            >
              SVG
            </MenuItem>
            <button
              type="button"
              role="menuitemcheckbox"
              tabIndex={-1}
              className="export-check"
              data-testid="export-with-load"
              aria-checked={withLoad && !!lastRun}
              aria-disabled={!lastRun}
              title={lastRun ? undefined : "Run a simulation first"}
              onClick={() => {
                if (lastRun) setWithLoad(!withLoad);
              }}
            >
              <span aria-hidden="true">{withLoad && lastRun ? "☑" : "☐"}</span> Colour by the last run's load
            </button>
          </MenuGroup>
          <MenuGroup name="trainers" title="For trainers and other tools">
            <MenuItem
              testId="export-mermaid"
              onClick={act("export Mermaid", () => loadExportActions().then((x) => x.downloadMermaid(model)))}
            >
              Mermaid flowchart
            </MenuItem>
            <MenuItem
              testId="export-bpmn"
              onClick={act("export BPMN", () => loadExportActions().then((x) => x.downloadBpmn(model)))}
            >
              BPMN 2.0 (Camunda, bpmn.io)
            </MenuItem>
            <MenuItem
              testId="export-event-log"
              onClick={act("export the event log", () =>
                import("../import/exportEventLog").then((m) => m.downloadEventLog(model)),
              )}
            >
              Event log of one run (CSV)
            </MenuItem>
            <MenuItem
              testId="export-runbook-md"
              onClick={act("export the runbook", () =>
                loadExportActions().then((x) => x.downloadRunbookMarkdown(model)),
              )}
            >
              Runbook (Markdown)
            </MenuItem>
            <MenuItem
              testId="export-runbook-print"
              onClick={act("open the runbook", () => loadExportActions().then((x) => x.openPrintableRunbook(model)))}
            >
              Print runbook…
            </MenuItem>
          </MenuGroup>
          <MenuGroup name="share" title="Share and import">
            <MenuItem testId="export-share" onClick={copyShare}>
              Copy share link
            </MenuItem>
            {IMPORTS.map(([format, text]) => (
              <MenuItem
                key={format}
                testId={`import-${format}`}
                disabled={readOnly}
                onClick={() => {
                  closeMenu(false);
                  setImporting(format);
                }}
              >
                {text}
              </MenuItem>
            ))}
          </MenuGroup>
        </div>
      )}
      {shareLink && !open ? (
        // biome-ignore lint/a11y/useSemanticElements: a small popover, not a form section
        <div className="export-popup export-share" role="group" aria-label="Share link" data-testid="share-box">
          <label className="export-group" htmlFor="export-share-link">
            Share link (copied)
          </label>
          <input
            id="export-share-link"
            className="export-share-link"
            data-testid="share-link"
            readOnly
            value={shareLink}
            onFocus={(e) => e.target.select()}
            onKeyDown={(e) => {
              if (e.key === "Escape") setShareLink(undefined);
            }}
          />
          <button type="button" onClick={() => setShareLink(undefined)}>
            Close
          </button>
        </div>
      ) : null}
      {importing && (
        <Suspense fallback={null}>
          {importing === "bpmn" ? (
            <ImportBpmnDialog store={store} onClose={() => setImporting(undefined)} />
          ) : (
            <ImportMermaidDialog store={store} onClose={() => setImporting(undefined)} />
          )}
        </Suspense>
      )}
    </div>
  );
}

// helpers

function MenuItem({
  testId,
  onClick,
  disabled,
  children,
}: {
  testId: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      data-testid={testId}
      disabled={disabled}
      aria-disabled={disabled || undefined}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

function items(menu: HTMLElement | null): HTMLElement[] {
  if (!menu) return [];
  return [...menu.querySelectorAll<HTMLElement>('[role^="menuitem"]')].filter(
    (el) => !(el as HTMLButtonElement).disabled,
  );
}

/** A titled group of the menu's items (WAI-ARIA: role=group labelled by its title). */
function MenuGroup({ name, title, children }: { name: string; title: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a WAI-ARIA menu groups its items with role=group
    <div role="group" aria-labelledby={`export-group-${name}`}>
      <div className="export-group" id={`export-group-${name}`} role="presentation">
        {title}
      </div>
      {children}
    </div>
  );
}
