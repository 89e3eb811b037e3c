/**
 * Escalation tiers as horizontal swimlanes: which lane each node belongs to, and the bands
 * the lanes occupy given node positions. Pure, so the canvas and the exporters draw the same
 * lanes. Work steps sit in their team's tier; channels and self-service in the intake lane;
 * every other step (routes, hand-offs, follow-ups, ends) in the lane of the step that feeds it.
 */
import type { Model, Node } from "../model";
import { nodeSize } from "./nodeSize";

/** Lane key: 0 is intake, 1.. the team tier. */
export type LaneKey = number;

/** One horizontal band behind the nodes. */
export interface Lane {
  key: LaneKey;
  /** "Intake", "L1", "L2" ... */
  label: string;
  /** Top edge (px, flow coordinates). */
  y: number;
  /** Height (px). */
  height: number;
  /** Left edge and width (px), spanning every node of the flow with a margin. */
  x: number;
  width: number;
  /** Ids of the nodes in this lane. */
  nodeIds: string[];
}

/** Vertical padding inside a lane above and below its nodes (px). */
export const LANE_PADDING = 14;
/** Horizontal margin of the lanes beyond the outermost nodes (px); the lane label sits here, upright. */
export const LANE_MARGIN = 36;

/** The label of a lane key. */
export function laneLabel(key: LaneKey): string {
  return key === 0 ? "Intake" : `L${key}`;
}

/**
 * The lane of every node of `model`. Work steps take their team's tier, channels and
 * self-service the intake lane, a hand-off the tier of the work step it hands to; any other
 * step the lane most of the steps feeding it are in (a tie goes to the higher tier). A node
 * nothing laned feeds joins the intake lane.
 */
export function assignLanes(model: Model): Map<string, LaneKey> {
  const tierOf = new Map(model.teams.map((team) => [team.id, team.tier]));
  const byId = new Map(model.nodes.map((node) => [node.id, node]));
  const successors = new Map<string, string[]>();
  const predecessors = new Map<string, string[]>();
  for (const edge of model.edges) {
    // Appended in place: copying the list at each edge is quadratic in a step's connections.
    const after = successors.get(edge.from);
    if (after) after.push(edge.to);
    else successors.set(edge.from, [edge.to]);
    const before = predecessors.get(edge.to);
    if (before) before.push(edge.from);
    else predecessors.set(edge.to, [edge.from]);
  }
  const lanes = new Map<string, LaneKey>();
  for (const node of model.nodes) {
    const own =
      ownLane(node, tierOf) ?? (node.kind === "escalate" ? handOffLane(node.id, byId, successors, tierOf) : undefined);
    if (own !== undefined) lanes.set(node.id, own);
  }
  // Each pass lanes the steps fed by laned steps; a chain of n unlaned steps needs n passes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of model.nodes) {
      if (lanes.has(node.id)) continue;
      const fed = (predecessors.get(node.id) ?? []).map((id) => lanes.get(id)).filter((key) => key !== undefined);
      if (fed.length === 0) continue;
      lanes.set(node.id, mostCommon(fed));
      changed = true;
    }
  }
  for (const node of model.nodes) if (!lanes.has(node.id)) lanes.set(node.id, 0);
  return lanes;
}

/**
 * The lanes of `model` given the top-left `positions` of its nodes (px): one band per lane
 * key in use, ordered top to bottom by key, each spanning the vertical extent of its nodes
 * plus padding and the full width of the flow. Bands are placed where their nodes are; a node
 * without a position is left out.
 */
export function computeLanes(model: Model, positions: Record<string, { x: number; y: number }>): Lane[] {
  const laneOf = assignLanes(model);
  const bounds = new Map<LaneKey, { top: number; bottom: number; ids: string[] }>();
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  for (const node of model.nodes) {
    const at = positions[node.id];
    if (!at) continue;
    const size = nodeSize(node);
    const key = laneOf.get(node.id) ?? 0;
    const band = bounds.get(key) ?? { top: Number.POSITIVE_INFINITY, bottom: Number.NEGATIVE_INFINITY, ids: [] };
    band.top = Math.min(band.top, at.y);
    band.bottom = Math.max(band.bottom, at.y + size.height);
    band.ids.push(node.id);
    bounds.set(key, band);
    left = Math.min(left, at.x);
    right = Math.max(right, at.x + size.width);
  }
  if (bounds.size === 0) return [];
  const keys = [...bounds.keys()].sort((a, b) => a - b);
  const lanes = keys.map((key) => {
    const band = bounds.get(key) as { top: number; bottom: number; ids: string[] };
    return {
      key,
      label: laneLabel(key),
      y: band.top - LANE_PADDING,
      height: band.bottom - band.top + 2 * LANE_PADDING,
      x: left - LANE_MARGIN,
      width: right - left + 2 * LANE_MARGIN,
      nodeIds: band.ids,
    };
  });
  return separateBands(lanes);
}

/** The lane whose band holds the vertical point `y` (px), if any. */
export function laneAt(lanes: Lane[], y: number): Lane | undefined {
  return lanes.find((lane) => y >= lane.y && y <= lane.y + lane.height);
}

// helpers

/**
 * A layout drawn by hand (or nodes dragged out of order) may not respect the lanes, so bands
 * may overlap: a band starting above the one before merges with it ("Intake / L1"), and any
 * other overlap is split at its middle. No lane is ever left out, so every step's tier shows.
 */
function separateBands(lanes: Lane[]): Lane[] {
  const separated: Lane[] = [];
  for (const lane of lanes) {
    const above = separated[separated.length - 1];
    if (!above || !overlaps(above, lane)) {
      separated.push(lane);
    } else if (lane.y <= above.y + LANE_PADDING) {
      const bottom = Math.max(above.y + above.height, lane.y + lane.height);
      above.y = Math.min(above.y, lane.y);
      above.height = bottom - above.y;
      above.label = `${above.label} / ${lane.label}`;
      above.nodeIds = [...above.nodeIds, ...lane.nodeIds];
    } else {
      const middle = (lane.y + above.y + above.height) / 2;
      lane.height = lane.y + lane.height - middle;
      lane.y = middle;
      above.height = middle - above.y;
      separated.push(lane);
    }
  }
  return separated;
}

function overlaps(a: Lane, b: Lane): boolean {
  return a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The tier of the first work step reached from a hand-off, through other non-work steps. */
function handOffLane(
  id: string,
  byId: Map<string, Node>,
  successors: Map<string, string[]>,
  tierOf: Map<string, number>,
): LaneKey | undefined {
  const seen = new Set([id]);
  const queue = [...(successors.get(id) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    const node = byId.get(next);
    if (node?.kind === "work") return tierOf.get(node.team) ?? 1;
    if (node && node.kind !== "end") queue.push(...(successors.get(next) ?? []));
  }
  return undefined;
}

function mostCommon(keys: LaneKey[]): LaneKey {
  const counts = new Map<LaneKey, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  let best = keys[0] as LaneKey;
  for (const [key, count] of counts) {
    const bestCount = counts.get(best) ?? 0;
    if (count > bestCount || (count === bestCount && key > best)) best = key;
  }
  return best;
}

function ownLane(node: Node, tierOf: Map<string, number>): LaneKey | undefined {
  if (node.kind === "work") return tierOf.get(node.team) ?? 1;
  if (node.kind === "channel" || node.kind === "selfService") return 0;
  return undefined;
}
