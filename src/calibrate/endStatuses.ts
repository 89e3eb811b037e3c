/** The calibrated flow's end nodes: one per way tickets closed in the log. */
import type { LogAnalysis } from "./analyze";
import { slug } from "./names";
import type { Summary } from "./summarize";

/** The most end statuses kept apart; rarer ones share one "Closed (other)" end. */
export const MAX_END_STATUSES = 8;
/** Statuses under this share of closings share the "Closed (other)" end. */
const MIN_END_SHARE = 0.005;

export interface EndStatusNode {
  id: string;
  label: string;
  status: "resolved" | "unresolved";
}

/**
 * The end nodes: one per way tickets closed in the log (its status column, else its closing
 * activity), with Flowcast's status guessed from the words; one "Closed" end when the log
 * tells only one way. `of(status index)` gives a status's end.
 */
export function endNodes(
  a: LogAnalysis,
  summary: Summary,
): { list: EndStatusNode[]; main: string; of: (status: number) => EndStatusNode } {
  const counts = new Map<number, number>();
  const add = (closedAs: Record<number, number>) => {
    for (const [s, n] of Object.entries(closedAs)) counts.set(Number(s), (counts.get(Number(s)) ?? 0) + n);
  };
  for (const o of summary.outcomes) add(o.closedAs);
  for (const e of summary.entrySteps) add(e.outcomes.closedAs);
  for (const e of summary.entries) add(e.noWorkAs);
  const kept = keptStatuses([...counts]);
  if (kept.length <= 1) {
    const only: EndStatusNode = { id: "resolved", label: "Closed", status: "resolved" };
    return { list: [only], main: only.id, of: () => only };
  }
  const used = new Set<string>();
  const byStatus = new Map<number, EndStatusNode>();
  const list: EndStatusNode[] = [];
  const make = (text: string): EndStatusNode => {
    let base = slug(text) || "closed";
    // Never an id the flow's other steps use, nor a key objects inherit.
    if (/^(work|ch|escalate|wait|reopen|close|no-agent)(-|$)/.test(base) || base in Object.prototype)
      base = `end-${base}`;
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    const node: EndStatusNode = { id, label: text || "Closed", status: endStatusOf(text) };
    list.push(node);
    return node;
  };
  for (const s of kept) byStatus.set(s, make(a.statuses.list[s] ?? ""));
  let other: EndStatusNode | undefined;
  return {
    list,
    main: byStatus.get(kept[0]!)!.id,
    of: (s) => {
      const own = byStatus.get(s);
      if (own) return own;
      other ??= make(OTHER_END);
      return other;
    },
  };
}

/** The ways of closing that get an end of their own: the most common, at most 8, each 0.5% or more. */
export function keptStatuses<K>(counts: readonly (readonly [K, number])[]): K[] {
  const total = counts.reduce((x, [, n]) => x + n, 0);
  return [...counts]
    .sort((x, y) => y[1] - x[1])
    .filter(([, n], i) => i < MAX_END_STATUSES && n >= MIN_END_SHARE * total)
    .map(([k]) => k);
}

/** The label of the end shared by the rarer ways of closing. */
export const OTHER_END = "Closed (other)";

/** Flowcast's end status a closing word suggests: cancelled, duplicate, rejected… are unresolved. */
export function endStatusOf(text: string): "resolved" | "unresolved" {
  return /cancel|duplicat|unresol|not[ _-]?resolv|reject|withdr|invalid|spam|won'?t|not[ _-]?fix|abandon|fail|expire|unable|no[ _-]?response/i.test(
    text,
  )
    ? "unresolved"
    : "resolved";
}
