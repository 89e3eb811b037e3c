/**
 * Offered load before a run: from the flow's arrival rates, routing shares and handle times,
 * the traffic equations give the agent time each team is offered per hour of the week, to
 * set against what its staffed agents can do then. A team offered more than it can do gets
 * a warning in the user's words, before any run (validate, the problems panel, simulate).
 *
 * The traffic equations are solved by following the mass of contacts through the flow
 * (Jackson's equations, visit ratios, with loops), split by what routing can see: channel,
 * contact type, priority, customer tier, attempts and the contact's path; attribute rules
 * split by the attribute's distribution. Approximations, on the safe side for a warning:
 * - abandonment is ignored (abandoned contacts take no agent time, but callers who hang up
 *   and call back add some): the load is what is *offered*;
 * - work reached after a follow-up or a delay of an hour or more is spread evenly over the
 *   week (it comes back days later, not in the hour the ticket arrived); other work falls
 *   in the hour the ticket arrives;
 * - surges and day factors are left out (a day factor has mean 1).
 * A team answering contacts live (a queue with patience, or the first agent a phone, chat or
 * messaging contact reaches through routing and self-service only, no delay or follow-up
 * between) is checked hour by hour, as interval staffing is; back-office
 * work (email, web forms, escalations) can wait hours, so its team is checked day by day.
 * The traffic equations themselves are in ticketWork.ts.
 */
import { type Diagnostic, distMean, type Model, type Node } from "../model";
import { meanOne } from "./profileWeights";
import type { Warning } from "./results";
import { compileStaffing } from "./staffing";
import { workPerTicket } from "./ticketWork";
import { daysInWords, describeWeekHours, HOURS_PER_WEEK } from "./weekHours";

export type { TicketWork } from "./ticketWork";

/** A team's offered load and capacity per hour of the week (Monday 00:00 first), in Erlangs. */
export interface TeamLoad {
  team: string;
  /** How the team is named to a person: its name, else "Team <id>". */
  name: string;
  /** Offered agent time: contacts per hour x hours of agent time each (handle time at full speed). */
  offered: Float64Array;
  /** Agent time the staffed agents can give: agents x concurrency (less their chat slowdown). */
  capacity: Float64Array;
  /** Every work node of the team lets callers hang up: overload shows as abandonment. */
  patient: boolean;
  /** The team answers contacts live (checked hour by hour rather than day by day). */
  live: boolean;
  /** Some of the team's work overflows to another team: work past its capacity goes there, so full is not overloaded. */
  overflowing: boolean;
}

/** Each team's offered load and capacity per hour of the week. */
export function teamLoads(model: Model): TeamLoad[] {
  const loads = model.teams.map((team) => ({
    team: team.id,
    name: team.name || `Team ${team.id}`,
    offered: new Float64Array(HOURS_PER_WEEK),
    capacity: weeklyCapacity(team),
    patient: model.nodes.every((n) => n.kind !== "work" || n.team !== team.id || n.queue.patience !== undefined),
    live: model.nodes.some((n) => n.kind === "work" && n.team === team.id && n.queue.patience !== undefined),
    overflowing: model.nodes.some((n) => n.kind === "work" && n.team === team.id && n.queue.overflow !== undefined),
  }));
  const byId = new Map(loads.map((l) => [l.team, l]));
  /** Offered load per hour of each work step whose queue overflows. */
  const stepOffered = new Map<string, Float64Array>();
  for (const node of model.nodes) {
    if (node.kind !== "channel") continue;
    const rates = weeklyRates(node);
    const meanRate = rates.reduce((sum, r) => sum + r, 0) / HOURS_PER_WEEK;
    const work = workPerTicket(model, node);
    for (const team of work.live) {
      const load = byId.get(team);
      if (load) load.live = true;
    }
    for (const [team, seconds] of work.now) {
      const load = byId.get(team);
      if (load) for (let h = 0; h < HOURS_PER_WEEK; h++) load.offered[h]! += (rates[h]! * seconds) / 3600;
    }
    for (const [team, seconds] of work.later) {
      const load = byId.get(team);
      if (load) for (let h = 0; h < HOURS_PER_WEEK; h++) load.offered[h]! += (meanRate * seconds) / 3600;
    }
    for (const [step, seconds] of work.steps) {
      const offered = stepOffered.get(step) ?? new Float64Array(HOURS_PER_WEEK);
      for (let h = 0; h < HOURS_PER_WEEK; h++)
        offered[h]! += (rates[h]! * seconds.now + meanRate * seconds.later) / 3600;
      stepOffered.set(step, offered);
    }
  }
  spillOverflow(model, byId, stepOffered);
  return loads;
}

