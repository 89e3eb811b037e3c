/**
 * Reading an imported diagram (Mermaid, BPMN) in a Web Worker: the worker gets the text, or
 * the chosen file itself, and answers with the import; one that takes longer than `limitMs`,
 * or stops, is ended and the user gets `failure(message)` in words instead. Both sides are
 * here: readDiagramInWorker on the page, answerDiagramReads in the worker.
 *
 * A file is handed over as the File (a reference, not a copy) and read and decoded in the
 * worker, so a file of many megabytes never passes through the page's main thread as text.
 */
import { decodeText, TextInputError } from "../../io/text";

/** What the worker reads: pasted text, or a chosen file with its name for messages. */
export type DiagramSource = string | { file: Blob; name: string };

export function readDiagramInWorker<T>(
  worker: Worker,
  source: DiagramSource,
  limitMs: number,
  failure: (message: string) => T,
): Promise<T> {
  return new Promise((resolve) => {
    const finish = (result: T) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish(failure(`reading the diagram took longer than ${limitMs / 1000} s and was stopped`)),
      limitMs,
    );
    worker.addEventListener("message", (event: MessageEvent<T>) => finish(event.data));
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      finish(failure(`the diagram could not be read (${event.message || "the reader stopped"})`));
    });
    worker.postMessage(typeof source === "string" ? { text: source } : source);
  });
}

/**
 * The worker's side of readDiagramInWorker: answers each `{ text }` or `{ file, name }`
 * message with the (structured-cloneable) import `read` gives, or with `failure(message)`
 * when the file is not text or reading throws.
 */
export function answerDiagramReads<T>(read: (text: string) => Promise<T>, failure: (message: string) => T): void {
  self.addEventListener("message", (event: MessageEvent<unknown>) => {
    readSource(event.data as MessageData | null, read, failure).then(
      (result) => self.postMessage(result),
      (error: unknown) => self.postMessage(failure(`the diagram could not be read (${String(error)})`)),
    );
  });
}

/**
 * Reads `source` with `read` in this thread: a file is decoded first (UTF-8 or UTF-16; binary
 * data and invalid bytes refused in the decoder's words, naming the file).
 */
export async function readDiagramSource<T>(
  source: DiagramSource,
  read: (text: string) => Promise<T>,
  failure: (message: string) => T,
): Promise<T> {
  return readSource(typeof source === "string" ? { text: source } : source, read, failure);
}

// helpers

interface MessageData {
  text?: unknown;
  file?: unknown;
  name?: unknown;
}

async function readSource<T>(
  data: MessageData | null,
  read: (text: string) => Promise<T>,
  failure: (message: string) => T,
): Promise<T> {
  if (!(data?.file instanceof Blob)) return read(typeof data?.text === "string" ? data.text : "");
  const name = typeof data.name === "string" && data.name ? data.name : "the file";
  let text: string;
  try {
    text = decodeText(new Uint8Array(await data.file.arrayBuffer()), name).text;
  } catch (error) {
    if (error instanceof TextInputError) return failure(error.message);
    return failure(`${name} could not be read`);
  }
  return read(text);
}
