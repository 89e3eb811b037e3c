/**
 * Builds the calibrated flowcast/v1 flow from a log's summary and fits, keeping what the log
 * tells: one channel node per channel (hourly and weekly arrival profile, day factor,
 * priority mix); one work node per team with its fitted handle time, patience and outcome
 * shares, and, where channels differ at a team (handle time or patience), a first work step
 * per channel sharing the team's agents; priority queues when the log names priorities; an
 * end node per way tickets closed (resolved, cancelled, duplicate…) reached through a split
 * with each step's shares; the log's own horizon. Escalate nodes for moves to a later tier,
 * follow-up nodes for waits on the customer, delay nodes for the time a ticket stays closed
 * before a reopen, and route splits where a step leads to several teams.
 */
import type { Dist } from "../model/distribution";
import { CHANNELS, type ChannelType, type ModelFile, PRIORITIES, type Priority } from "../model/schema";
import type { LogAnalysis } from "./analyze";
import { type ArrivalWindow, arrivalWindow } from "./arrivals";
import { type FitResult, fitDuration, meanOf, roundDist } from "./fit";
import type { DurationSample } from "./sample";
import { type EntryStep, MIN_ENTRY_VISITS, type Summary, type TeamOutcomes } from "./summarize";

type NodeFile = NonNullable<ModelFile["nodes"]>[number];
type EdgeFile = NonNullable<ModelFile["edges"]>[number];

export interface FlowFits {
  handleTime: FitResult[];
  waits: FitResult[];
  reopenGaps: FitResult[];
  noWork: FitResult;
  patienceSeconds: (number | undefined)[];
  /** Per channel entry step ("team\u0000channel"): its handle time and patience. */
  entries: Map<string, EntryFit>;
  /**
   * Handle time per priority where priorities differ, per step: a team's step by its index
   * ("3"), an entry step by its key.
   */
  byPriority: Map<string, Partial<Record<Priority, FitResult>>>;
  arrivals: ChannelFit[];
  /** The part of the log the arrival level is fitted on. */
  arrivalWindow: ArrivalWindow;
}

export interface EntryFit {
  handleTime: FitResult;
  /** Mean patience (seconds), where abandonment is seen. */
  patienceSeconds: number | undefined;
  abandons: number;
  queued: number;
}

export interface ChannelFit {
  id: string;
  label: string;
  channel: ChannelType;
  tickets: number;
  perHour: number;
  hourly: number[];
  weekly: number[];
  /** Hour-by-day profile, tickets per hour (Monday first), for the report. */
  profile: number[][];
  /** Spread of the day factor (sd of a gamma with mean 1), or undefined when Poisson fits. */
  dayFactorSd: number | undefined;
  priority: Partial<Record<Priority, number>>;
}

/** Ids of teams, unique and valid, from their names. */
export function teamIds(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const raw = slug(name) || "team";
    // Ids become object keys in the file (shares, layout): never a key objects inherit.
    const base = raw in Object.prototype || raw === "__proto__" ? `team-${raw.replace(/^_+/, "")}` : raw;
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  });
}

/** Fits every distribution the flow needs; `steps`: the channels' entry steps (`summarize`). */
export function fitFlow(a: LogAnalysis, steps: readonly EntryStep[] = []): FlowFits {
  const window = arrivalWindow(a);
  const split = new Set(steps.map((e) => e.team));
  const patienceSeconds = a.abandons.map((n, i) => (n > 0 ? a.queueSeconds[i]! / n : undefined));
  const entries = new Map<string, EntryFit>();
  for (const e of steps) {
    const q = a.entryQueue.get(e.key);
    entries.set(e.key, {
      handleTime: fitDuration(a.entryHandle.get(e.key)!),
      patienceSeconds: q && q.abandons > 0 ? q.seconds / q.abandons : undefined,
      abandons: q?.abandons ?? 0,
      queued: q?.contacts ?? 0,
    });
  }
  // A team split by channel keeps, at its own step, the visits the entry steps do not take:
  // their handle time, and the time in its queue less the entry steps' (same MLE).
  for (const t of split) {
    let seconds = a.queueSeconds[t]!;
    let abandons = a.abandons[t]!;
    for (const e of steps) {
      if (e.team !== t) continue;
      const q = a.entryQueue.get(e.key);
      seconds -= q?.seconds ?? 0;
      abandons -= q?.abandons ?? 0;
    }
    patienceSeconds[t] = abandons > 0 && seconds > 0 ? seconds / abandons : undefined;
  }
  const byPriority = new Map<string, Partial<Record<Priority, FitResult>>>();
  const samplesOf = (map: Map<string, DurationSample>, prefix: string) =>
    [...map].flatMap(([key, s]) => (key.startsWith(prefix) ? [[Number(key.slice(prefix.length)), s] as const] : []));
  // A team split by channel: its own step takes the later visits, whose priorities are not
  // kept apart; its entry steps have their own.
  for (const t of a.teams.list.keys()) {
    if (split.has(t)) continue;
    const fit = priorityHandle(a, samplesOf(a.handleByPriority, `${t}\u0000`));
    if (fit) byPriority.set(String(t), fit);
  }
  for (const e of steps) {
    const fit = priorityHandle(a, samplesOf(a.entryHandleByPriority, `${e.key}\u0000`));
    if (fit) byPriority.set(e.key, fit);
  }
  return {
    byPriority,
    handleTime: a.handle.map((s, t) => {
      const later = a.laterHandle.get(String(t));
      return fitDuration(split.has(t) && later && later.n >= MIN_ENTRY_VISITS ? later : s);
    }),
    waits: a.waits.map((s) => fitDuration(s)),
    reopenGaps: a.reopenGaps.map((s) => fitDuration(s)),
    noWork: fitDuration(a.noWork),
    patienceSeconds,
    entries,
    arrivals: fitArrivals(a, window),
    arrivalWindow: window,
  };
}

