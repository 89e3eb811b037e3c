/**
 * Paste a Mermaid flowchart, see what the import guessed (or where the text is wrong), then
 * open it as a new flow (ImportDialog.tsx). The text is read in a Web Worker (readMermaid.ts).
 */
import { useState } from "react";
import type { MermaidImport } from "../../io/mermaid/fromMermaid";
import { notify } from "../shell/toasts";
import { type DiagramImportProps, ImportDialog, type ImportOutcome, useDiagramRead } from "./ImportDialog";
import { readMermaid } from "./readMermaid";

export function ImportMermaidDialog({ store, onClose }: DiagramImportProps) {
  const [text, setText] = useState("");
  // Off the main thread: a huge or hostile paste must not freeze the page.
  const { result, setResult, busy, read } = useDiagramRead(readMermaid);
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
    <ImportDialog
      name="mermaid"
      title="Import a Mermaid flowchart"
      intro={
        <>
          Paste a <code>flowchart</code> or <code>graph</code> diagram. Boxes become steps; every field Flowcast has to
          guess is listed before you open it.
        </>
      }
      text={text}
      onTextChange={(value) => {
        setText(value);
        setResult(undefined);
      }}
      placeholder={
        "graph TD\n  A[Customer writes in] --> B{Self-service?}\n  B -->|Yes| C[Closed]\n  B -->|No| D[Agent answers]"
      }
      busy={busy}
      outcome={result && outcomeOf(result)}
      onRead={() => read(text)}
      onOpen={openFlow}
      onClose={onClose}
    />
  );
}

// helpers

function outcomeOf(result: MermaidImport): ImportOutcome {
  if (!result.ok) {
    return {
      ok: false,
      errors: result.errors.map((e) => ({
        key: `${e.line}:${e.column}:${e.message}`,
        text: `line ${e.line}, column ${e.column}: ${e.message}`,
      })),
    };
  }
  const { model, report } = result;
  return {
    ok: true,
    heading: `${model.nodes.length} steps, ${model.edges.length} connections. ${report.guessed.length} guessed fields to check:`,
    warnings: report.warnings.map((w) => ({ key: `w${w.line}${w.message}`, text: `line ${w.line}: ${w.message}` })),
    guessed: report.guessed.map((g) => ({ key: `${g.nodeId}.${g.field}`, text: g.message })),
  };
}
