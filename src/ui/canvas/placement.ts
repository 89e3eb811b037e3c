/**
 * Where a new step goes: in the lane of its tier (a work step in its team's tier, a channel
 * in the intake), as near the wanted point as that lane allows, on a free spot. A lane that
 * does not exist yet opens between the lanes above and below it, and the steps of the lanes
 * below move down to make room, so lanes keep matching the steps' tiers.
 */
import { assignLanes, computeLanes, LANE_PADDING } from "../../layout/lanes";
import { nodeSize } from "../../layout/nodeSize";
import type { Model, Node } from "../../model";

/** Gap kept around a new step (px). */
const CLEARANCE = 16;
/** Search grid (px). */
const STEP = 24;
/** Gap between two lanes a new lane leaves (px). */
const LANE_GAP = 8;

export interface Placement {
  /** Top-left of the new step (px). */
  at: { x: number; y: number };
  /** New positions of steps moved to make room (px). */
  moved: Record<string, { x: number; y: number }>;
}

/** Where to put `node` (not yet in `model`) near `wanted` (its top-left, px). */
export function placeInLane(model: Model, node: Node, wanted: { x: number; y: number }): Placement {
  const size = nodeSize(node);
  const withNode: Model = { ...model, nodes: [...model.nodes, node] };
  const key = assignLanes(withNode).get(node.id) ?? 0;
  const placed = model.nodes.filter((n) => model.layout[n.id]);
  if (placed.length === 0) return { at: wanted, moved: {} };
  const lanes = computeLanes(model, model.layout);
  const lane = lanes.find((l) => l.key === key);
  const boxes = placed.map((n) => ({ ...(model.layout[n.id] as { x: number; y: number }), ...nodeSize(n) }));
  const free = (x: number, y: number) =>
    boxes.every(
      (b) =>
        x + size.width + CLEARANCE <= b.x ||
        b.x + b.width + CLEARANCE <= x ||
        y + size.height + CLEARANCE <= b.y ||
        b.y + b.height + CLEARANCE <= y,
    );
  if (lane && !lane.label.includes("/")) {
    const top = lane.y + LANE_PADDING;
    const bottom = lane.y + lane.height - LANE_PADDING - size.height;
    const y0 = Math.min(Math.max(wanted.y, top), Math.max(top, bottom));
    // Rows inside the band, nearest the wanted height first; columns nearest the wanted x.
    const rows = [y0];
    for (let y = top; y <= bottom; y += STEP) rows.push(y);
    rows.sort((a, b) => Math.abs(a - y0) - Math.abs(b - y0));
    for (let ring = 0; ring < 40; ring++)
      for (const dx of ring === 0 ? [0] : [ring, -ring])
        for (const y of rows)
          if (free(wanted.x + dx * STEP, y)) return { at: { x: wanted.x + dx * STEP, y }, moved: {} };
    // The band is full near here: grow it downwards.
    return openRow(
      model,
      key,
      { x: wanted.x, y: lane.y + lane.height - LANE_PADDING + CLEARANCE },
      size.height + CLEARANCE,
    );
  }
  // A new lane: below the lanes of lower tiers, above those of higher ones.
  const above = lanes.filter((l) => l.key < key).pop();
  const y = above
    ? above.y + above.height + LANE_GAP + LANE_PADDING
    : Math.min(...lanes.map((l) => l.y)) + LANE_PADDING;
  return openRow(model, key, { x: wanted.x, y }, size.height + LANE_PADDING * 2 + LANE_GAP);
}

/** Places the step at `at` and moves every step of a higher lane starting below `at.y` down by `room`. */
function openRow(model: Model, key: number, at: { x: number; y: number }, room: number): Placement {
  const moved: Placement["moved"] = {};
  const laneOf = assignLanes(model);
  for (const node of model.nodes) {
    const pos = model.layout[node.id];
    if (!pos) continue;
    const nodeKey = laneOf.get(node.id) ?? 0;
    if (nodeKey > key || (nodeKey === key && pos.y >= at.y)) moved[node.id] = { x: pos.x, y: pos.y + room };
  }
  return { at, moved };
}