/** The calibrated flow (as a file: durations in seconds). */
export function buildFlow(a: LogAnalysis, summary: Summary, fits: FlowFits, name: string): ModelFile {
  const ids = teamIds(a.teams.list);
  const nodes: NodeFile[] = [];
  const edges: EdgeFile[] = [];
  const edge = (from: string, to: string, port?: string) =>
    edges.push({ id: `e${edges.length + 1}`, from, to, ...(port ? { port } : {}) });
  const work = (t: number) => `work-${ids[t]}`;
  /** Connects a port to one team's work node, or through a split when there are several. */
  const connect = (from: string, port: string | undefined, targets: Record<number, number>) => {
    const keys = Object.keys(targets).map(Number);
    if (keys.length === 1) return edge(from, work(keys[0]!), port);
    const split = `${from}-${port ?? "out"}-to`;
    nodes.push({
      id: split,
      kind: "route",
      label: "Which team",
      split: shares(keys.map((k) => [ids[k]!, targets[k]!])),
    });
    edge(from, split, port);
    for (const k of keys) edge(split, work(k), ids[k]);
  };
  const ends = endNodes(a, summary);
  /** Where a step's closings go: its end, or a split by how tickets closed there (made once). */
  const closings = new Map<string, string>();
  const closeTarget = (stepId: string, closedAs: Record<number, number>): string => {
    const byEnd = new Map<string, number>();
    for (const [s, n] of Object.entries(closedAs)) {
      const id = ends.of(Number(s)).id;
      byEnd.set(id, (byEnd.get(id) ?? 0) + n);
    }
    if (byEnd.size <= 1) return byEnd.keys().next().value ?? ends.main;
    let split = closings.get(stepId);
    if (split === undefined) {
      split = `close-${stepId}`;
      closings.set(stepId, split);
      nodes.push({ id: split, kind: "route", label: "How it closes", split: shares([...byEnd]) });
      for (const id of byEnd.keys()) edge(split, id, id);
    }
    return split;
  };
  // Priority queues when the log names priorities Flowcast knows (two or more of them).
  const discipline = priorityLevels(a) >= 2 ? "priority" : "fifo";
  const entrySteps = new Map<string, { stepId: string; step: EntryStep }>();
  const usedSteps = new Set(ids);
  for (const step of summary.entrySteps) {
    const channel = slug(fits.arrivals[step.channel]?.label ?? "") || "channel";
    let stepId = `${ids[step.team]}-${channel}`;
    for (let k = 2; usedSteps.has(stepId); k++) stepId = `${ids[step.team]}-${channel}-${k}`;
    usedSteps.add(stepId);
    entrySteps.set(step.key, { stepId, step });
  }

  let needsNoAgent = false;
  const noWorkAs: Record<number, number> = {};
  for (const [c, fit] of fits.arrivals.entries()) {
    const entry = summary.entries[c]!;
    for (const [s, n] of Object.entries(entry.noWorkAs)) noWorkAs[Number(s)] = (noWorkAs[Number(s)] ?? 0) + n;
    nodes.push({
      id: fit.id,
      kind: "channel",
      label: fit.label,
      channel: fit.channel,
      arrivals: {
        perHour: Math.max(0.0001, round(fit.perHour, 4)),
        hourly: fit.hourly,
        weekly: fit.weekly,
        ...(fit.dayFactorSd ? { dayFactor: { dist: "gamma", mean: 1, sd: round(fit.dayFactorSd, 3) } } : {}),
      },
      ...(Object.keys(fit.priority).length > 0 ? { priority: fit.priority } : {}),
    });
    // Escalated on the way in: through an escalate node of its own (key: -2 - team).
    const targets: Record<number, number> = { ...entry.teams };
    for (const [t, n] of Object.entries(entry.escalated)) targets[-2 - Number(t)] = n;
    if (entry.noWork > 0) targets[-1] = entry.noWork;
    const keys = Object.keys(targets).map(Number);
    const entryTarget = (k: number) => {
      if (k === -1) return { node: "no-agent", port: "no-agent" };
      if (k >= 0) {
        const own = entrySteps.get(`${k}\u0000${c}`);
        return { node: own ? `work-${own.stepId}` : work(k), port: ids[k]! };
      }
      const t = -2 - k;
      const esc = `escalate-in-${ids[t]}`;
      if (!nodes.some((n) => n.id === esc)) {
        nodes.push({
          id: esc,
          kind: "escalate",
          label: `Escalated on arrival to ${a.teams.list[t]}`,
          handoff: "structured",
          noteTime: 0,
        });
        edge(esc, work(t));
      }
      return { node: esc, port: `escalated-${ids[t]}` };
    };
    if (keys.length === 0) {
      edge(fit.id, "no-agent");
      needsNoAgent = true;
    } else if (keys.length === 1 && keys[0] !== -1) edge(fit.id, entryTarget(keys[0]!).node);
    else {
      const split = `${fit.id}-entry`;
      nodes.push({
        id: split,
        kind: "route",
        label: "First team",
        split: shares(keys.map((k) => [entryTarget(k).port, targets[k]!])),
      });
      edge(fit.id, split);
      for (const k of keys) {
        const target = entryTarget(k);
        edge(split, target.node, target.port);
        if (k === -1) needsNoAgent = true;
      }
    }
  }

  /** One work step of team `t` (`stepId` names it and its follow-on nodes) and where it leads. */
  const addStep = (
    t: number,
    stepId: string,
    label: string,
    o: TeamOutcomes,
    handleTime: Dist,
    patience: number | undefined,
    byPriority: Partial<Record<Priority, FitResult>> | undefined,
  ) => {
    const node = `work-${stepId}`;
    const counts: [string, number][] = [
      ["resolved", o.resolved],
      ["escalate", sum(o.escalate)],
      ["return", sum(o.return)],
      ["transfer", sum(o.transfer)],
      ["repeat", o.repeat],
      ["wait", o.wait],
      ["reopen", sum(o.reopen)],
    ];
    const seen = counts.filter(([, n]) => n > 0);
    nodes.push({
      id: node,
      kind: "work",
      label,
      team: ids[t]!,
      handleTime: atLeastOneSecond(roundDist(handleTime)),
      ...(byPriority
        ? {
            handleTimeByPriority: Object.fromEntries(
              Object.entries(byPriority).map(([p, fit]) => [p, atLeastOneSecond(roundDist(fit.dist))]),
            ),
          }
        : {}),
      queue: { discipline, ...(patience ? { patience: { dist: "exponential", mean: round(patience) } } : {}) },
      outcomes: seen.length > 0 ? shares(seen) : { resolved: 1 },
    });
    if (seen.length === 0 || o.resolved > 0) edge(node, closeTarget(stepId, o.closedAs), "resolved");
    if (sum(o.escalate) > 0) {
      const esc = `escalate-${stepId}`;
      nodes.push({
        id: esc,
        kind: "escalate",
        label: `Escalate from ${a.teams.list[t]}`,
        handoff: "structured",
        noteTime: 0,
      });
      edge(node, esc, "escalate");
      connect(esc, undefined, o.escalate);
    }
    if (sum(o.return) > 0) connect(node, "return", o.return);
    if (sum(o.transfer) > 0) connect(node, "transfer", o.transfer);
    if (o.repeat > 0) edge(node, work(t), "repeat");
    if (o.wait > 0) {
      const wait = `wait-${stepId}`;
      const resume = Object.entries(o.waitResume).map(([k, n]) => [ids[Number(k)]!, n] as [string, number]);
      const outs: [string, number][] = [
        ...(o.waitResolved > 0 ? [["resolved", o.waitResolved] as [string, number]] : []),
        ...resume,
      ];
      nodes.push({
        id: wait,
        kind: "followUp",
        label: `Waiting on the customer (${a.teams.list[t]})`,
        wait: roundDist(fits.waits[t]!.dist),
        outcomes: shares(outs),
      });
      edge(node, wait, "wait");
      if (o.waitResolved > 0) edge(wait, closeTarget(stepId, o.closedAs), "resolved");
      for (const k of Object.keys(o.waitResume).map(Number)) edge(wait, work(k), ids[k]);
    }
    if (sum(o.reopen) > 0) {
      const closed = `reopen-${stepId}`;
      nodes.push({
        id: closed,
        kind: "delay",
        label: `Closed until reopened (${a.teams.list[t]})`,
        duration: roundDist(fits.reopenGaps[t]!.dist),
      });
      edge(node, closed, "reopen");
      connect(closed, undefined, o.reopen);
    }
  };

  for (const { stepId, step } of entrySteps.values()) {
    const fit = fits.entries.get(step.key);
    addStep(
      step.team,
      stepId,
      `${a.teams.list[step.team]} works ${fits.arrivals[step.channel]?.label ?? "channel"} tickets`,
      step.outcomes,
      (fit?.handleTime ?? fits.handleTime[step.team]!).dist,
      fit ? fit.patienceSeconds : fits.patienceSeconds[step.team],
      fits.byPriority.get(step.key),
    );
  }
  for (const [t, o] of summary.outcomes.entries()) {
    if (!summary.pooledVisited[t]) continue;
    const byPriority = fits.byPriority.get(String(t));
    addStep(
      t,
      ids[t]!,
      `${a.teams.list[t]} works the ticket`,
      o,
      fits.handleTime[t]!.dist,
      fits.patienceSeconds[t],
      byPriority,
    );
  }
  if (needsNoAgent) {
    nodes.push({
      id: "no-agent",
      kind: "delay",
      label: "Closed with no agent work in the log",
      duration: roundDist(fits.noWork.dist),
    });
    edge("no-agent", closeTarget("no-agent", noWorkAs));
  }
  for (const end of ends.list) nodes.push({ id: end.id, kind: "end", label: end.label, status: end.status });

  // The log's own horizon: from its first ticket start to its last, to the minute, after a
  // two-day warm-up ending at that first start.
  const warmupSeconds = 2 * 86400;
  const firstMinute = Math.floor(a.firstCreated / 60_000) * 60_000;
  const spanSeconds = Math.max(60, Math.ceil((a.lastCreated - firstMinute) / 60_000) * 60);
  const start = new Date(firstMinute - warmupSeconds * 1000);
  return {
    format: "flowcast/v1",
    name,
    description: `Calibrated from an event log of ${a.tickets.size} tickets over ${formatDays(spanSeconds)}.`,
    clock: {
      start: start.toISOString().slice(0, 16),
      horizon: warmupSeconds + spanSeconds,
      warmup: warmupSeconds,
    },
    teams: a.teams.list.flatMap((teamName, t) =>
      summary.visited[t] ? [teamFile(ids[t]!, teamName, summary.tiers[t]!, summary.agents[t]!)] : [],
    ),
    nodes,
    edges,
  };
}