/**
 * Warnings for every team offered more work than its agents can do: over the whole week
 * (code "overload": the queue grows without limit, or callers hang up), else in the hours
 * (live teams) or days (back office) of the week where it is (code "peak-overload": the
 * queue builds up then). Teams without agents at all are left to validation.
 */
export function offeredLoadWarnings(model: Model): Warning[] {
  const warnings: Warning[] = [];
  for (const load of teamLoads(model)) {
    const offered = sum(load.offered);
    const capacity = sum(load.capacity);
    if (capacity <= 0 || offered <= 0) continue;
    if (offered >= capacity * full(load)) {
      const when = isFlat(load) ? "" : " over the week";
      const outcome = load.patient
        ? `at least ${Math.floor((1 - capacity / offered) * 100)}% of its contacts will hang up before an agent answers`
        : "the queue will grow without limit";
      warnings.push({
        code: "overload",
        team: load.team,
        message: `${load.name} is offered ${percent(offered / capacity)} of its capacity${when}: ${outcome}.`,
      });
      continue;
    }
    const overloaded = load.live ? overloadedHours(load) : overloadedDays(load);
    if (overloadedPeak(overloaded) === 0) {
      // a pool whose queue overflows hands its excess on after a bounded wait: no long waits to warn of
      const overflows = model.nodes.some(
        (n) => n.kind === "work" && n.team === load.team && n.queue.overflow !== undefined,
      );
      const high = load.live && !overflows ? highLoadHours(load) : null;
      if (high) warnings.push({ code: "high-load", team: load.team, message: high });
      continue;
    }
    warnings.push({ code: "peak-overload", team: load.team, message: overloadMessage(load, overloaded) });
  }
  return warnings;
}

/** The overload warnings as diagnostics (severity warning) pointing at their team, for validate and the problems panel. */
export function offeredLoadDiagnostics(model: Model): Diagnostic[] {
  return offeredLoadWarnings(model).map((w) => {
    const index = model.teams.findIndex((t) => t.id === w.team);
    return {
      severity: "warning",
      message: w.message,
      path: index >= 0 ? `teams[${index}]` : "",
      ...(w.team ? { teamId: w.team } : {}),
    };
  });
}

// helpers

/**
 * Overflow between pools, as a fluid: in each hour, the work a team is offered beyond its
 * capacity that comes from a step whose queue overflows (its share of the team's load) goes
 * to the overflow step's team instead, at that step's handle time. The first team is then
 * at most fully loaded, and the backup team carries the excess (and passes it on along a
 * chain of overflows). What the overflowed contacts do after the backup step is counted as
 * after the first step. Overflow below capacity (waits past `after`, or every agent busy at
 * an arrival) is left out: it moves little work, and the check is about overload.
 */
