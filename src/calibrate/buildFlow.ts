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
import type { ModelFile, Priority } from "../model/schema";
import type { LogAnalysis } from "./analyze";
import { endNodes } from "./endStatuses";
import { type FitResult, meanOf, roundDist } from "./fit";
import { type FlowFits, priorityLevels } from "./fitFlow";
import { round, shares, slug, sum, teamIds } from "./names";
import type { EntryStep, Summary, TeamOutcomes } from "./summarize";

type NodeFile = NonNullable<ModelFile["nodes"]>[number];
type EdgeFile = NonNullable<ModelFile["edges"]>[number];

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

// helpers

/** A handle time of zero (work rows closed in the same minute) becomes one second: work takes time. */
function atLeastOneSecond(d: Dist): Dist {
  return meanOf(d) >= 1 ? d : { dist: "fixed", value: 1 };
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
