/**
 * From a finished `LogAnalysis` to figures: the teams' tiers, what follows each work visit
 * (outcome counts per team), entry teams per channel, path shares, the ticket-level shares
 * (escalation, return, reopen), handle-time and resolution-time quantiles, and agents per
 * team per hour of the week. The same figures are computed for a simulated log, so the
 * report compares like with like.
 */
import { hourOfWeek, LINK, type LogAnalysis } from "./analyze";
import { chooseEntrySteps, type EntryStep, emptyOutcomes, type TeamOutcomes } from "./entrySteps";
import { kaplanMeierQuantiles } from "./sample";

export { chooseEntrySteps, type EntryStep, MIN_ENTRY_VISITS, type TeamOutcomes } from "./entrySteps";

export interface Figures {
  tickets: number;
  days: number;
  ticketsPerDay: number;
  reachedAgent: number;
  escalationShare: number;
  returnShare: number;
  reopenShare: number;
  /** Tickets active again after closure (a reopen proper). */
  reopenAfterClosureShare: number;
  /** Tickets that went back to a team they had already visited, not after a closure (ping-pong). */
  pingPongShare: number;
  /** Tickets still open at the end of the log (censored). */
  openAtEnd: number;
  handleTime: Record<string, { n: number; mean: number; p25: number; p50: number; p75: number; p90: number }>;
  resolution: { p50: number; p90: number; closed: number; censored: number };
  paths: Record<string, number>;
  utilisation: Record<string, number>;
  /** Shares of closed tickets (not abandoned) by how they closed, by the log's status names. */
  endStatus: Record<string, number>;
  /**
   * Per channel (the log's name): the share of tickets that reached a queue and left one
   * before an agent answered, and how many reached a queue.
   */
  abandoned: Record<string, { share: number; tickets: number }>;
}

export interface Summary {
  tiers: number[];
  outcomes: TeamOutcomes[];
  /**
   * Per channel: entry team -> tickets, the same for tickets escalated on the way in (an
   * escalate event before the first visit: a trigger), and tickets closed without any agent.
   */
  entries: {
    teams: Record<number, number>;
    escalated: Record<number, number>;
    noWork: number;
    /** Tickets closed without any agent, by status. */
    noWorkAs: Record<number, number>;
  }[];
  /** First work steps of their own per channel (where channels differ at a team). */
  entrySteps: EntryStep[];
  /** Teams some visit reached outside those entry steps: they keep a team-wide work step. */
  pooledVisited: boolean[];
  /** Agents per team per hour of week (an estimate; see `agentsBasis`). */
  agents: number[][];
  /** "each resource's working pattern", "busy time at 85% utilisation", or `SNAPSHOT_BASIS` (snapshot.ts). */
  agentsBasis: string;
  /** Teams some ticket visited (worked or abandoned in their queue): the flow's teams. */
  visited: boolean[];
  figures: Figures;
}

/**
 * Summarises an analysis. `tiers` overrides the tier of each team (by index); by default
 * teams are ranked by where they first appear in their tickets' visit lists.
 */
