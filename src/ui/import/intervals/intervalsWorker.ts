/**
 * A Web Worker that fits an interval report and measures the flow by simulation, so a year
 * of 15-minute intervals over several channels never blocks the page. Answers one
 * `{ text, fileName, columns, slaSeconds }` with the IntervalOutcome.
 */
import type { IntervalColumns } from "../../../io/intervals";
import { calibrateReportText, type IntervalOutcome } from "./calibrateReport";

self.addEventListener(
  "message",
  (event: MessageEvent<{ text: string; fileName: string; columns: IntervalColumns; slaSeconds: number }>) => {
    const { text, fileName, columns, slaSeconds } = event.data;
    let outcome: IntervalOutcome;
    try {
      outcome = calibrateReportText(text, fileName, columns, slaSeconds);
    } catch (error) {
      outcome = { ok: false, message: `${fileName} could not be calibrated (${String(error)})` };
    }
    self.postMessage(outcome);
  },
);
