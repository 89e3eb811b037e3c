/**
 * Why a plan that covers the requirement can still miss, and what to raise when it does.
 *
 * The requirement curve is the fewest agents per interval that met the targets on one set of
 * random numbers (the search's seed and replications). A 30-minute interval's service level
 * from two replications rests on a few dozen contacts, so the search's last trims stop at
 * intervals that just met on that draw. A shift plan staffs some intervals above the curve;
 * the queue then runs another course (who is free when, which contacts abandon), every
 * later interval sees other draws, and the intervals that only just met fall either side of
 * the bound again: the same agents in the same interval measured 0.80 with the curve and
 * 0.72 with the plan. Spill-over after a drop adds to it; breaks do not (the program covers
 * every interval with people on duty, not on a break).
 *
 * The fix works on the plan itself: simulate it, and where a target misses beyond what its
 * share allows, ask for one agent more than the plan has on the phones in that interval,
 * solve again and check again (a bounded number of rounds).
 */
import type { Model } from "../../model";
import type { Results } from "../../sim/results";
import { meetsBound, type ResolvedTarget, type Verdict } from "../targets";

/**
 * Per team, the intervals to raise after a check: for each per-interval target that misses,
 * every interval it misses, on the teams that serve it there; for a target over the run, its teams' busiest
 * tenth of the staffed intervals.
 */
export function intervalsToRaise(
  model: Model,
  teams: readonly string[],
  targets: readonly ResolvedTarget[],
  results: Results,
  verdicts: readonly Verdict[],
  onPhones: Record<string, readonly number[]>,
): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>(teams.map((id) => [id, new Set<number>()]));
  const add = (id: string, k: number) => out.get(id)?.add(k);
  targets.forEach((t, i) => {
    const v = verdicts[i];
    if (!v || v.met) return;
    const owners = responsibleTeams(model, teams, t);
    if (v.intervals) {
      // Every missed interval, not only those past the share: raising some moves the others'
      // draws, so fixing just enough would leave the plan as close to the edge as before.
      for (const [k, m] of v.intervals.meets.entries()) {
        if (m !== false) continue;
        for (const id of teamsMissingAt(model, owners, t, results, k)) add(id, k);
      }
      return;
    }
    for (const id of owners) {
      const occupancy = results.intervals?.teams[id]?.occupancy ?? [];
      const staffed = (onPhones[id] ?? []).flatMap((n, k) => (n > 0 ? [k] : []));
      staffed.sort((a, b) => (occupancy[b] ?? 0) - (occupancy[a] ?? 0));
      for (const k of staffed.slice(0, Math.max(1, Math.ceil(staffed.length / 10)))) add(id, k);
    }
  });
  return out;
}

/** The requirement raised to one agent more than the plan had on the phones in each interval of `raise`. */
export function raiseRequirement(
  requirement: Record<string, readonly number[]>,
  onPhones: Record<string, readonly number[]>,
  raise: Map<string, Set<number>>,
): { teams: Record<string, number[]>; raised: number } {
  let raised = 0;
  const teams: Record<string, number[]> = {};
  for (const [id, curve] of Object.entries(requirement)) {
    const next = [...curve];
    for (const k of raise.get(id) ?? []) {
      const wanted = (onPhones[id]?.[k] ?? 0) + 1;
      if (wanted > (next[k] ?? 0)) {
        next[k] = wanted;
        raised++;
      }
    }
    teams[id] = next;
  }
  return { teams, raised };
}

// helpers

/** Teams that can move a target: its step's or team's own, else every planned team. */
function responsibleTeams(model: Model, teams: readonly string[], t: ResolvedTarget): string[] {
  const { node, team } = t.target;
  if (node !== undefined) {
    const n = model.nodes.find((x) => x.id === node);
    return n?.kind === "work" && teams.includes(n.team) ? [n.team] : [];
  }
  if (team !== undefined) return teams.includes(team) ? [team] : [];
  return [...teams];
}

/** Of `owners`, the teams whose own queues miss the bound in interval k (all of them when none can be told apart). */
function teamsMissingAt(
  model: Model,
  owners: readonly string[],
  t: ResolvedTarget,
  results: Results,
  k: number,
): string[] {
  if (owners.length <= 1) return [...owners];
  const missing = new Set<string>();
  for (const node of model.nodes) {
    if (node.kind !== "work" || !owners.includes(node.team)) continue;
    const n = results.intervals?.nodes[node.id];
    if (!n || (n.offered[k] ?? 0) <= 0) continue;
    const x =
      t.target.kpi === "abandonRate" ? (n.abandoned[k] ?? 0) / (n.offered[k] ?? 1) : (n.serviceLevel?.[k] ?? null);
    if (x !== null && !meetsBound(x, t)) missing.add(node.team);
  }
  return missing.size > 0 ? [...missing] : [...owners];
}
