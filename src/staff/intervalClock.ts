/** The planning interval every per-interval computation reads from the flow's clock. */
import { produce } from "immer";
import type { Model } from "../model";

/** The flow with interval figures switched on (clock.intervalMinutes written out). */
export function withIntervals(model: Model): Model {
  if (model.clock.intervalMinutes !== undefined) return model;
  return produce(model, (draft) => {
    draft.clock.intervalMinutes = 60;
  });
}
