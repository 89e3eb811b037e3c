/**
 * A snapshot-style log with known truth, written as ServiceNow's incident audit writes one:
 * a row per update of the ticket's state (`New`, `Active`, `Resolved`, `Closed`), with the
 * group and the person assigned, and no row that says when anyone started or stopped
 * working. Each ticket waits to be picked up at L1, is "Active" there for hours (updated now
 * and then, nights included), and is either resolved or passed to L2, where it waits and is
 * "Active" again; it is closed two days after being resolved. Elapsed times do not depend on
 * load (as in such logs), and a handful of people are named per group, far too few to work
 * every "Active" hour: the log an agents-from-people estimate overloads.
 */

export interface SnapshotTruth {
  /** Tickets per hour, round the clock, from Monday `start` for `days` days. */
  perHour: number;
  days: number;
  start: string;
  /** Lognormal means and sds (seconds) of the pickup waits and the "Active" spans. */
  l1: { pickup: number; active: number; people: number };
  l2: { pickup: number; active: number; people: number };
  /** Share of tickets passed to L2. */
  escalateShare: number;
  seed: number;
  /** The desk changes: tickets from this day on are "Active" at L1 this long (mean, seconds). */
  change?: { day: number; l1Active: number };
}

export const SNAPSHOT_HEADER = "number,sys_updated_at,incident_state,assignment_group,assigned_to";

/** Writes the log (CSV, rows ticket by ticket); returns the number of tickets. */
export function generateSnapshotLog(truth: SnapshotTruth, write: (text: string) => void): number {
  const rng = mulberry32(truth.seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  // Lognormal with sd equal to the mean (cv 1).
  const lognormal = (mean: number) => {
    const s2 = Math.log(2);
    return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * normal());
  };
  const startMs = Date.parse(`${truth.start}T00:00Z`);
  const stamp = (s: number) => new Date(startMs + Math.round(s) * 1000).toISOString().slice(0, 19);
  let out = `${SNAPSHOT_HEADER}\n`;
  let n = 0;
  for (let t = 0; ; n++) {
    t += (-Math.log(1 - rng()) * 3600) / truth.perHour;
    if (t >= truth.days * 86400) break;
    const id = `INC${String(n).padStart(6, "0")}`;
    const row = (s: number, state: string, group: string, who: string) => {
      out += `${id},${stamp(s)},${state},${group},${who}\n`;
    };
    let now = t;
    let last = { group: "", who: "" };
    const visit = (tier: SnapshotTruth["l1"], group: string) => {
      row(now, "New", group, "?");
      now += lognormal(tier.pickup);
      const who = `${group} person ${1 + Math.floor(rng() * tier.people)}`;
      const active = lognormal(tier.active);
      row(now, "Active", group, who);
      // Updates that change nothing (a note, a field): snapshot rows repeat the state.
      row(now + rng() * active, "Active", group, who);
      now += active;
      last = { group, who };
    };
    const changed = truth.change !== undefined && t >= truth.change.day * 86400;
    visit(changed ? { ...truth.l1, active: truth.change!.l1Active } : truth.l1, "L1");
    if (rng() < truth.escalateShare) visit(truth.l2, "L2");
    row(now, "Resolved", last.group, last.who);
    row(now + 2 * 86400, "Closed", last.group, last.who);
    if (out.length > 64 * 1024) {
      write(out);
      out = "";
    }
  }
  write(out);
  return n;
}

// helpers

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
