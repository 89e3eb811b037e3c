/**
 * Calibration of a history file in a Web Worker (calibrateWorker.ts), then layout by elkjs:
 * the page stays responsive through the read, the fit and the measuring runs. Where Workers
 * do not exist, or the worker fails to start, it calibrates in place as before.
 */
import type { ColumnMap, RoleRule } from "../../calibrate";
import { layoutFlow } from "../../layout/layoutFlow";
import { type CalibrateOutcome, calibrateFile } from "./calibrateFile";

/** calibrateFile, off the main thread. */
export async function calibrateFileOffThread(
  file: File,
  columns: ColumnMap,
  map: readonly RoleRule[] = [],
  replications = 2,
): Promise<CalibrateOutcome> {
  if (typeof Worker === "undefined") return calibrateFile(file, columns, map, replications);
  const outcome = await new Promise<CalibrateOutcome | undefined>((resolve) => {
    const worker = new Worker(new URL("./calibrateWorker.ts", import.meta.url), { type: "module" });
    worker.addEventListener("message", (event: MessageEvent<CalibrateOutcome>) => {
      worker.terminate();
      resolve(event.data);
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(undefined);
    });
    worker.postMessage({ file, columns, map: [...map], replications });
  });
  if (!outcome) return calibrateFile(file, columns, map, replications);
  if (!outcome.ok) return outcome;
  const positions = await layoutFlow(outcome.model).catch(() => ({}));
  return { ...outcome, model: { ...outcome.model, layout: { ...positions } } };
}
