/**
 * The flow's own calendar, without `Date`: "YYYY-MM-DDTHH:MM[:SS]" local date-times turned
 * into seconds by civil-date arithmetic (Howard Hinnant's days_from_civil), and the weekday
 * of the start (Monday = 0), so weekly profiles and schedules line up with real days.
 */

/** Seconds since 1970-01-01T00:00 of a local date-time written "YYYY-MM-DDTHH:MM[:SS]". */
export function parseLocalSeconds(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) return 0;
  const days = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  return days * 86400 + Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
}

/** Seconds from the Monday 00:00 on or before `start` to `start`. */
export function secondsIntoWeek(start: string): number {
  const s = parseLocalSeconds(start);
  const days = Math.floor(s / 86400);
  // 1970-01-01 was a Thursday (Monday-based weekday 3)
  const weekday = (((days + 3) % 7) + 7) % 7;
  return weekday * 86400 + (s - days * 86400);
}

/** "HH:MM" as minutes after midnight (24:00 is 1440). */
export function parseTimeOfDayMinutes(text: string): number {
  const [h, m] = text.split(":");
  return Number(h) * 60 + Number(m);
}

// helpers

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
