/**
 * Reading an imported diagram (Mermaid, BPMN) in a Web Worker: the worker gets the text and
 * answers with the import; one that takes longer than `limitMs`, or stops, is ended and the
 * user gets `failure(message)` in words instead. Both sides are here: readDiagramInWorker on
 * the page, answerDiagramReads in the worker.
 */
export function readDiagramInWorker<T>(
  worker: Worker,
  text: string,
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
    worker.postMessage({ text });
  });
}

/**
 * The worker's side of readDiagramInWorker: answers each `{ text }` message with the
 * (structured-cloneable) import `read` gives, or with `failure(message)` when reading throws.
 */
export function answerDiagramReads<T>(read: (text: string) => Promise<T>, failure: (message: string) => T): void {
  self.addEventListener("message", (event: MessageEvent<unknown>) => {
    const data = event.data as { text?: unknown } | null;
    const text = typeof data?.text === "string" ? data.text : "";
    read(text)
      .then((result) => self.postMessage(result))
      .catch((error: unknown) => self.postMessage(failure(`the diagram could not be read (${String(error)})`)));
  });
}
