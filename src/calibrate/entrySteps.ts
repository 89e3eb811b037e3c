/**
 * A team's first work steps of their own: where channels' first visits differ (handle time,
 * patience), or where first visits send tickets on to another team at a different rate than
 * later visits, each channel's first visits get a step with their own fits and shares.
 */
import { LINK, type LogAnalysis } from "./analyze";

export interface TeamOutcomes {
  resolved: number;
  escalate: Record<number, number>;
  return: Record<number, number>;
  transfer: Record<number, number>;
  repeat: number;
  wait: number;
  /** After a wait: closed, or back to a team. */
  waitResolved: number;
  waitResume: Record<number, number>;
  reopen: Record<number, number>;
  /** Closings after this step (directly or after a wait), by status (index in `statuses`). */
  closedAs: Record<number, number>;
  /** Visits whose outcome the log does not show (still open at its end). */
  censored: number;
}

/** A team's first work step for one channel's tickets, where channels differ at that team. */
export interface EntryStep {
  team: number;
  channel: number;
  /** "team\u0000channel", the key of `LogAnalysis.entryHandle` and `entryQueue`. */
  key: string;
  outcomes: TeamOutcomes;
  /** Why it is a step of its own, in words. */
  reason: string;
}

/** First visits a channel needs at a team before its figures can tell it apart. */
export const MIN_ENTRY_VISITS = 30;

/**
 * The teams whose first visits get steps of their own: where two channels' first visits
 * differ (mean handle time by more than 5% and by more than three standard errors, or
 * abandonment rates per second in the queue, exponential patience: abandonments over time
 * at risk, by more than 10% and three standard errors), or where first visits send tickets
 * on to another team at a different rate than later visits (`firstVisitsDiffer`). At such a team every channel
 * with at least `MIN_ENTRY_VISITS` first visits gets a step of its own; the others stay on
 * the team's step.
 */
export function chooseEntrySteps(a: LogAnalysis): EntryStep[] {
  const moves = visitMoves(a);
  const byTeam = new Map<number, number[]>();
  for (const [key, sample] of a.entryHandle) {
    if (sample.n < MIN_ENTRY_VISITS) continue;
    const [t, c] = key.split("\u0000").map(Number) as [number, number];
    const list = byTeam.get(t) ?? [];
    list.push(c);
    byTeam.set(t, list);
  }
  const steps: EntryStep[] = [];
  for (const [t, channels] of byTeam) {
    const reasons: string[] = [];
    const routing = firstVisitsDiffer(t, moves);
    if (routing) reasons.push(routing);
    for (let i = 0; i < channels.length; i++)
      for (let j = i + 1; j < channels.length; j++) {
        const why = channelsDiffer(a, t, channels[i]!, channels[j]!);
        if (why) reasons.push(why);
      }
    if (reasons.length === 0) continue;
    for (const c of channels)
      steps.push({ team: t, channel: c, key: `${t}\u0000${c}`, outcomes: emptyOutcomes(), reason: reasons.join("; ") });
  }
  return steps;
}

/** Per team: finished first visits (straight from a channel) and later visits, and how many of each sent the ticket on to another team. */
interface VisitMoves {
  first: Float64Array;
  firstMoved: Float64Array;
  later: Float64Array;
  laterMoved: Float64Array;
}

/**
 * What followed each finished work visit, split by first visits (the ticket's first, straight
 * from its channel: what an entry step takes) and later ones (after another team, a wait, a
 * repeat or a reopen): sent on to another team, or not (closed, waited, repeated, reopened).
 */