function spillOverflow(model: Model, teams: Map<string, TeamLoad>, stepOffered: Map<string, Float64Array>): void {
  const works = new Map(
    model.nodes.filter((n): n is Extract<Node, { kind: "work" }> => n.kind === "work").map((n) => [n.id, n]),
  );
  // follow chains from their heads, so a backup's own overflow sees what spilled into it
  const depth = (id: string, seen = new Set<string>()): number => {
    if (seen.has(id)) return 0;
    seen.add(id);
    let d = 0;
    for (const w of works.values()) if (w.queue.overflow?.to === id) d = Math.max(d, 1 + depth(w.id, seen));
    return d;
  };
  const sources = [...works.values()].filter((w) => w.queue.overflow).sort((a, b) => depth(a.id) - depth(b.id));
  for (const from of sources) {
    const to = works.get(from.queue.overflow?.to ?? "");
    const first = teams.get(from.team);
    const offered = stepOffered.get(from.id);
    if (!to || !first || !offered) continue;
    const backup = teams.get(to.team);
    const fromHandle = distMean(from.handleTime);
    const ratio = fromHandle > 0 ? distMean(to.handleTime) / fromHandle : 1;
    const spilled = stepOffered.get(to.id);
    for (let h = 0; h < HOURS_PER_WEEK; h++) {
      const total = first.offered[h]!;
      const excess = total - first.capacity[h]!;
      if (!(excess > 0) || !(offered[h]! > 0)) continue;
      const spill = (excess * offered[h]!) / total;
      first.offered[h]! -= spill;
      offered[h]! -= spill;
      if (backup) backup.offered[h]! += spill * ratio;
      if (spilled) spilled[h]! += spill * ratio;
    }
  }
}

/** The ratio of offered load to capacity that counts as overloaded (a team whose excess overflows is only overloaded past full). */
function full(load: TeamLoad): number {
  return load.overflowing ? 1 + 1e-9 : 1 - 1e-9;
}

/** Ratio of offered load to capacity per hour of the week where it is 1 or more (else 0). */
function overloadedHours(load: TeamLoad): Float64Array {
  const ratios = new Float64Array(HOURS_PER_WEEK);
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    const c = load.capacity[h]!;
    const ratio = c > 0 ? load.offered[h]! / c : 0;
    if (ratio >= full(load)) ratios[h] = ratio;
  }
  return ratios;
}

/**
 * A live team offered 90% or more (but less than all) of its capacity in some hours: the
 * queue stays stable on paper, but waits grow steeply there ("L1 front line at 95% on
 * weekdays 10:00-12:00: expect long waits; service level falls steeply."). Null when none.
 */
function highLoadHours(load: TeamLoad): string | null {
  const hot: boolean[] = [];
  let peak = 0;
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    const c = load.capacity[h]!;
    const ratio = c > 0 ? load.offered[h]! / c : 0;
    hot.push(ratio >= HIGH_LOAD);
    if (ratio >= HIGH_LOAD) peak = Math.max(peak, ratio);
  }
  if (peak === 0) return null;
  const when = hot.every(Boolean) ? "all week" : describeWeekHours(hot);
  return `${load.name} at ${percent(peak)} of its capacity ${when === "all week" ? when : `on ${when}`}: expect long waits; service level falls steeply.`;
}

/** Offered load, as a share of capacity, from which a live team is warned of long waits. */
const HIGH_LOAD = 0.9;

/** The same per day of the week (each hour of a day carries its day's ratio, or 0). */
function overloadedDays(load: TeamLoad): Float64Array {
  const ratios = new Float64Array(HOURS_PER_WEEK);
  for (let day = 0; day < 7; day++) {
    let offered = 0;
    let capacity = 0;
    for (let h = day * 24; h < day * 24 + 24; h++) {
      offered += load.offered[h]!;
      capacity += load.capacity[h]!;
    }
    const ratio = capacity > 0 ? offered / capacity : 0;
    if (ratio >= full(load)) ratios.fill(ratio, day * 24, day * 24 + 24);
  }
  return ratios;
}

function overloadedPeak(ratios: Float64Array): number {
  let peak = 0;
  for (let h = 0; h < ratios.length; h++) peak = Math.max(peak, ratios[h]!);
  return peak;
}