/**
 * Handle time per Flowcast priority at one step, when it changes with priority: each priority
 * with at least `MIN_ENTRY_VISITS` visits (the log's text with most visits where several
 * read as one priority), kept when two of them differ in mean by more than 5% and three
 * standard errors; undefined otherwise.
 */
function priorityHandle(
  a: LogAnalysis,
  samples: (readonly [number, DurationSample])[],
): Partial<Record<Priority, FitResult>> | undefined {
  const best = new Map<Priority, DurationSample>();
  for (const [p, s] of samples) {
    const known = guessPriority(a.priorities.list[p] ?? "");
    if (!known || s.n < MIN_ENTRY_VISITS) continue;
    if ((best.get(known)?.n ?? 0) < s.n) best.set(known, s);
  }
  const list = [...best.values()];
  const differ = list.some((x, i) =>
    list.slice(i + 1).some((y) => {
      const gap = Math.abs(x.mean - y.mean);
      return gap > 0.05 * Math.max(x.mean, y.mean) && gap > 3 * Math.sqrt(x.sd ** 2 / x.n + y.sd ** 2 / y.n);
    }),
  );
  if (!differ) return undefined;
  const out: Partial<Record<Priority, FitResult>> = {};
  for (const p of PRIORITIES) {
    const s = best.get(p);
    if (s) out[p] = fitDuration(s);
  }
  return out;
}

