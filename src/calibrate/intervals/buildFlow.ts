/**
 * The flow an interval report describes: per channel, a channel step with its arrival
 * profile per interval of the week (closed intervals weigh 0), a work step with the fitted
 * handle time, patience and the answer SLA, and a team staffed per interval by the agents
 * inferred (or assumed) for it. Both ends lead to end steps, answered and abandoned.
 */
import { CHANNELS, type ChannelType, DAYS, type ModelFile } from "../../model/schema";
import { teamIds } from "../names";
import type { QueueFit } from "./fitQueue";

type NodeFile = NonNullable<ModelFile["nodes"]>[number];
type EdgeFile = NonNullable<ModelFile["edges"]>[number];

export interface ChannelQueue {
  name: string;
  fit: QueueFit;
}

export interface FlowIds {
  channel: string;
  work: string;
  team: string;
}

/** The ids of each channel's steps and team, in the order given. */
export function flowIds(names: readonly string[]): FlowIds[] {
  return teamIds(names).map((id) => ({ channel: id, work: `${id}-queue`, team: `${id}-agents` }));
}

/** The calibrated flow (as a file: durations in seconds). `mondayDate`: "2026-01-05". */
export function buildIntervalFlow(
  queues: readonly ChannelQueue[],
  options: { name: string; intervalMinutes: number; slaSeconds: number; mondayDate: string },
): ModelFile {
  const ids = flowIds(queues.map((q) => q.name));
  const nodes: NodeFile[] = [];
  const edges: EdgeFile[] = [];
  const edge = (from: string, to: string, port?: string) =>
    edges.push({ id: `e${edges.length + 1}`, from, to, ...(port ? { port } : {}) });
  const hours = 168;
  queues.forEach(({ name, fit }, i) => {
    const id = ids[i]!;
    const weekly = fit.offered.reduce((a, b) => a + b, 0);
    const patient = fit.patienceSeconds !== undefined;
    nodes.push({
      id: id.channel,
      kind: "channel",
      label: name,
      channel: channelType(name),
      arrivals: { perHour: round(weekly / hours, 4), profile: fit.offered.map((n) => round(n, 3)) },
    });
    nodes.push({
      id: id.work,
      kind: "work",
      label: `${name} queue`,
      team: id.team,
      handleTime: { dist: "exponential", mean: round(fit.ahtSeconds, 1) },
      queue: {
        slaSeconds: options.slaSeconds,
        ...(patient ? { patience: { dist: "exponential", mean: round(fit.patienceSeconds!, 1) } } : {}),
      },
      outcomes: { handled: 1 },
    });
    edge(id.channel, id.work);
    edge(id.work, "answered", "handled");
    if (patient) edge(id.work, "abandoned", "abandoned");
  });
  nodes.push({ id: "answered", kind: "end", label: "Answered", status: "resolved" });
  if (queues.some((q) => q.fit.patienceSeconds !== undefined))
    nodes.push({ id: "abandoned", kind: "end", label: "Abandoned", status: "unresolved" });
  return {
    format: "flowcast/v1",
    name: options.name,
    description: `Fitted to an ACD interval report (${options.intervalMinutes}-minute intervals): arrivals per interval of the week, handle time from AHT, patience from abandonment (Erlang A) and agents per interval.`,
    clock: {
      start: `${options.mondayDate}T00:00`,
      horizon: 8 * 86400,
      warmup: 86400,
      intervalMinutes: options.intervalMinutes,
    },
    teams: queues.map(({ name, fit }, i) => ({
      id: ids[i]!.team,
      name: `${name} agents`,
      agents: Math.max(0, ...fit.agents),
      schedule: scheduleOf(fit.agents, options.intervalMinutes),
    })),
    nodes,
    edges,
  };
}

// helpers

type ShiftFile = NonNullable<NonNullable<ModelFile["teams"]>[number]["schedule"]>[number];

/** Shifts staffing `agents` per interval of the week: runs of equal intervals of a day merged, zeros left out. */
function scheduleOf(agents: readonly number[], minutes: number): ShiftFile[] {
  const perDay = 1440 / minutes;
  const shifts: ShiftFile[] = [];
  const clock = (i: number) =>
    `${String(Math.floor((i * minutes) / 60)).padStart(2, "0")}:${String((i * minutes) % 60).padStart(2, "0")}`;
  DAYS.forEach((day, d) => {
    let start = 0;
    for (let i = 1; i <= perDay; i++) {
      const here = agents[d * perDay + start] ?? 0;
      if (i < perDay && (agents[d * perDay + i] ?? 0) === here) continue;
      if (here > 0) shifts.push({ days: [day], from: clock(start), to: clock(i), agents: here });
      start = i;
    }
  });
  return shifts;
}

function channelType(name: string): ChannelType {
  const lower = name.toLowerCase();
  return CHANNELS.find((c) => lower.includes(c)) ?? "phone";
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
