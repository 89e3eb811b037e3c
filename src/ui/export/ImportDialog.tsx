/**
 * The dialog both diagram imports (Mermaid, BPMN) are: a title and a line of intro, the text
 * to paste (or a file to choose), then what the read gave — the errors, or the flow's size
 * with every warning and guessed field listed — and Cancel, Read diagram / Open flow. The
 * current flow is kept until the user presses "Open flow". Test ids are `import-<name>-…`.
 */
import { type ReactNode, useRef, useState } from "react";
import { useFocusTrap } from "../shell/useFocusTrap";
import type { FlowStore } from "../state/store";

/** Items listed at most per list: a diagram of thousands of steps would otherwise list thousands. */
export const SHOWN = 100;

/** What an import dialog is given: the store the flow opens into, and how to close. */
export interface DiagramImportProps {
  store: FlowStore;
  onClose: () => void;
}

/** One line of a list, with its React key. */
export interface ListedLine {
  key: string;
  text: ReactNode;
}

/** What reading the diagram gave, in words. */
export type ImportOutcome =
  | { ok: false; errors: ListedLine[] }
  | { ok: true; heading: ReactNode; warnings: ListedLine[]; guessed: ListedLine[] };

export interface ImportDialogProps {
  /** "bpmn", "mermaid": names the test ids and the title's id. */
  name: string;
  title: string;
  intro: ReactNode;
  /** Shown above the text area (a file input). */
  children?: ReactNode;
  text: string;
  onTextChange: (text: string) => void;
  textLabel?: string;
  placeholder: string;
  busy: boolean;
  outcome: ImportOutcome | undefined;
  onRead: () => void;
  onOpen: () => void;
  onClose: () => void;
}

export function ImportDialog(props: ImportDialogProps) {
  const { name, outcome, busy } = props;
  const dialog = useRef<HTMLDivElement>(null);
  useFocusTrap(dialog, props.onClose);
  return (
    <div className="export-dialog-backdrop">
      <div
        ref={dialog}
        className="export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`import-${name}-title`}
        data-testid={`import-${name}-dialog`}
      >
        <h2 id={`import-${name}-title`}>{props.title}</h2>
        <p className="export-muted">{props.intro}</p>
        {props.children}
        <textarea
          data-testid={`import-${name}-text`}
          aria-label={props.textLabel}
          value={props.text}
          spellCheck={false}
          onChange={(e) => props.onTextChange(e.target.value)}
          placeholder={props.placeholder}
        />
        {busy && <p className="export-muted">Reading the diagram…</p>}
        {outcome && !outcome.ok && (
          <div className="export-errors" role="alert" data-testid={`import-${name}-errors`}>
            <strong>This diagram cannot be read:</strong>
            <ul>{lines(outcome.errors)}</ul>
          </div>
        )}
        {outcome?.ok && (
          <div className="export-report" data-testid={`import-${name}-report`}>
            <strong>{outcome.heading}</strong>
            <ul>
              {lines(outcome.warnings, "export-warning")}
              {lines(outcome.guessed.slice(0, SHOWN))}
              {outcome.guessed.length > SHOWN && (
                <li>… and {outcome.guessed.length - SHOWN} more guessed fields like these</li>
              )}
            </ul>
          </div>
        )}
        <div className="export-dialog-actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          {outcome?.ok ? (
            <button type="button" className="export-primary" data-testid={`import-${name}-open`} onClick={props.onOpen}>
              Open flow
            </button>
          ) : (
            <button
              type="button"
              className="export-primary"
              data-testid={`import-${name}-read`}
              disabled={busy || !props.text.trim()}
              onClick={props.onRead}
            >
              Read diagram
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

/**
 * The read behind an import dialog: `read(...)` clears the last result, marks the dialog busy
 * while `reader` runs (in a worker), then keeps what it gave.
 */
export function useDiagramRead<A extends unknown[], R>(reader: (...args: A) => Promise<R>) {
  const [result, setResult] = useState<R>();
  const [busy, setBusy] = useState(false);
  const read = async (...args: A) => {
    setBusy(true);
    setResult(undefined);
    try {
      setResult(await reader(...args));
    } finally {
      setBusy(false);
    }
  };
  return { result, setResult, busy, read };
}

// helpers

function lines(listed: ListedLine[], className?: string): ReactNode {
  return listed.map((line) => (
    <li key={line.key} className={className}>
      {line.text}
    </li>
  ));
}
