/**
 * elkjs in a browser Web Worker: elk-api on the main thread talks to elk-worker.min.js,
 * which Vite ships as a separate asset, so a layout never blocks the page.
 */
import ELK from "elkjs/lib/elk-api";
import workerUrl from "elkjs/lib/elk-worker.min.js?url";

/** An elk instance whose layouts run in a dedicated worker. */
export function createWorkerElk(): InstanceType<typeof ELK> {
  return new ELK({ workerUrl });
}
