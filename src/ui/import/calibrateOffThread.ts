/**
 * Calibration of a history file in a Web Worker (calibrateWorker.ts), then layout by elkjs:
 * the page stays responsive through the read, the fit and the measuring runs, and hears the
 * share of the file read. Where Workers do not exist, or the worker fails to start, it
 * calibrates in place as before.
 */
import type { RoleRule } from "../../calibrate";
import { layoutFlow } from "../../layout/layoutFlow";
import { type CalibrateOutcome, calibrateFile } from "./calibrateFile";
import type { CalibrateMessage } from "./calibrateWorker";
import type { HistorySource } from "./historySource";

/** calibrateFile, off the main thread; `onShare` hears the share of the file read. */
export async function calibrateFileOffThread(
  file: File,
  source: HistorySource,
  map: readonly RoleRule[] = [],
  replications = 2,
  onShare: (share: number) => void = () => {},
): Promise<CalibrateOutcome> {
  if (typeof Worker === "undefined") return calibrateFile(file, source, map, replications, undefined, onShare);
  const outcome = await new Promise<CalibrateOutcome | undefined>((resolve) => {
    const worker = new Worker(new URL("./calibrateWorker.ts", import.meta.url), { type: "module" });
    worker.addEventListener("message", (event: MessageEvent<CalibrateMessage>) => {
      if ("progress" in event.data) {
        onShare(event.data.progress);
        return;
      }
      worker.terminate();
      resolve(event.data);
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(undefined);
    });
    worker.postMessage({ file, source, map: [...map], replications });
  });
  if (!outcome) return calibrateFile(file, source, map, replications, undefined, onShare);
  if (!outcome.ok) return outcome;
  const positions = await layoutFlow(outcome.model).catch(() => ({}));
  return { ...outcome, model: { ...outcome.model, layout: { ...positions } } };
}
