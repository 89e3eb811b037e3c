/**
 * A channel's arrival rate over a run, piecewise constant on clock hours: perHour x hourly
 * weight x weekly weight (both normalised to mean 1) x surge factor x the day's volume
 * factor. The engine draws arrivals from it by inverting the cumulative rate.
 */
import type { CompiledChannel } from "./compile";

/**
 * Hourly arrival rates (per second) of a channel on absolute clock hours from the run
 * start: segment k covers run time [segmentStart(k), segmentStart(k+1)). A surge covering
 * part of an hour scales that hour by its time-weighted factor (the hour's volume is exact).
 * `dayFactors[d]` scales calendar day d of the run.
 */
export function arrivalRates(
  channel: CompiledChannel,
  weekOffset: number,
  horizon: number,
  dayFactors: Float64Array,
): Float64Array {
  const firstHour = Math.floor(weekOffset / 3600);
  const count = Math.ceil((horizon + weekOffset) / 3600) - firstHour + 1;
  const rates = new Float64Array(count);
  const firstDay = Math.floor(weekOffset / 86400);
  for (let k = 0; k < count; k++) {
    const hourOfWeek = (firstHour + k) % 168;
    const start = segmentStart(k, weekOffset);
    const end = segmentStart(k + 1, weekOffset);
    let surge = 1;
    for (const s of channel.surges) {
      const overlap = Math.min(end, s.to) - Math.max(start, s.from);
      if (overlap > 0) surge += ((s.factor - 1) * overlap) / (end - start);
    }
    const day = Math.floor((firstHour + k) / 24) - firstDay;
    rates[k] =
      (channel.perHour / 3600) *
      channel.hourly[hourOfWeek % 24]! *
      channel.weekly[Math.floor(hourOfWeek / 24)]! *
      Math.max(0, surge) *
      (dayFactors[day] ?? 1);
  }
  return rates;
}

/** Run time (seconds) at which arrival segment k starts (segment 0 starts at 0). */
export function segmentStart(k: number, weekOffset: number): number {
  if (k <= 0) return 0;
  return (Math.floor(weekOffset / 3600) + k) * 3600 - weekOffset;
}
