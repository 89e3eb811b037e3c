/**
 * The toolbar's export menu: PNG (1x, 2x) and SVG of the whole flow, Mermaid, the runbook
 * (Markdown, or the printable page), a share link, and Mermaid import (paste, see what was
 * guessed, then open). Nothing here changes the current flow until the user opens an import.
 */
import { useEffect, useRef, useState } from "react";
import { notify } from "../shell/toasts";
import { type FlowStore, useFlowState } from "../state/store";
import {
  downloadMermaid,
  downloadPng,
  downloadRunbookMarkdown,
  downloadSvg,
  openPrintableRunbook,
  shareLinkOf,
} from "./exportActions";
import { ImportMermaidDialog } from "./ImportMermaidDialog";
import "./export.css";

export interface ExportMenuProps {
  store: FlowStore;
}

/** Toolbar button that opens the export and import actions for the flow in `store`. */
export function ExportMenu({ store }: ExportMenuProps) {
  const model = useFlowState(store, (s) => s.model);
  const lastRun = useFlowState(store, (s) => s.lastRun);
  const [open, setOpen] = useState(false);
  const [withLoad, setWithLoad] = useState(false);
  const [shareLink, setShareLink] = useState<string>();
  const [importing, setImporting] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as globalThis.Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  const load = withLoad ? lastRun : undefined;
  const act = (name: string, action: () => Promise<unknown> | unknown) => async () => {
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
    const link = await shareLinkOf(model);
    setShareLink(link);
    try {
      await navigator.clipboard.writeText(link);
      notify({ kind: "info", title: "Share link copied: it carries the whole flow; no server sees it." });
    } catch {
      notify({ kind: "info", title: "Share link ready: copy it from the export menu." });
    }
  });

  return (
    <div className="export-menu" ref={root}>
      <button
        type="button"
        data-testid="export-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Export ▾
      </button>
      {open && (
        <div className="export-popup" role="menu">
          <div className="export-group">Picture of the whole flow</div>
          <button
            type="button"
            role="menuitem"
            data-testid="export-png-1x"
            onClick={act("export PNG", () => downloadPng(model, 1, load))}
          >
            PNG (1x)
          </button>
          <button
            type="button"
            role="menuitem"
            data-testid="export-png-2x"
            onClick={act("export PNG", () => downloadPng(model, 2, load))}
          >
            PNG (2x, sharp)
          </button>
          <button
            type="button"
            role="menuitem"
            data-testid="export-svg"
            onClick={act("export SVG", () => downloadSvg(model, load))}
          >
            SVG
          </button>
          <label className="export-check" title={lastRun ? "" : "Run a simulation first"}>
            <input
              type="checkbox"
              data-testid="export-with-load"
              disabled={!lastRun}
              checked={withLoad && !!lastRun}
              onChange={(e) => setWithLoad(e.target.checked)}
            />
            Colour by the last run's load
          </label>
          <div className="export-group">For trainers and other tools</div>
          <button
            type="button"
            role="menuitem"
            data-testid="export-mermaid"
            onClick={act("export Mermaid", () => downloadMermaid(model))}
          >
            Mermaid flowchart
          </button>
          <button
            type="button"
            role="menuitem"
            data-testid="export-runbook-md"
            onClick={act("export the runbook", () => downloadRunbookMarkdown(model))}
          >
            Runbook (Markdown)
          </button>
          <button
            type="button"
            role="menuitem"
            data-testid="export-runbook-print"
            onClick={act("open the runbook", () => openPrintableRunbook(model))}
          >
            Print runbook…
          </button>
          <div className="export-group">Share and import</div>
          <button type="button" role="menuitem" data-testid="export-share" onClick={copyShare}>
            Copy share link
          </button>
          {shareLink && (
            <input
              className="export-share-link"
              data-testid="share-link"
              readOnly
              value={shareLink}
              onFocus={(e) => e.target.select()}
              aria-label="Share link"
            />
          )}
          <button
            type="button"
            role="menuitem"
            data-testid="import-mermaid"
            disabled={store.getState().readOnly}
            onClick={() => {
              setImporting(true);
              setOpen(false);
            }}
          >
            Import Mermaid…
          </button>
        </div>
      )}
      {importing && <ImportMermaidDialog store={store} onClose={() => setImporting(false)} />}
    </div>
  );
}
