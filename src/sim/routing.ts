/**
 * Routing rules: the first rule whose conditions all hold sends the ticket along its edge;
 * none holding, the ticket leaves by `otherwise`. A condition on a ticket trait the ticket
 * lacks (no contact type, no customer tier, an attribute its contact type does not have)
 * does not hold.
 */
import type { CompiledRule } from "./compile";
import type { TicketTable } from "./tickets";

/** Edge of the first rule the ticket in `slot` matches, else `otherwiseEdge`. */
export function matchingRuleEdge(
  rules: readonly CompiledRule[],
  otherwiseEdge: number,
  tk: TicketTable,
  slot: number,
  typeCount: number,
): number {
  const type = tk.contactType[slot]!;
  const tier = tk.tier[slot]!;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (rule.contactType && rule.contactType[type < 0 ? typeCount : type] !== 1) continue;
    if (rule.channel && rule.channel[tk.channel[slot]!] !== 1) continue;
    if (rule.priority && rule.priority[tk.priority[slot]!] !== 1) continue;
    if (rule.tier && (tier < 0 || rule.tier[tier] !== 1)) continue;
    if (rule.attempts && !inRange(tk.attempts[slot]!, rule.attempts)) continue;
    let ok = true;
    for (let a = 0; a < rule.attributes.length && ok; a++) {
      const cond = rule.attributes[a]!;
      ok = inRange(tk.attributes[slot * tk.attributeCount + cond.attr]!, cond.bounds);
    }
    if (ok) return rule.edge;
  }
  return otherwiseEdge;
}

/** Whether x meets every given bound of [gt, gte, lt, lte] (NaN: no bound; a NaN x fails). */
export function inRange(x: number, b: Float64Array): boolean {
  if (Number.isNaN(x)) return false;
  if (!Number.isNaN(b[0]!) && !(x > b[0]!)) return false;
  if (!Number.isNaN(b[1]!) && !(x >= b[1]!)) return false;
  if (!Number.isNaN(b[2]!) && !(x < b[2]!)) return false;
  if (!Number.isNaN(b[3]!) && !(x <= b[3]!)) return false;
  return true;
}
