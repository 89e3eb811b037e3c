/**
 * Warnings about a finished run, for the results document: a backlog that trended up
 * steadily on the clock (the flow cannot keep up, or the warm-up is too short for it to
 * settle), and measured tickets still open when the drain cap hit.
 */
import { DRAIN_CAP_HORIZONS } from "./measureWindow";
import type { Warning } from "./results";

/**
 * "backlog-growing" when the backlog series (mean over replications, one point per
 * `intervalSeconds`) rises steadily: cut into whole weeks (so the weekly pattern of arrivals
 * and shifts cancels out), every week's mean above the one before, the rise not slowing to
 * under a third (a backlog settling after a short warm-up slows; an overloaded one does not),
 * and the last week at least 20% and 2 tickets above the first. Null for runs under three
 * whole weeks: shorter runs cannot tell a trend from the weekly pattern.
 */
export function backlogTrendWarning(backlog: readonly number[], intervalSeconds: number): Warning | null {
  const week = Math.max(1, Math.round((7 * 86400) / intervalSeconds));
  const blocks: number[] = [];
  for (let start = 0; start + week <= backlog.length; start += week) {
    let sum = 0;
    for (let k = start; k < start + week; k++) sum += backlog[k] ?? 0;
    blocks.push(sum / week);
  }
  if (blocks.length < 3) return null;
  for (let i = 1; i < blocks.length; i++) if (!(blocks[i]! > blocks[i - 1]!)) return null;
  const first = blocks[0]!;
  const last = blocks[blocks.length - 1]!;
  const half = Math.floor(blocks.length / 2);
  const early = blocks[half]! - first;
  const late = last - blocks[blocks.length - 1 - half]!;
  if (late < early / 3) return null;
  if (!(last - first >= Math.max(2, 0.2 * first))) return null;
  return {
    code: "backlog-growing",
    message: `The backlog grew every week of the run, from about ${round(first)} to ${round(last)} open tickets: the flow cannot keep up with its work (see any overload warning), or the warm-up is too short for it to settle. Averages over such a run depend on its length.`,
  };
}

/** "unfinished" when measured tickets were still open when the run stopped draining. */
export function unfinishedWarning(unfinished: number, tickets: number, horizonSeconds: number): Warning | null {
  if (!(unfinished > 0)) return null;
  const share = tickets > 0 ? ` (${formatShare(unfinished / tickets)} of those created)` : "";
  return {
    code: "unfinished",
    message: `On average ${round(unfinished)} measured tickets${share} were still open when the run stopped, ${round((DRAIN_CAP_HORIZONS * horizonSeconds) / 86400)} days after it began (or after as many events again as the run took up to its horizon): resolution times leave them out and read low. Some tickets may circle in the flow without end.`,
  };
}

// helpers

function round(x: number): string {
  return x >= 100 ? String(Math.round(x)) : String(Number(x.toPrecision(2)));
}

function formatShare(x: number): string {
  return x >= 0.01 ? `${Math.round(x * 100)}%` : "under 1%";
}
