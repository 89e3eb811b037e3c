/**
 * A channel's arrival rate over a run, piecewise constant on clock hours: perHour x hourly
 * weight x weekly weight (both normalised to mean 1) x surge factor x the day's volume
 * factor. A channel with a profile per interval of the week (clock.intervalMinutes) is
 * piecewise constant on those intervals instead: perHour x the interval's weight (mean 1).
 * The engine draws arrivals from it by inverting the cumulative rate.
 */
import type { CompiledChannel } from "./compile";

/**
 * Arrival rates (per second) of a channel on absolute clock segments (hours, or the
 * profile's intervals) from the run start: segment k covers run time
 * [segmentStart(k), segmentStart(k+1)). A surge covering part of a segment scales it by its
 * time-weighted factor (the segment's volume is exact). `dayFactors[d]` scales calendar day
 * d of the run.
 */
export function arrivalRates(
  channel: CompiledChannel,
  weekOffset: number,
  horizon: number,
  dayFactors: Float64Array,
): Float64Array {
  const length = channel.segmentSeconds;
  const perWeek = 604800 / length;
  const firstSegment = Math.floor(weekOffset / length);
  const count = Math.ceil((horizon + weekOffset) / length) - firstSegment + 1;
  const rates = new Float64Array(count);
  const firstDay = Math.floor(weekOffset / 86400);
  const profile = channel.profile;
  for (let k = 0; k < count; k++) {
    const ofWeek = (firstSegment + k) % perWeek;
    const start = segmentStart(k, weekOffset, length);
    const end = segmentStart(k + 1, weekOffset, length);
    let surge = 1;
    for (const s of channel.surges) {
      const overlap = Math.min(end, s.to) - Math.max(start, s.from);
      if (overlap > 0) surge += ((s.factor - 1) * overlap) / (end - start);
    }
    const day = Math.floor(((firstSegment + k) * length) / 86400) - firstDay;
    rates[k] =
      profile !== null
        ? (channel.perHour / 3600) * profile[ofWeek]! * Math.max(0, surge) * (dayFactors[day] ?? 1)
        : (channel.perHour / 3600) *
          channel.hourly[ofWeek % 24]! *
          channel.weekly[Math.floor(ofWeek / 24)]! *
          Math.max(0, surge) *
          (dayFactors[day] ?? 1);
  }
  return rates;
}

/** Run time (seconds) at which arrival segment k starts (segment 0 starts at 0); segments last `length` seconds. */
export function segmentStart(k: number, weekOffset: number, length = 3600): number {
  if (k <= 0) return 0;
  return (Math.floor(weekOffset / length) + k) * length - weekOffset;
}