export function summarize(a: LogAnalysis, names: string[], fixedTiers?: number[]): Summary {
  const teamCount = a.teams.list.length;
  const tiers = fixedTiers ?? rankTiers(a, teamCount);
  const outcomes = a.teams.list.map(emptyOutcomes);
  const entries = a.channels.list.map(() => ({
    teams: {} as Record<number, number>,
    escalated: {} as Record<number, number>,
    noWork: 0,
    noWorkAs: {} as Record<number, number>,
  }));
  const entrySteps = chooseEntrySteps(a);
  const stepOf = new Map(entrySteps.map((e) => [e.key, e]));
  const pooledVisited = a.teams.list.map(() => false);
  const ends = new Map<number, number>();
  const queued = new Float64Array(a.channels.list.length);
  const abandonedTickets = new Float64Array(a.channels.list.length);
  const paths = new Map<string, number>();
  let reached = 0;
  let escalated = 0;
  let returned = 0;
  let reopened = 0;
  let reopenedAfterClosure = 0;
  let pingPong = 0;
  let openAtEnd = 0;
  const visited = a.teams.list.map(() => false);
  for (const tk of a.tickets.values()) {
    for (const x of tk.visits) visited[x.team] = true;
    const v = tk.visits;
    const open = tk.role !== "closed";
    if (open) openAtEnd++;
    if (!open && !tk.lost) ends.set(tk.status, (ends.get(tk.status) ?? 0) + 1);
    if (v.length === 0) {
      if (!open) {
        entries[tk.channel]!.noWork++;
        bump(entries[tk.channel]!.noWorkAs, tk.status);
      }
      continue;
    }
    queued[tk.channel]!++;
    if (v.some((x) => x.abandoned)) abandonedTickets[tk.channel]!++;
    // The step a visit was made at: its channel's entry step for a first visit straight from
    // the channel, where there is one, else the team's own step.
    const entryStep = v[0]!.escalated ? undefined : stepOf.get(`${v[0]!.team}\u0000${tk.channel}`);
    const outcomesAt = (i: number) => (i === 0 && entryStep ? entryStep.outcomes : outcomes[v[i]!.team]!);
    for (let i = entryStep ? 1 : 0; i < v.length; i++) pooledVisited[v[i]!.team] = true;
    const entry = v[0]!.escalated ? entries[tk.channel]!.escalated : entries[tk.channel]!.teams;
    entry[v[0]!.team] = (entry[v[0]!.team] ?? 0) + 1;
    const worked = v.some((x) => !x.abandoned);
    if (worked) reached++;
    // An escalate event on the way in (a trigger sends the ticket straight to a later tier).
    let esc = v[0]!.escalated;
    let ret = false;
    let again = tk.reopenMarked;
    let afterClosure = tk.reopenMarked;
    let backAgain = false;
    const seen = new Set<number>();
    for (let i = 0; i < v.length; i++) {
      const cur = v[i]!;
      if (seen.has(cur.team) || cur.link === LINK.afterClose) again = true;
      if (cur.link === LINK.afterClose) afterClosure = true;
      else if (seen.has(cur.team) && v[i - 1]?.team !== cur.team) backAgain = true;
      seen.add(cur.team);
      if (i === 0) continue;
      const prev = v[i - 1]!;
      if (prev.abandoned) continue;
      const o = outcomesAt(i - 1);
      if (cur.link === LINK.afterWait) {
        o.wait++;
        bump(o.waitResume, cur.team);
      } else if (cur.link === LINK.afterClose) bump(o.reopen, cur.team);
      else if (cur.team === prev.team) o.repeat++;
      else if (tiers[cur.team]! > tiers[prev.team]!) {
        bump(o.escalate, cur.team);
        esc = true;
      } else if (tiers[cur.team]! < tiers[prev.team]!) {
        bump(o.return, cur.team);
        ret = true;
      } else bump(o.transfer, cur.team);
    }
    const last = v[v.length - 1]!;
    if (!last.abandoned) {
      const o = outcomesAt(v.length - 1);
      if (open) o.censored++;
      else if (tk.waitedBeforeClose) {
        o.wait++;
        o.waitResolved++;
        bump(o.closedAs, tk.status);
      } else {
        o.resolved++;
        bump(o.closedAs, tk.status);
      }
    }
    if (!worked) continue;
    if (esc) escalated++;
    if (ret) returned++;
    if (again) reopened++;
    if (afterClosure) reopenedAfterClosure++;
    if (backAgain) pingPong++;
    const label = pathLabel(v, names);
    paths.set(label, (paths.get(label) ?? 0) + 1);
  }
  const days = Math.max(1 / 24, (a.lastCreated - a.firstCreated) / 86_400_000);
  const { agents, basis } = estimateAgents(a, teamCount);
  let closedTotal = 0;
  for (const n of ends.values()) closedTotal += n;
  const res = a.resolutionSample(a.lastTime);
  const [p50, p90] = kaplanMeierQuantiles(res.reservoir, [0.5, 0.9]);
  const figures: Figures = {
    tickets: a.tickets.size,
    days,
    ticketsPerDay: a.tickets.size / days,
    reachedAgent: reached,
    escalationShare: share(escalated, reached),
    returnShare: share(returned, reached),
    reopenShare: share(reopened, reached),
    reopenAfterClosureShare: share(reopenedAfterClosure, reached),
    pingPongShare: share(pingPong, reached),
    openAtEnd,
    handleTime: Object.fromEntries(
      a.teams.list.flatMap((_, i) => {
        if (!visited[i]) return [];
        const s = a.handle[i]!;
        // No finished visit: nothing measured (NaN, shown as "—"), never 0.
        if (s.n === 0)
          return [
            [names[i]!, { n: 0, mean: Number.NaN, p25: Number.NaN, p50: Number.NaN, p75: Number.NaN, p90: Number.NaN }],
          ];
        const sorted = s.sorted();
        const q = (p: number) => quantile(sorted, p);
        return [[names[i]!, { n: s.n, mean: s.mean, p25: q(0.25), p50: q(0.5), p75: q(0.75), p90: q(0.9) }]];
      }),
    ),
    resolution: {
      p50: p50 ?? Number.NaN,
      p90: p90 ?? Number.NaN,
      closed: res.n - res.censored,
      censored: res.censored,
    },
    paths: topShares(paths, reached, 12),
    utilisation: Object.fromEntries(
      a.teams.list.flatMap((_, i) => (visited[i] ? [[names[i]!, utilisationOf(a, i, agents[i]!)]] : [])),
    ),
    abandoned: Object.fromEntries(
      a.channels.list.flatMap((name, c) =>
        queued[c]! > 0 ? [[name, { share: abandonedTickets[c]! / queued[c]!, tickets: queued[c]! }]] : [],
      ),
    ),
    endStatus: Object.fromEntries(
      [...ends].sort((x, y) => y[1] - x[1]).map(([s, n]) => [a.statuses.list[s] ?? "", share(n, closedTotal)]),
    ),
  };
  return { tiers, outcomes, entries, entrySteps, pooledVisited, agents, agentsBasis: basis, visited, figures };
}

