/**
 * The page's last runs, kept across a reload: written to localStorage with the text of the
 * flow they were run on, and given back only for that very flow, so an edited or another flow
 * never shows results that are not its own. Storage that is full or blocked loses only this.
 */
import type { Model } from "../../model";
import type { Results } from "../../sim/results";

const KEY = "flowcast:results";

/** A kept run: what the dashboard needs to show it again. */
export interface KeptRun {
  results: Results;
  model: Model;
  label: string;
}

interface KeptEntry {
  flowText: string;
  shown?: string;
  runs: Record<string, KeptRun>;
}

/** Keeps `runs` (by scenario key) of the flow whose flowcast/v1 text is `flowText`. */
export function keepRuns(
  flowText: string,
  runs: Record<string, KeptRun>,
  shown?: string,
  storage = safeStorage(),
): void {
  if (!storage) return;
  const entry: KeptEntry = { flowText, shown, runs: {} };
  for (const [key, run] of Object.entries(runs))
    entry.runs[key] = { results: run.results, model: run.model, label: run.label };
  try {
    storage.setItem(KEY, JSON.stringify(entry));
  } catch {
    // Too large for the storage left: forget rather than keep a stale copy.
    forgetRuns(storage);
  }
}

/** The kept runs of the flow whose text is `flowText`; undefined for any other flow. */
export function keptRuns(
  flowText: string,
  storage = safeStorage(),
): { runs: Record<string, KeptRun>; shown?: string } | undefined {
  const text = storage?.getItem(KEY);
  if (!text) return undefined;
  try {
    const entry = JSON.parse(text) as KeptEntry;
    if (entry?.flowText !== flowText || typeof entry.runs !== "object" || entry.runs === null) return undefined;
    const runs: Record<string, KeptRun> = {};
    for (const [key, run] of Object.entries(entry.runs)) {
      if (run?.results?.format === "flowcast-results/v1" && run.model && typeof run.label === "string") runs[key] = run;
    }
    return Object.keys(runs).length > 0 ? { runs, shown: entry.shown } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether any runs are kept (a cheap check before writing the flow's text to compare it). */
export function hasKeptRuns(storage = safeStorage()): boolean {
  try {
    return Boolean(storage?.getItem(KEY));
  } catch {
    return false;
  }
}

export function forgetRuns(storage = safeStorage()): void {
  try {
    storage?.removeItem(KEY);
  } catch {
    // nothing kept to forget
  }
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
