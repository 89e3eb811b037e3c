/**
 * A Web Worker that calibrates a history file (stream, fit, measure by simulation), so a log
 * of a million rows never blocks the page (issue 19). Answers one `{ file, source, map,
 * replications }` with progress messages (`{ progress }`, the share of the file read) and
 * then the CalibrateOutcome, without layout (the page lays the flow out with elkjs, which
 * has its own worker).
 */
import type { RoleRule } from "../../calibrate";
import { type CalibrateOutcome, calibrateFile } from "./calibrateFile";
import type { HistorySource } from "./historySource";

/** What the worker posts: progress while reading, then the outcome. */
export type CalibrateMessage = { progress: number } | CalibrateOutcome;

self.addEventListener(
  "message",
  (event: MessageEvent<{ file: File; source: HistorySource; map: RoleRule[]; replications: number }>) => {
    const { file, source, map, replications } = event.data;
    const post = (message: CalibrateMessage) => self.postMessage(message);
    calibrateFile(
      file,
      source,
      map,
      replications,
      async () => ({}),
      (share) => post({ progress: share }),
    )
      .then((outcome) => post(outcome))
      .catch((error: unknown) =>
        post({
          ok: false,
          message: `${file.name} could not be calibrated (${String(error)})`,
        }),
      );
  },
);
