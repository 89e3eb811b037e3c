/**
 * Opening and saving flow files in the browser: read a picked or dropped `.json` through the
 * flowcast/v1 parser (a bad file gives diagnostics, never a half-loaded flow), and save with
 * the File System Access save picker where the browser has one, else as a download.
 */
import { type Model, serializeModel } from "../../model";
import { parseFlowOffThread } from "./offThread";
import { readFailure, readFileText } from "./readText";

export type OpenResult =
  | { ok: true; model: Model; fileName: string }
  | { ok: false; fileName: string; problems: string[]; text?: string };

/** Reads and decodes a flow file; problems are one line each, naming the place. */
export async function readFlowFile(file: File): Promise<OpenResult> {
  let text: string;
  try {
    text = await readFileText(file, file.name);
  } catch (error) {
    return { ok: false, fileName: file.name, problems: [readFailure(error, "the file")] };
  }
  const parsed = await parseFlowOffThread(text);
  if (!parsed.ok) return { ok: false, fileName: file.name, problems: parsed.problems, text };
  return { ok: true, model: parsed.model, fileName: file.name };
}

/**
 * Saves `model` as JSON. Returns the file name written, or undefined when the user cancelled
 * the picker.
 */
export async function saveFlowFile(model: Model, fileName?: string): Promise<string | undefined> {
  const text = serializeModel(model);
  const suggested = fileName ?? `${slug(model.name)}.json`;
  const picker = (window as unknown as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
  // Automated browsers cannot answer a native dialog: they get the download.
  if (picker && !navigator.webdriver) {
    try {
      const handle = await picker({
        suggestedName: suggested,
        types: [{ description: "Flowcast flow", accept: { "application/json": [".json"] } }],
      });
      const writable = await handle.createWritable();
      await writable.write(text);
      await writable.close();
      return handle.name;
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return undefined;
      // Any other failure (no permission, sandboxed frame): fall back to a download.
    }
  }
  download(text, suggested);
  return suggested;
}

// helpers

type SavePicker = (options: unknown) => Promise<{
  name: string;
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
}>;

/** Offers `text` as a download named `fileName` (e.g. a refused flow, to keep or inspect). */
export function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  anchor.dataset.testid = "save-anchor";
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "flow"
  );
}
