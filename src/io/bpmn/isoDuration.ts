/**
 * ISO 8601 durations, as BPMN timer events write them ("PT6M", "P3D", "PT1H30M"): written
 * from seconds on export, read back on import. Months and years have no fixed length and
 * are read as 30 and 365 days.
 */

/** Seconds as an ISO 8601 duration ("PT6M"; fractions of a second kept as "PT0.5S"). */
export function toIsoDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return "PT0S";
  let rest = seconds;
  const days = Math.floor(rest / 86400);
  rest -= days * 86400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  rest = Number((rest - minutes * 60).toFixed(3));
  const time = `${hours ? `${hours}H` : ""}${minutes ? `${minutes}M` : ""}${rest ? `${rest}S` : ""}`;
  return `P${days ? `${days}D` : ""}${time ? `T${time}` : ""}` || "PT0S";
}

const ISO =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const PART_SECONDS = [365 * 86400, 30 * 86400, 7 * 86400, 86400, 3600, 60, 1];

/** Seconds of an ISO 8601 duration, or undefined when the text is not one (e.g. a cycle or a date). */
export function parseIsoDuration(text: string): number | undefined {
  const match = ISO.exec(text.trim());
  if (!match || text.trim() === "P" || text.trim().endsWith("T")) return undefined;
  let seconds = 0;
  for (let i = 0; i < PART_SECONDS.length; i++) {
    const part = match[i + 1];
    if (part !== undefined) seconds += Number(part) * (PART_SECONDS[i] as number);
  }
  return seconds;
}
