/**
 * Hours of the week in a person's words: a set of the 168 hours (Monday 00:00 first) becomes
 * "weekdays 09:00-12:00", "Saturdays 10:00-14:00, 16:00-18:00 and Sundays 10:00-12:00".
 * Days with the same hours are named together: every day, weekdays, weekends, one day
 * ("Mondays"), two ("Mondays and Thursdays"), a run ("Monday to Thursday"), else a list.
 */

export const HOURS_PER_WEEK = 168;
const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const DAY_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** The hours of the week where `inSet[h]` holds, in words ("" when none). */
export function describeWeekHours(inSet: ArrayLike<boolean>): string {
  const groups: { days: number[]; ranges: string }[] = [];
  for (let day = 0; day < 7; day++) {
    const ranges = dayRanges(inSet, day);
    if (ranges === "") continue;
    const group = groups.find((g) => g.ranges === ranges);
    if (group) group.days.push(day);
    else groups.push({ days: [day], ranges });
  }
  return joinWords(groups.map((g) => `${daysInWords(g.days)} ${g.ranges}`));
}

/** Days of the week (0 = Monday, ascending) in words. */
export function daysInWords(days: readonly number[]): string {
  const key = days.join(",");
  if (key === "0,1,2,3,4,5,6") return "every day";
  if (key === "0,1,2,3,4") return "weekdays";
  if (key === "5,6") return "weekends";
  if (days.length === 1) return `${DAY_NAMES[days[0]!]}s`;
  if (days.length === 2) return `${DAY_NAMES[days[0]!]}s and ${DAY_NAMES[days[1]!]}s`;
  const first = days[0]!;
  const last = days[days.length - 1]!;
  if (last - first === days.length - 1) return `${DAY_NAMES[first]} to ${DAY_NAMES[last]}`;
  return joinWords(days.map((d) => DAY_SHORT[d]!));
}

// helpers

/** The hours of one day in the set as "09:00-12:00, 14:00-16:00" ("" when none). */
function dayRanges(inSet: ArrayLike<boolean>, day: number): string {
  const ranges: string[] = [];
  let from = -1;
  for (let h = 0; h <= 24; h++) {
    const inside = h < 24 && inSet[day * 24 + h] === true;
    if (inside && from < 0) from = h;
    if (!inside && from >= 0) {
      ranges.push(`${clock(from)}-${clock(h)}`);
      from = -1;
    }
  }
  return ranges.join(", ");
}

function clock(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

/** "a", "a and b", "a, b and c". */
function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
