/**
 * A whole staffing request, as the CLI and the app make it: search the plan, draw the
 * per-hour curve of every scheduled team (and check it once by simulation), and build the
 * `flowcast-staffing/v1` document.
 */
import { produce } from "immer";
import type { Model } from "../model";
import { curveScenario, curveSchedule, type StaffingCurve, staffingCurve } from "./curve";
import { type StaffingDocument, staffingDocument } from "./document";
import { isScheduled } from "./plan";
import { type Evaluate, findStaffing, type StaffingOptions } from "./search";
import { judgeTarget } from "./targets";
import { solveVisits } from "./traffic";

/** Wall clock in milliseconds (performance.now in browsers and Node). */
export type Clock = () => number;

/** Searches the staffing and documents it. Rejects like findStaffing. */
export async function staffFlow(
  model: Model,
  options: StaffingOptions,
  evaluate: Evaluate,
  now: Clock = () => performance.now(),
): Promise<StaffingDocument> {
  const started = now();
  const answer = await findStaffing(model, options, evaluate);
  const curves: Record<string, StaffingCurve> = {};
  const scheduled = answer.teams.filter((id) => {
    const team = model.teams.find((t) => t.id === id);
    return team !== undefined && isScheduled(team);
  });
  if (scheduled.length > 0) {
    const visits = solveVisits(model, answer.current.results);
    for (const id of scheduled) {
      const curve = staffingCurve(model, visits, id, answer.targets);
      {
        const shifts = curveSchedule(curve.agents);
        const byCurve = produce(model, (draft) => {
          for (const team of draft.teams) if (team.id === id) team.schedule = shifts.length > 0 ? shifts : undefined;
        });
        const results = await evaluate(
          byCurve,
          { seed: options.seed ?? 1, replications: options.replications ?? 10, horizonSeconds: options.horizonSeconds },
          options.signal,
        );
        curve.met = answer.targets.every((t) => judgeTarget(results, t, options.confidence).met);
        if (shifts.length > 0) curve.scenario = curveScenario(model, id, curve.agents);
      }
      curves[id] = curve;
    }
  }
  return staffingDocument(model, answer, {
    confidence: options.confidence ?? "ci95",
    wallSeconds: (now() - started) / 1000,
    curves,
  });
}
