/**
 * The practical thresholds of the comparison table as the user edits them: each KPI's
 * smallest difference worth flagging, typed in the unit the table shows (percentage points
 * for rates, a duration such as "30s" or "2m" for times, tickets, money), kept in the
 * browser between visits. Stored values are checked like any other input: only known KPI
 * names with finite, non-negative numbers are read back.
 */
import { DEFAULT_MIN_DIFF, type MinDiff } from "../../sim/compare";
import { KPI_UNITS } from "../../sim/format";

export { parseThreshold } from "../../sim/format";

import { KPI_NAMES, type KpiName } from "../../sim/results";

const STORAGE_KEY = "flowcast.compare.minDiff";

/** A threshold as the input shows it: "0.5" (pp), "1s" / "60s" (seconds), "1" (tickets), "0.05". */
export function thresholdText(kpi: KpiName, value: number): string {
  const unit = KPI_UNITS[kpi];
  if (unit === "share") return String(Number((value * 100).toFixed(4)));
  if (unit === "seconds") return `${Number(value.toFixed(3))}s`;
  return String(Number(value.toFixed(4)));
}

/** Thresholds the user changed, read back from storage; {} when none or unreadable. */
export function loadThresholds(storage: Pick<Storage, "getItem"> | undefined): MinDiff {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return {};
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
    const out: MinDiff = {};
    for (const kpi of KPI_NAMES) {
      if (!Object.hasOwn(parsed, kpi)) continue;
      const value = (parsed as Record<string, unknown>)[kpi];
      if (typeof value === "number" && Number.isFinite(value) && value >= 0) out[kpi] = value;
    }
    return out;
  } catch {
    return {};
  }
}

/** Keeps the thresholds that differ from the defaults; storage failures (private mode, quota) are ignored. */
export function saveThresholds(storage: Pick<Storage, "setItem"> | undefined, minDiff: MinDiff): void {
  const changed: MinDiff = {};
  for (const kpi of KPI_NAMES) {
    const value = minDiff[kpi];
    if (value !== undefined && value !== DEFAULT_MIN_DIFF[kpi]) changed[kpi] = value;
  }
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(changed));
  } catch {
    // Thresholds still apply for this visit.
  }
}

/** The browser's local storage, or undefined where it is blocked. */
export function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