/** How many of Flowcast's priorities the log's priority texts name. */
export function priorityLevels(a: LogAnalysis): number {
  const known = new Set<Priority>();
  for (const text of a.priorities.list) {
    const p = guessPriority(text);
    if (p) known.add(p);
  }
  return known.size;
}

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

// helpers

/** A handle time of zero (work rows closed in the same minute) becomes one second: work takes time. */
function atLeastOneSecond(d: Dist): Dist {
  return meanOf(d) >= 1 ? d : { dist: "fixed", value: 1 };
}

function fitArrivals(a: LogAnalysis, window: ArrivalWindow): ChannelFit[] {
  const firstHour = Math.floor(a.firstCreated / 3_600_000);
  const lastHour = Math.max(firstHour, Math.floor(a.lastCreated / 3_600_000));
  const spanHours = lastHour - firstHour + 1;
  const occ = new Float64Array(168);
  for (let h = firstHour; h <= lastHour; h++) occ[(h + 72) % 168]!++; // epoch hour 0 is Thursday 00:00
  const usedIds = new Set<string>();
  return a.channels.list.map((raw, c) => {
    const how = a.createdByHourOfWeek[c] ?? new Float64Array(168);
    const tickets = how.reduce((x, y) => x + y, 0);
    const rate = (i: number) => (occ[i]! > 0 ? how[i]! / occ[i]! : 0);
    const profile = Array.from({ length: 7 }, (_, d) =>
      Array.from({ length: 24 }, (_, h) => round(rate(d * 24 + h), 3)),
    );
    // The level from the stable part of the log when it is not the whole span.
    // A channel with no start inside the stable part keeps its rate over the whole span.
    const inWindow = window.whole ? 0 : ticketsIn(a.createdByDay[c], window);
    const perHour = inWindow > 0 ? inWindow / (window.days * 24) : tickets / spanHours;
    // Ratios to the mean rate over the hours the log covers; hours or days it never covers
    // keep weight 1, so a log shorter than a week does not inflate the days it has.
    const ratio = (slots: number[]) => {
      let count = 0;
      let hours = 0;
      for (const i of slots) {
        count += how[i]!;
        hours += occ[i]!;
      }
      return hours > 0 && perHour > 0 ? count / hours / perHour : 1;
    };
    const hourly = normalise(Array.from({ length: 24 }, (_, h) => ratio([0, 1, 2, 3, 4, 5, 6].map((d) => d * 24 + h))));
    const weekly = normalise(
      Array.from({ length: 7 }, (_, d) => ratio(Array.from({ length: 24 }, (_, h) => d * 24 + h))),
    );
    const label = raw === "" ? "Tickets" : raw;
    let id = `ch-${slug(label) || "channel"}`;
    for (let k = 2; usedIds.has(id); k++) id = `ch-${slug(label)}-${k}`;
    usedIds.add(id);
    const priority: Partial<Record<Priority, number>> = {};
    const pm = a.priorityByChannel[c] ?? new Map<number, number>();
    for (const [p, n] of pm) {
      const known = guessPriority(a.priorities.list[p]!);
      if (known) priority[known] = (priority[known] ?? 0) + n;
    }
    const total = Object.values(priority).reduce((x, y) => x + (y ?? 0), 0);
    const prio = total > 0 ? shares(Object.entries(priority) as [string, number][]) : {};
    return {
      id,
      label,
      channel: guessChannel(label),
      tickets,
      perHour,
      hourly,
      weekly,
      profile,
      dayFactorSd: dayFactorSd(within(a.createdByDay[c], window), perHour, hourly, weekly),
      priority: prio as Partial<Record<Priority, number>>,
    };
  });
}