/** "<team> is offered [up to ]N% of its capacity <when>: <what happens>." */
function overloadMessage(load: TeamLoad, ratios: Float64Array): string {
  const peak = overloadedPeak(ratios);
  let low = peak;
  const over: boolean[] = [];
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    over.push(ratios[h]! > 0);
    if (ratios[h]! > 0) low = Math.min(low, ratios[h]!);
  }
  const upTo = percent(peak) === percent(low) ? "" : "up to ";
  let when: string;
  let outcome: string;
  if (load.live) {
    when = describeWeekHours(over);
    outcome = load.patient ? "callers will hang up during those hours" : "the queue builds up during those hours";
  } else {
    const days = [0, 1, 2, 3, 4, 5, 6].filter((d) => over[d * 24]);
    when = daysInWords(days);
    outcome = "the backlog grows on those days and must be worked off later";
  }
  const on = when.startsWith("every") ? "" : "on ";
  return `${load.name} is offered ${upTo}${percent(peak)} of its capacity ${on}${when}: ${outcome}.`;
}

/** Arrivals per hour at each hour of the week: perHour x hourly x weekly weights (each of mean 1). */
function weeklyRates(channel: Extract<Node, { kind: "channel" }>): Float64Array {
  const profile = channel.arrivals.profile;
  if (profile && profile.length > 0 && profile.length % HOURS_PER_WEEK === 0) {
    // a profile per interval: each hour's rate is the mean of its intervals
    const per = profile.length / HOURS_PER_WEEK;
    const weights = meanOne(profile, profile.length);
    return Float64Array.from({ length: HOURS_PER_WEEK }, (_, h) => {
      let total = 0;
      for (let i = 0; i < per; i++) total += weights[h * per + i]!;
      return (channel.arrivals.perHour * total) / per;
    });
  }
  const hourly = meanOne(channel.arrivals.hourly, 24);
  const weekly = meanOne(channel.arrivals.weekly, 7);
  return Float64Array.from(
    { length: HOURS_PER_WEEK },
    (_, h) => channel.arrivals.perHour * hourly[h % 24]! * weekly[Math.floor(h / 24)]!,
  );
}

/** Erlangs a team's staffed agents can give at each hour of the week (minute-exact averages). */
function weeklyCapacity(team: Model["teams"][number]): Float64Array {
  const week = HOURS_PER_WEEK * 3600;
  const staffing = compileStaffing(team.schedule, team.agents, 0, week);
  const perAgent = agentThroughput(team.concurrency, team.concurrencySlowdown);
  const capacity = new Float64Array(HOURS_PER_WEEK);
  let agents = staffing.initial;
  let from = 0;
  const add = (to: number) => {
    for (let t = from; t < to; ) {
      const h = Math.floor(t / 3600);
      const end = Math.min(to, (h + 1) * 3600);
      capacity[h]! += (agents * perAgent * (end - t)) / 3600;
      t = end;
    }
    from = to;
  };
  for (let i = 0; i < staffing.times.length; i++) {
    add(staffing.times[i]!);
    agents = staffing.agents[i]!;
  }
  add(week);
  return capacity;
}

/**
 * Contacts one agent works through at once in full-speed terms: with k held, each at
 * slowdown m_k, the agent gives k / m_k; the best k up to the concurrency counts.
 */
function agentThroughput(concurrency: number, slowdown: number[] | undefined): number {
  if (!slowdown || slowdown.length === 0) return concurrency;
  let best = 0;
  for (let k = 1; k <= concurrency; k++) best = Math.max(best, k / slowdown[Math.min(k, slowdown.length) - 1]!);
  return best;
}

/** Whether offered load and capacity keep the same ratio in every hour (no profile, no schedule). */
function isFlat(load: TeamLoad): boolean {
  const ratio = load.offered[0]! / load.capacity[0]!;
  for (let h = 1; h < HOURS_PER_WEEK; h++)
    if (Math.abs(load.offered[h]! / load.capacity[h]! - ratio) > 1e-9 * Math.max(1, ratio)) return false;
  return Number.isFinite(ratio);
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}
