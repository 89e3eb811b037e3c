/**
 * Choose (or paste) a BPMN 2.0 diagram, see what the import guessed, changed and left out,
 * then open it as a new flow. The current flow is kept until the user presses "Open flow".
 * The file is read in a Web Worker (readBpmn.ts).
 */
import { useRef, useState } from "react";
import type { BpmnImport } from "../../io/bpmn/fromBpmn";
import { readFailure, readFileText } from "../files/readText";
import { notify } from "../shell/toasts";
import { useFocusTrap } from "../shell/useFocusTrap";
import type { FlowStore } from "../state/store";
import { readBpmn } from "./readBpmn";

/** Items listed at most per list: a diagram of thousands of steps would otherwise list thousands. */
const SHOWN = 100;

export interface ImportBpmnDialogProps {
  store: FlowStore;
  onClose: () => void;
}

export function ImportBpmnDialog({ store, onClose }: ImportBpmnDialogProps) {
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string>();
  const [result, setResult] = useState<BpmnImport>();
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  useFocusTrap(dialog, onClose);

  const read = async (source: string, name?: string) => {
    setBusy(true);
    setResult(undefined);
    try {
      const read = await readBpmn(source);
      if (read.ok && name && read.model.name === "Imported BPMN diagram")
        read.model.name = name.replace(/\.[^.]*$/, "");
      setResult(read);
    } finally {
      setBusy(false);
    }
  };
  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    const content = await readFileText(file, file.name);
    setText(content.length > 200_000 ? "" : content);
    await read(content, file.name);
  };
  const openFlow = () => {
    if (!result?.ok) return;
    store.load(result.model, { dirty: true });
    const { guessed, unmapped, exact } = result.report;
    notify({
      kind: "info",
      title: exact
        ? `Imported "${result.model.name}" (a Flowcast export, read back exactly).`
        : `Imported "${result.model.name}": check the ${guessed.length} guessed fields${unmapped.length ? `; ${unmapped.length} BPMN elements were left out` : ""}.`,
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
        aria-labelledby="import-bpmn-title"
        data-testid="import-bpmn-dialog"
      >
        <h2 id="import-bpmn-title">Import a BPMN 2.0 diagram</h2>
        <p className="export-muted">
          From Camunda Modeler, bpmn.io, Signavio or a Flowcast export. Tasks become work steps, lanes teams, gateways
          routes; every guess and everything left out is listed before you open it.
        </p>
        <label className="export-file">
          <span>BPMN file: </span>
          <input
            type="file"
            accept=".bpmn,.bpmn2,.xml,application/xml,text/xml"
            data-testid="import-bpmn-file"
            disabled={busy}
            onChange={(e) => {
              chooseFile(e.target.files?.[0]).catch((error: unknown) =>
                setResult({ ok: false, errors: [readFailure(error, "the file")] }),
              );
            }}
          />
          {fileName && <span className="export-muted"> {fileName}</span>}
        </label>
        <textarea
          data-testid="import-bpmn-text"
          aria-label="or paste the BPMN XML"
          value={text}
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value);
            setFileName(undefined);
            setResult(undefined);
          }}
          placeholder={'…or paste the XML: <?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions …>'}
        />
        {busy && <p className="export-muted">Reading the diagram…</p>}
        {result && !result.ok && (
          <div className="export-errors" role="alert" data-testid="import-bpmn-errors">
            <strong>This diagram cannot be read:</strong>
            <ul>
              {result.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        )}
        {result?.ok && (
          <div className="export-report" data-testid="import-bpmn-report">
            <strong>
              {result.model.nodes.length} steps, {result.model.edges.length} connections
              {result.report.exact
                ? ": a Flowcast export, read back exactly."
                : `. ${result.report.guessed.length} guessed fields to check:`}
            </strong>
            <ul>
              {result.report.notes.map((note) => (
                <li key={`n${note}`} className="export-warning">
                  {note}
                </li>
              ))}
              {result.report.unmapped.slice(0, SHOWN).map((item) => (
                <li key={`u${item}`} className="export-warning">
                  Not imported: {item}
                </li>
              ))}
              {result.report.guessed.slice(0, SHOWN).map((g) => (
                <li key={`${g.nodeId ?? g.teamId}.${g.field}`}>{g.message}</li>
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
            <button type="button" className="export-primary" data-testid="import-bpmn-open" onClick={openFlow}>
              Open flow
            </button>
          ) : (
            <button
              type="button"
              className="export-primary"
              data-testid="import-bpmn-read"
              disabled={busy || !text.trim()}
              onClick={() => read(text, fileName)}
            >
              Read diagram
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