/** Tickets created on the window's days. */
function ticketsIn(byDay: Map<number, number> | undefined, window: ArrivalWindow): number {
  let n = 0;
  for (const [, count] of within(byDay, window) ?? []) n += count;
  return n;
}

function within(byDay: Map<number, number> | undefined, window: ArrivalWindow): Map<number, number> | undefined {
  if (!byDay || window.whole) return byDay;
  const from = Math.floor(window.fromMs / 86_400_000);
  const to = Math.floor((window.toMs - 1) / 86_400_000);
  return new Map([...byDay].filter(([d]) => d >= from && d <= to));
}

/** sd of the day factor: the day-to-day spread beyond what Poisson arrivals give. */
function dayFactorSd(byDay: Map<number, number> | undefined, perHour: number, hourly: number[], weekly: number[]) {
  if (!byDay || byDay.size < 14) return undefined;
  const days = [...byDay.keys()].sort((x, y) => x - y).slice(1, -1); // first and last days are partial
  let sumR = 0;
  let sumR2 = 0;
  let sumInv = 0;
  for (const d of days) {
    const weekday = (d + 3) % 7; // epoch day 0 is a Thursday; Monday = 0
    const expected = perHour * 24 * weekly[weekday]! * (hourly.reduce((x, y) => x + y, 0) / 24);
    if (!(expected > 0)) continue;
    const r = (byDay.get(d) ?? 0) / expected;
    sumR += r;
    sumR2 += r * r;
    sumInv += 1 / expected;
  }
  const n = days.length;
  const mean = sumR / n;
  const variance = sumR2 / n - mean * mean - sumInv / n;
  return variance > 0.0004 ? Math.sqrt(variance) : undefined;
}

