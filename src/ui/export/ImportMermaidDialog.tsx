/**
 * Paste a Mermaid flowchart, see what the import guessed (or where the text is wrong), then
 * open it as a new flow. The current flow is kept until the user presses "Open flow". The
 * text is read in a Web Worker (readMermaid.ts).
 */
import { useRef, useState } from "react";
import type { MermaidImport } from "../../io/mermaid/fromMermaid";
import { notify } from "../shell/toasts";
import { useFocusTrap } from "../shell/useFocusTrap";
import type { FlowStore } from "../state/store";
import { readMermaid } from "./readMermaid";

/** Guesses listed at most: a diagram of thousands of steps would otherwise list thousands. */
const SHOWN = 100;

export interface ImportMermaidDialogProps {
  store: FlowStore;
  onClose: () => void;
}

export function ImportMermaidDialog({ store, onClose }: ImportMermaidDialogProps) {
  const [text, setText] = useState("");
  const [result, setResult] = useState<MermaidImport>();
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  useFocusTrap(dialog, onClose);

  const read = async () => {
    setBusy(true);
    try {
      // Off the main thread: a huge or hostile paste must not freeze the page.
      setResult(await readMermaid(text));
    } finally {
      setBusy(false);
    }
  };
  const openFlow = () => {
    if (!result?.ok) return;
    store.load(result.model, { dirty: true });
    notify({
      kind: "info",
      title: `Imported "${result.model.name}": check the ${result.report.guessed.length} guessed fields.`,
    });
    onClose();
  };

  return (
    <div className="export-dialog-backdrop">
      <div
        ref={dialog}
        className="export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-mermaid-title"
        data-testid="import-mermaid-dialog"
      >
        <h2 id="import-mermaid-title">Import a Mermaid flowchart</h2>
        <p className="export-muted">
          Paste a <code>flowchart</code> or <code>graph</code> diagram. Boxes become steps; every field Flowcast has to
          guess is listed before you open it.
        </p>
        <textarea
          data-testid="import-mermaid-text"
          value={text}
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value);
            setResult(undefined);
          }}
          placeholder={
            "graph TD\n  A[Customer writes in] --> B{Self-service?}\n  B -->|Yes| C[Closed]\n  B -->|No| D[Agent answers]"
          }
        />
        {result && !result.ok && (
          <div className="export-errors" role="alert" data-testid="import-mermaid-errors">
            <strong>This diagram cannot be read:</strong>
            <ul>
              {result.errors.map((e) => (
                <li key={`${e.line}:${e.column}:${e.message}`}>
                  line {e.line}, column {e.column}: {e.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {result?.ok && (
          <div className="export-report" data-testid="import-mermaid-report">
            <strong>
              {result.model.nodes.length} steps, {result.model.edges.length} connections. {result.report.guessed.length}{" "}
              guessed fields to check:
            </strong>
            <ul>
              {result.report.warnings.map((w) => (
                <li key={`w${w.line}${w.message}`} className="export-warning">
                  line {w.line}: {w.message}
                </li>
              ))}
              {result.report.guessed.slice(0, SHOWN).map((g) => (
                <li key={`${g.nodeId}.${g.field}`}>{g.message}</li>
              ))}
              {result.report.guessed.length > SHOWN && (
                <li>… and {result.report.guessed.length - SHOWN} more guessed fields like these</li>
              )}
            </ul>
          </div>
        )}
        <div className="export-dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          {result?.ok ? (
            <button type="button" className="export-primary" data-testid="import-mermaid-open" onClick={openFlow}>
              Open flow
            </button>
          ) : (
            <button
              type="button"
              className="export-primary"
              data-testid="import-mermaid-read"
              disabled={busy || !text.trim()}
              onClick={read}
            >
              Read diagram
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