function visitMoves(a: LogAnalysis): VisitMoves {
  const n = a.teams.list.length;
  const m: VisitMoves = {
    first: new Float64Array(n),
    firstMoved: new Float64Array(n),
    later: new Float64Array(n),
    laterMoved: new Float64Array(n),
  };
  for (const tk of a.tickets.values()) {
    const v = tk.visits;
    for (let i = 0; i < v.length; i++) {
      const cur = v[i]!;
      const next = v[i + 1];
      if (cur.abandoned || (next === undefined && tk.role !== "closed")) continue;
      const moved = next !== undefined && next.team !== cur.team && next.link !== LINK.afterClose ? 1 : 0;
      if (i === 0 && !cur.escalated) {
        m.first[cur.team]!++;
        m.firstMoved[cur.team]! += moved;
      } else {
        m.later[cur.team]!++;
        m.laterMoved[cur.team]! += moved;
      }
    }
  }
  return m;
}

/**
 * Whether a team's first visits send tickets on to another team at a different rate than its
 * later visits (by more than 3 points and three standard errors), in words; undefined when not.
 * One step for both would apply the later visits' rate to first visits and the reverse,
 * sending too many tickets through a second team where later visits move more.
 */
function firstVisitsDiffer(t: number, m: VisitMoves): string | undefined {
  const n1 = m.first[t]!;
  const n2 = m.later[t]!;
  if (n1 < MIN_ENTRY_VISITS || n2 < MIN_ENTRY_VISITS) return undefined;
  const p1 = m.firstMoved[t]! / n1;
  const p2 = m.laterMoved[t]! / n2;
  const pooled = (m.firstMoved[t]! + m.laterMoved[t]!) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (Math.abs(p1 - p2) <= FIRST_VISIT_GAP || Math.abs(p1 - p2) <= 3 * se) return undefined;
  const pct = (p: number) => `${(p * 100).toFixed(1)}%`;
  return `sends ${pct(p1)} of first visits on to another team, ${pct(p2)} of later visits`;
}

/** The least gap (a share) between first and later visits' moves that earns first visits a step of their own. */
const FIRST_VISIT_GAP = 0.03;

/** How two channels' first visits at a team differ, in words; undefined when they do not. */
function channelsDiffer(a: LogAnalysis, t: number, c1: number, c2: number): string | undefined {
  const name = (c: number) => a.channels.list[c] || "(no channel)";
  const h1 = a.entryHandle.get(`${t}\u0000${c1}`)!;
  const h2 = a.entryHandle.get(`${t}\u0000${c2}`)!;
  const se = Math.sqrt(h1.sd ** 2 / h1.n + h2.sd ** 2 / h2.n);
  const gap = Math.abs(h1.mean - h2.mean);
  if (gap > 0.05 * Math.max(h1.mean, h2.mean) && gap > 3 * se)
    return `handle time ${name(c1)} ${(h1.mean / 60).toFixed(1)} min, ${name(c2)} ${(h2.mean / 60).toFixed(1)} min`;
  const q1 = a.entryQueue.get(`${t}\u0000${c1}`);
  const q2 = a.entryQueue.get(`${t}\u0000${c2}`);
  if (!q1 || !q2 || q1.seconds <= 0 || q2.seconds <= 0 || q1.abandons + q2.abandons < 20) return undefined;
  const r1 = q1.abandons / q1.seconds;
  const r2 = q2.abandons / q2.seconds;
  const seRate = Math.sqrt(q1.abandons / q1.seconds ** 2 + q2.abandons / q2.seconds ** 2);
  if (Math.abs(r1 - r2) > 0.1 * Math.max(r1, r2) && Math.abs(r1 - r2) > 3 * seRate) {
    const patience = (r: number) => (r > 0 ? `${(1 / r / 60).toFixed(1)} min` : "no abandonment");
    return `patience ${name(c1)} ${patience(r1)}, ${name(c2)} ${patience(r2)}`;
  }
  return undefined;
}

/** No outcome seen yet. */
export function emptyOutcomes(): TeamOutcomes {
  return {
    resolved: 0,
    escalate: {},
    return: {},
    transfer: {},
    repeat: 0,
    wait: 0,
    waitResolved: 0,
    waitResume: {},
    reopen: {},
    closedAs: {},
    censored: 0,
  };
}
