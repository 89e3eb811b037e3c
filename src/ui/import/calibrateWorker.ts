/**
 * A Web Worker that calibrates a history file (stream, fit, measure by simulation), so a log
 * of a million rows never blocks the page (issue 19). Answers one `{ file, columns, map,
 * replications }` with the CalibrateOutcome, without layout (the page lays the flow out with
 * elkjs, which has its own worker).
 */
import type { ColumnMap, RoleRule } from "../../calibrate";
import { type CalibrateOutcome, calibrateFile } from "./calibrateFile";

self.addEventListener(
  "message",
  (event: MessageEvent<{ file: File; columns: ColumnMap; map: RoleRule[]; replications: number }>) => {
    const { file, columns, map, replications } = event.data;
    calibrateFile(file, columns, map, replications, async () => ({}))
      .then((outcome) => self.postMessage(outcome satisfies CalibrateOutcome))
      .catch((error: unknown) =>
        self.postMessage({
          ok: false,
          message: `${file.name} could not be calibrated (${String(error)})`,
        } satisfies CalibrateOutcome),
      );
  },
);
