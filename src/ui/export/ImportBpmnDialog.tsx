/**
 * Choose (or paste) a BPMN 2.0 diagram, see what the import guessed, changed and left out,
 * then open it as a new flow (ImportDialog.tsx). The file is read in a Web Worker (readBpmn.ts).
 */
import { useState } from "react";
import type { BpmnImport } from "../../io/bpmn/fromBpmn";
import { readFailure, readFileText } from "../files/readText";
import { notify } from "../shell/toasts";
import type { DiagramSource } from "./diagramWorker";
import { type DiagramImportProps, ImportDialog, type ImportOutcome, SHOWN, useDiagramRead } from "./ImportDialog";
import { readBpmn } from "./readBpmn";

export function ImportBpmnDialog({ store, onClose }: DiagramImportProps) {
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string>();
  const { result, setResult, busy, read } = useDiagramRead(readNamed);
  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    // The worker reads and decodes the file; a small one is also shown for editing.
    setText(file.size > SHOWN_TEXT ? "" : await readFileText(file, file.name).catch(() => ""));
    await read({ file, name: file.name }, file.name);
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
    <ImportDialog
      name="bpmn"
      title="Import a BPMN 2.0 diagram"
      intro="From Camunda Modeler, bpmn.io, Signavio or a Flowcast export. Tasks become work steps, lanes teams, gateways routes; every guess and everything left out is listed before you open it."
      text={text}
      onTextChange={(value) => {
        setText(value);
        setFileName(undefined);
        setResult(undefined);
      }}
      textLabel="or paste the BPMN XML"
      placeholder={'…or paste the XML: <?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions …>'}
      busy={busy}
      outcome={result && outcomeOf(result)}
      onRead={() => read(text, fileName)}
      onOpen={openFlow}
      onClose={onClose}
    >
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
    </ImportDialog>
  );
}

// helpers

/** Longest file (bytes) also shown in the text area: a bigger one would make typing slow. */
const SHOWN_TEXT = 200_000;

/** Reads the diagram; a diagram without a name of its own takes the file's. */
async function readNamed(source: DiagramSource, fileName?: string): Promise<BpmnImport> {
  const read = await readBpmn(source);
  if (read.ok && fileName && read.model.name === "Imported BPMN diagram")
    read.model.name = fileName.replace(/\.[^.]*$/, "");
  return read;
}

function outcomeOf(result: BpmnImport): ImportOutcome {
  if (!result.ok) return { ok: false, errors: result.errors.map((e) => ({ key: e, text: e })) };
  const { model, report } = result;
  return {
    ok: true,
    heading: `${model.nodes.length} steps, ${model.edges.length} connections${
      report.exact ? ": a Flowcast export, read back exactly." : `. ${report.guessed.length} guessed fields to check:`
    }`,
    warnings: [
      ...report.notes.slice(0, SHOWN).map((note, i) => ({ key: `n${i}`, text: note })),
      ...(report.notes.length > SHOWN
        ? [{ key: "n-more", text: `… and ${report.notes.length - SHOWN} more notes like these` }]
        : []),
      ...report.unmapped.slice(0, SHOWN).map((item, i) => ({ key: `u${i}`, text: `Not imported: ${item}` })),
      ...(report.unmapped.length > SHOWN
        ? [{ key: "u-more", text: `… and ${report.unmapped.length - SHOWN} more elements not imported` }]
        : []),
    ],
    guessed: report.guessed.map((g) => ({ key: `${g.nodeId ?? g.teamId}.${g.field}`, text: g.message })),
  };
}
