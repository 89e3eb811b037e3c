/**
 * Fitting an interval report in a Web Worker (intervalsWorker.ts), then layout by elkjs.
 * Where Workers do not exist, or the worker fails to start, it fits in place.
 */
import type { IntervalColumns } from "../../../io/intervals";
import { layoutFlow } from "../../../layout/layoutFlow";
import { calibrateReportText, type IntervalOutcome } from "./calibrateReport";

/** calibrateReportText off the main thread, the flow laid out. */
export async function calibrateReportOffThread(
  text: string,
  fileName: string,
  columns: IntervalColumns,
  slaSeconds: number,
): Promise<IntervalOutcome> {
  const inPlace = () => calibrateReportText(text, fileName, columns, slaSeconds);
  let outcome: IntervalOutcome | undefined;
  if (typeof Worker === "undefined") outcome = inPlace();
  else {
    outcome = await new Promise<IntervalOutcome | undefined>((resolve) => {
      const worker = new Worker(new URL("./intervalsWorker.ts", import.meta.url), { type: "module" });
      worker.addEventListener("message", (event: MessageEvent<IntervalOutcome>) => {
        worker.terminate();
        resolve(event.data);
      });
      worker.addEventListener("error", (event) => {
        event.preventDefault();
        worker.terminate();
        resolve(undefined);
      });
      worker.postMessage({ text, fileName, columns, slaSeconds });
    });
    outcome ??= inPlace();
  }
  if (!outcome.ok) return outcome;
  const positions = await layoutFlow(outcome.model).catch(() => ({}));
  return { ...outcome, model: { ...outcome.model, layout: { ...positions } } };
}