/** Tiers 1.. by the mean position at which each team first appears in its tickets. */
export function rankTiers(a: LogAnalysis, teamCount: number): number[] {
  const sum = new Float64Array(teamCount);
  const count = new Float64Array(teamCount);
  for (const tk of a.tickets.values()) {
    const seen = new Set<number>();
    let position = 0;
    for (const v of tk.visits) {
      if (seen.has(v.team)) continue;
      seen.add(v.team);
      sum[v.team]! += position++;
      count[v.team]!++;
    }
  }
  return Array.from({ length: teamCount }, (_, i) => 1 + Math.round(count[i]! > 0 ? sum[i]! / count[i]! : 0));
}

// helpers

function bump(record: Record<number, number>, key: number): void {
  record[key] = (record[key] ?? 0) + 1;
}

function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

function pathLabel(visits: { team: number; abandoned: boolean }[], names: string[]): string {
  const parts: string[] = [];
  for (const v of visits) {
    if (v.abandoned) {
      parts.push("abandoned");
      break;
    }
    const name = names[v.team]!;
    if (parts[parts.length - 1] !== name) parts.push(name);
    if (parts.length > 6) {
      parts.push("…");
      break;
    }
  }
  return parts.join(" > ");
}

function topShares(counts: Map<string, number>, total: number, keep: number): Record<string, number> {
  const sorted = [...counts].sort((x, y) => y[1] - x[1]);
  const out: Record<string, number> = {};
  let rest = 0;
  sorted.forEach(([label, n], i) => {
    if (i < keep) out[label] = share(n, total);
    else rest += n;
  });
  if (rest > 0) out["(other paths)"] = share(rest, total);
  return out;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/**
 * Agents per team per hour of the week, an estimate. With resources: each agent's working
 * pattern, the hours they were on shift (touched a ticket then, or between two such hours
 * at most three hours apart; a work state longer than a shift, as a snapshot log's "Active"
 * for days, counts only where it starts and ends, not as work in every hour it spans), and
 * per hour of the week the most agents on shift in any week. Without resources: the mean busy agent-hours of
 * that hour divided by an assumed 85% utilisation.
 */
function estimateAgents(a: LogAnalysis, teamCount: number): { agents: number[][]; basis: Summary["agentsBasis"] } {
  const basis: Summary["agentsBasis"] = a.hasResources
    ? "each resource's working pattern"
    : "busy time at 85% utilisation";
  const agents: number[][] = [];
  for (let t = 0; t < teamCount; t++) {
    const occurrences = hourOccurrences(...activeHours(a, t));
    if (a.hasResources) {
      // Each agent's hours: those in which they touched a ticket, and idle gaps of up to
      // three hours between two such hours (still on shift, between tickets).
      const touched = new Map<string, number[]>();
      for (const [h, set] of a.resources[t]!) {
        for (const r of set) {
          const list = touched.get(r);
          if (list) list.push(h);
          else touched.set(r, [h]);
        }
      }
      // Agents on shift in each clock hour, then the most of any week in each hour of the
      // week: an agent on shift who touched no ticket in a quiet week is seen in a busier one.
      const onShift = new Map<number, number>();
      for (const list of touched.values()) {
        list.sort((x, y) => x - y);
        for (let k = 0; k < list.length; k++) {
          const h = list[k]!;
          const next = list[k + 1];
          const until = next !== undefined && next - h <= 4 ? next : h + 1;
          for (let x = h; x < until; x++) onShift.set(x, (onShift.get(x) ?? 0) + 1);
        }
      }
      const most = new Array<number>(168).fill(0);
      for (const [h, n] of onShift) {
        const i = hourOfWeek(h * 3_600_000);
        most[i] = Math.max(most[i]!, n);
      }
      // A one-hour dip between two busier hours is an agent who touched no ticket, not a
      // shift: shifts are longer than an hour.
      agents.push(most.map((x, i) => Math.max(x, Math.min(most[(i + 167) % 168]!, most[(i + 1) % 168]!))));
      continue;
    }
    const total = new Float64Array(168);
    for (const [h, s] of a.busy[t]!) total[hourOfWeek(h * 3_600_000)]! += s / 3600 / 0.85;
    agents.push(Array.from(total, (x, i) => (occurrences[i]! > 0 ? Math.ceil(x / occurrences[i]! - 1e-9) : 0)));
  }
  return { agents, basis };
}

/** Busy agent-time over staffed agent-time (staffed from the agents estimate). */
function utilisationOf(a: LogAnalysis, team: number, agents: number[]): number {
  let busy = 0;
  for (const s of a.busy[team]!.values()) busy += s;
  const [firstHour, lastHour] = activeHours(a, team);
  let staffed = 0;
  for (let h = firstHour; h <= lastHour; h++) staffed += (agents[hourOfWeek(h * 3_600_000)] ?? 0) * 3600;
  return staffed > 0 ? busy / staffed : 0;
}

/** First and last clock hour in which the team worked (its weeks in the log). */
function activeHours(a: LogAnalysis, team: number): [number, number] {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const h of a.busy[team]!.keys()) {
    if (h < first) first = h;
    if (h > last) last = h;
  }
  return Number.isFinite(first) ? [first, last] : [0, -1];
}

function hourOccurrences(first: number, last: number): Float64Array {
  const occ = new Float64Array(168);
  for (let h = first; h <= last; h++) occ[hourOfWeek(h * 3_600_000)]!++;
  return occ;
}
