/**
 * How loaded each node and edge of the flow was in a run, for colouring the canvas: a load
 * level (0 calm .. 1 saturated) with its colour on a green -> amber -> red scale, and an edge
 * width by the contacts that took it.
 *
 * A work step's level is the worst of: its team's utilisation (50% busy is calm, 75% amber,
 * 100% red), its mean wait against its SLA (twice the SLA is red) and its missed service
 * level. Only work steps have a load; other kinds return undefined.
 */
import type { Model } from "../../model";
import type { Results } from "../../sim/results";
import { formatBrief } from "./kpis";
import { runModelOf } from "./runModels";

/** Load of one node: `level` 0..1, a CSS colour, and a short text ("92% busy · wait 3.4 h"). */
export interface NodeLoad {
  level: number;
  colour: string;
  text: string;
}

/** Width (px) and label of one edge by the contacts that took it. */
export interface EdgeVolume {
  width: number;
  text: string;
}

/** Thinnest and thickest edge (px). */
export const EDGE_WIDTH_MIN = 1;
export const EDGE_WIDTH_MAX = 8;

/**
 * The load of work step `nodeId` in `results`, or undefined when the run says nothing about
 * it. `model` (the simulated flow, scenario applied) supplies the team and SLA; by default
 * the model registered by the run that produced `results`.
 */
export function nodeLoad(results: Results, nodeId: string, model?: Model): NodeLoad | undefined {
  const node = results.nodes[nodeId];
  if (node?.kind !== "work") return undefined;
  const flow = model ?? runModelOf(results);
  const spec = flow?.nodes.find((n) => n.id === nodeId);
  const work = spec?.kind === "work" ? spec : undefined;
  const levels: number[] = [];
  const parts: string[] = [];
  const utilization = work ? results.teams[work.team]?.utilization.mean : undefined;
  if (isNumber(utilization)) {
    levels.push(clamp((utilization - 0.5) / 0.5));
    parts.push(`${formatBrief(utilization, "share")} busy`);
  }
  const wait = node.waitMean?.mean;
  if (isNumber(wait)) {
    const sla = work?.queue.slaSeconds;
    if (sla !== undefined && sla > 0) levels.push(clamp(wait / sla / 2));
    parts.push(`wait ${formatBrief(wait, "seconds")}`);
  }
  const serviceLevel = node.serviceLevel?.mean;
  if (isNumber(serviceLevel)) levels.push(clamp(1 - serviceLevel));
  else if (levels.length === 0 && isNumber(node.pWait?.mean)) levels.push(clamp(node.pWait.mean));
  const queue = node.queueMean?.mean;
  if (isNumber(queue)) parts.push(`queue ${formatBrief(queue, "count")}`);
  if (levels.length === 0) return undefined;
  const level = Math.max(...levels);
  return { level, colour: loadColour(level), text: parts.join(" · ") };
}

/**
 * The width of edge `edgeId` by the contacts that took it (per replication), scaled by the
 * square root against the busiest edge so that small flows stay visible; undefined when
 * the run has no figure for it.
 */
export function edgeVolume(results: Results, edgeId: string): EdgeVolume | undefined {
  const volume = results.edges[edgeId]?.mean;
  if (!isNumber(volume)) return undefined;
  let busiest = 0;
  for (const estimate of Object.values(results.edges))
    if (isNumber(estimate.mean)) busiest = Math.max(busiest, estimate.mean);
  const share = busiest > 0 ? Math.sqrt(Math.max(0, volume) / busiest) : 0;
  return {
    width: EDGE_WIDTH_MIN + (EDGE_WIDTH_MAX - EDGE_WIDTH_MIN) * share,
    text: `${formatBrief(volume, "count")} contacts`,
  };
}

/** Colour of a load level: green (0) -> amber (0.5) -> red (1), as an `hsl()` string. */
export function loadColour(level: number): string {
  const l = clamp(level);
  const hue = l < 0.5 ? 130 - (90 * l) / 0.5 : 40 - (40 * (l - 0.5)) / 0.5;
  return `hsl(${Math.round(hue)}, 70%, 45%)`;
}

// helpers

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
