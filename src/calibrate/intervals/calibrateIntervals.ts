/** Fits one queue per channel of an interval report and builds the flow from the fits. */
import { type IntervalReport, IntervalReportError } from "../../io/intervals";
import type { ModelFile } from "../../model/schema";
import { buildIntervalFlow, type FlowIds, flowIds } from "./buildFlow";
import { fitQueue, type QueueFit } from "./fitQueue";
import { type WeekProfile, weekProfile } from "./weekProfile";

export interface IntervalCalibration {
  model: ModelFile;
  profile: WeekProfile;
  channels: { name: string; ids: FlowIds; fit: QueueFit }[];
  slaSeconds: number;
  warnings: string[];
}

/** Answer SLA of the queues when none is given, seconds (80/20 is the contact-centre default). */
export const DEFAULT_SLA_SECONDS = 20;

/** Fits one queue per channel of the report and builds the flow. */
export function calibrateIntervals(
  report: IntervalReport,
  options: { name: string; slaSeconds?: number },
): IntervalCalibration {
  const slaSeconds = options.slaSeconds ?? DEFAULT_SLA_SECONDS;
  const profile = weekProfile(report);
  const warnings = [...report.warnings, ...profile.warnings];
  const hasAbandonment = report.has.abandoned || report.has.answered;
  const fitted = report.channels.flatMap((name) => {
    const sums = profile.sums.get(name)!;
    if (!sums.offered.some((n) => n > 0)) {
      warnings.push(`channel "${name}" has no contacts offered on the days that count; it is left out`);
      return [];
    }
    const fit = fitQueue({
      sums,
      daysPerWeekday: profile.daysPerWeekday,
      intervalMinutes: report.intervalMinutes,
      slaSeconds,
      hasAbandonment,
    });
    return [{ name, fit }];
  });
  if (fitted.length === 0) throw new IntervalReportError("the report offers no contacts on the days that count");
  if (!report.has.aht) warnings.push("the report has no AHT column (--aht): a handle time of 5 minutes is assumed");
  if (fitted.some((f) => f.fit.agentsBasis === "assumed"))
    warnings.push(
      `agents per interval are not known (the report gives neither ASA nor service level): the flow is staffed with the fewest agents answering 80% within ${slaSeconds} s`,
    );
  if (!hasAbandonment)
    warnings.push("the report gives neither answered nor abandoned, so patience is not estimated: nobody hangs up");
  const ids = flowIds(fitted.map((f) => f.name));
  const model = buildIntervalFlow(fitted, {
    name: options.name,
    intervalMinutes: report.intervalMinutes,
    slaSeconds,
    mondayDate: mondayOnOrBefore(profile.from),
  });
  return {
    model,
    profile,
    channels: fitted.map((f, i) => ({ ...f, ids: ids[i]! })),
    slaSeconds,
    warnings,
  };
}

// helpers

function mondayOnOrBefore(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  return new Date(ms - weekday * 86_400_000).toISOString().slice(0, 10);
}