function teamFile(id: string, name: string, tier: number, agents: number[]) {
  const max = Math.max(1, ...agents);
  const constant = agents.every((x) => x === agents[0]);
  if (constant) return { id, name, tier, agents: max };
  const days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
  const schedule: { days: (typeof days)[number][]; from: string; to: string; agents: number }[] = [];
  for (let d = 0; d < 7; d++) {
    let h = 0;
    while (h < 24) {
      const n = agents[d * 24 + h]!;
      let e = h + 1;
      while (e < 24 && agents[d * 24 + e] === n) e++;
      if (n > 0) schedule.push({ days: [days[d]!], from: hhmm(h), to: hhmm(e), agents: n });
      h = e;
    }
  }
  return { id, name, tier, agents: max, schedule };
}

/** A span in days, or hours under two days ("28 days", "36.5 hours"). */
function formatDays(seconds: number): string {
  const days = seconds / 86400;
  if (days < 2) return `${round(seconds / 3600, 1)} hours`;
  return `${round(days, 2)} days`;
}

function hhmm(h: number): string {
  return `${String(h).padStart(2, "0")}:00`;
}

/** Shares that add to exactly 1 from counts (rounded to 6 places; the largest absorbs the rest). */
function shares(counts: [string, number][]): Record<string, number> {
  const total = counts.reduce((x, [, n]) => x + n, 0);
  const out = new Map<string, number>();
  let big = counts[0]![0];
  let bigCount = -1;
  let acc = 0;
  for (const [k, n] of counts) {
    const share = Math.round((n / total) * 1e6) / 1e6;
    out.set(k, share);
    acc += share;
    if (n > bigCount) {
      big = k;
      bigCount = n;
    }
  }
  out.set(big, Math.round((out.get(big)! + 1 - acc) * 1e6) / 1e6);
  return Object.fromEntries(out);
}

function sum(r: Record<number, number>): number {
  return Object.values(r).reduce((x, y) => x + y, 0);
}

function normalise(xs: number[]): number[] {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.map((x) => (mean > 0 ? round(x / mean, 4) : 1));
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A valid id from free text. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9_]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

/** The Flowcast channel type a channel's name suggests (webform when nothing fits). */
export function guessChannel(name: string): ChannelType {
  const t = name.toLowerCase();
  if ((CHANNELS as readonly string[]).includes(t)) return t as ChannelType;
  if (/phone|call|ivr|voice|tel/.test(t)) return "phone";
  if (/chat/.test(t)) return "chat";
  if (/mail/.test(t)) return "email";
  if (/social|twitter|facebook|instagram/.test(t)) return "social";
  if (/sms|whatsapp|messag|text/.test(t)) return "messaging";
  return "webform";
}

/** The Flowcast priority a log's priority text suggests ("3 - Moderate" -> normal). */
export function guessPriority(text: string): Priority | undefined {
  const t = text.toLowerCase().trim();
  if ((PRIORITIES as readonly string[]).includes(t)) return t as Priority;
  if (/urgent|critical|^1\b|p1\b|highest|emergency/.test(t)) return "urgent";
  if (/high|^2\b|p2\b/.test(t)) return "high";
  if (/low|^4\b|^5\b|p4\b|p5\b|planning/.test(t)) return "low";
  if (/normal|moderate|medium|^3\b|p3\b/.test(t)) return "normal";
  return undefined;
}
