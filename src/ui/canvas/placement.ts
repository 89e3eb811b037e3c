/**
 * Where a new step goes: in the lane of its tier (a work step in its team's tier, a channel
 * in the intake), as near the wanted point as that lane allows, on a free spot. A lane that
 * does not exist yet opens between the lanes above and below it, and the steps of the lanes
 * below move down to make room, so lanes keep matching the steps' tiers. When an edit changes
 * steps' tiers (a step's team, a team's tier), `followLanes` moves them into their new lanes.
 */
import { current, type Draft } from "immer";
import { assignLanes, computeLanes, LANE_PADDING, type LaneKey } from "../../layout/lanes";
import { nodeSize } from "../../layout/nodeSize";
import type { Edge, Model, Node } from "../../model";

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

/**
 * Where to put `node` (not yet in `model`) near `wanted` (its top-left, px). `edges` are the
 * connections the same edit adds (they decide the lane of a step that is not a work step or
 * a channel); with `rightward`, the spot is at `wanted.x` or right of it, never left.
 */
export function placeInLane(
  model: Model,
  node: Node,
  wanted: { x: number; y: number },
  options: { edges?: readonly Edge[]; rightward?: boolean } = {},
): Placement {
  const size = nodeSize(node);
  const withNode: Model = {
    ...model,
    nodes: [...model.nodes, node],
    edges: [...model.edges, ...(options.edges ?? [])],
  };
  const key = assignLanes(withNode).get(node.id) ?? 0;
  const placed = model.nodes.filter((n) => model.layout[n.id]);
  if (placed.length === 0) return { at: wanted, moved: {} };
  const lanes = computeLanes(model, model.layout);
  const lane = lanes.find((l) => l.key === key);
  const boxes = placed.map((n) => ({ ...(model.layout[n.id] as { x: number; y: number }), ...nodeSize(n) }));
  if (lane && !lane.label.includes("/")) {
    const top = lane.y + LANE_PADDING;
    const spot = freeSpot(
      boxes,
      size,
      wanted,
      top,
      lane.y + lane.height - LANE_PADDING - size.height,
      options.rightward,
    );
    if (spot) return { at: spot, moved: {} };
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

type Box = { x: number; y: number; width: number; height: number };

/**
 * The free spot for a box of `size` nearest `wanted` whose top lies between `top` and
 * `bottom` (px): rows nearest the wanted height first, columns nearest the wanted x, at most
 * 40 grid steps either side. Undefined when every spot there touches one of `boxes`.
 */
function freeSpot(
  boxes: readonly Box[],
  size: { width: number; height: number },
  wanted: { x: number; y: number },
  top: number,
  bottom: number,
  rightward = false,
): { x: number; y: number } | undefined {
  const free = (x: number, y: number) =>
    boxes.every(
      (b) =>
        x + size.width + CLEARANCE <= b.x ||
        b.x + b.width + CLEARANCE <= x ||
        y + size.height + CLEARANCE <= b.y ||
        b.y + b.height + CLEARANCE <= y,
    );
  const y0 = Math.min(Math.max(wanted.y, top), Math.max(top, bottom));
  const rows = [y0];
  for (let y = top; y <= bottom; y += STEP) rows.push(y);
  rows.sort((a, b) => Math.abs(a - y0) - Math.abs(b - y0));
  for (let ring = 0; ring < 40; ring++)
    for (const dx of ring === 0 ? [0] : rightward ? [ring] : [ring, -ring])
      for (const y of rows) if (free(wanted.x + dx * STEP, y)) return { x: wanted.x + dx * STEP, y };
  return undefined;
}

/**
 * Keeps the lanes matching the steps' tiers after an edit that changed some steps' lanes (a
 * step's team, a team's tier): every step whose lane changed from `before` to `model` moves
 * into its new lane (keeping its x and its height within its old lane where that spot is
 * free, else the nearest free spot, else a new row at the bottom of the lane), then the lanes
 * are stacked again in tier order, keeping the gaps they had: a lane left empty closes, a new
 * lane opens in its place in the order, a lane that grew pushes the lanes below down. Steps
 * keep their places within their lanes, so nothing overlaps. Returns the new positions of the
 * steps that move (px); none when no step changed lane.
 */
export function followLanes(before: Model, model: Model): Record<string, { x: number; y: number }> {
  const oldLane = assignLanes(before);
  const newLane = assignLanes(model);
  const placed = model.nodes.filter((n) => model.layout[n.id]);
  const changed = placed.filter((n) => oldLane.has(n.id) && oldLane.get(n.id) !== newLane.get(n.id));
  if (changed.length === 0) return {};
  const oldBands = computeLanes(before, before.layout);
  const at: Record<string, { x: number; y: number }> = {};
  const lanes = new Map<LaneKey, { ids: string[]; boxes: Box[]; top: number; bottom: number }>();
  const keyOf = (id: string) => newLane.get(id) ?? 0;
  const moving = new Set(changed.map((n) => n.id));
  for (const node of placed) {
    if (moving.has(node.id)) continue;
    const pos = model.layout[node.id] as { x: number; y: number };
    const box = { ...pos, ...nodeSize(node) };
    const lane = lanes.get(keyOf(node.id)) ?? { ids: [], boxes: [], top: box.y, bottom: box.y + box.height };
    lane.ids.push(node.id);
    lane.boxes.push(box);
    lane.top = Math.min(lane.top, box.y);
    lane.bottom = Math.max(lane.bottom, box.y + box.height);
    lanes.set(keyOf(node.id), lane);
    at[node.id] = pos;
  }
  const oldPos = (n: Node) => model.layout[n.id] as { x: number; y: number };
  changed.sort((a, b) => oldPos(a).y - oldPos(b).y || oldPos(a).x - oldPos(b).x);
  for (const node of changed) {
    const size = nodeSize(node);
    const old = oldPos(node);
    const band = oldBands.find((b) => b.nodeIds.includes(node.id));
    // Height within its old lane, so steps moved together keep their arrangement.
    const within = band ? old.y - band.y - LANE_PADDING : 0;
    const lane = lanes.get(keyOf(node.id));
    let spot: { x: number; y: number };
    if (!lane) {
      spot = { x: old.x, y: within };
    } else {
      // Already over the new lane (dropped there): stay where the user put it, or as near as
      // the steps already there allow.
      const drawn = oldBands.find((b) => b.key === keyOf(node.id));
      const inBand = drawn
        ? old.y + size.height > drawn.y && old.y < drawn.y + drawn.height
        : old.y >= lane.top && old.y + size.height <= lane.bottom;
      const wanted = { x: old.x, y: inBand ? old.y : lane.top + within };
      const top = Math.min(lane.top, wanted.y);
      spot = freeSpot(lane.boxes, size, wanted, top, Math.max(lane.bottom - size.height, wanted.y)) ?? {
        x: old.x,
        y: Math.max(...lane.boxes.map((b) => b.y + b.height)) + CLEARANCE,
      };
    }
    const box = { ...spot, ...size };
    const target = lane ?? { ids: [], boxes: [], top: box.y, bottom: box.y + box.height };
    target.ids.push(node.id);
    target.boxes.push(box);
    target.top = Math.min(target.top, box.y);
    target.bottom = Math.max(target.bottom, box.y + box.height);
    lanes.set(keyOf(node.id), target);
    at[node.id] = spot;
  }
  // Stack the lanes in tier order, each keeping the gap it had to the lane above.
  const keys = [...lanes.keys()].sort((a, b) => a - b);
  const gapAbove = (key: LaneKey) => {
    const i = oldBands.findIndex((b) => b.key === key);
    const above = oldBands[i - 1];
    const lane = oldBands[i];
    return lane && above ? Math.max(LANE_GAP, lane.y - (above.y + above.height)) : LANE_GAP;
  };
  const first = lanes.get(keys[0] as LaneKey) as { top: number };
  const stayed = placed.filter((n) => !moving.has(n.id) && keyOf(n.id) === keys[0]);
  let bottom = Number.NaN;
  const moved: Record<string, { x: number; y: number }> = {};
  for (const [i, key] of keys.entries()) {
    const lane = lanes.get(key) as { ids: string[]; top: number; bottom: number };
    let shift: number;
    if (i === 0) shift = stayed.length > 0 ? 0 : Math.min(...oldBands.map((b) => b.y + LANE_PADDING)) - first.top;
    else shift = bottom + 2 * LANE_PADDING + gapAbove(key) - lane.top;
    bottom = lane.bottom + shift;
    for (const id of lane.ids) {
      const pos = at[id] as { x: number; y: number };
      const next = { x: Math.round(pos.x), y: Math.round(pos.y + shift) };
      const was = model.layout[id] as { x: number; y: number };
      if (next.x !== was.x || next.y !== was.y) moved[id] = next;
    }
  }
  return moved;
}

/** Applies `followLanes` to a draft edited from `before` (same undo step as the edit). */
export function followLanesInDraft(draft: Draft<Model>, before: Model): void {
  const moved = followLanes(before, current(draft) as Model);
  for (const [id, pos] of Object.entries(moved)) draft.layout[id] = pos;
}

/**
 * Whether the lanes of `model` are in order: each lane's steps lie below every step of the
 * lanes before it, with room for both lanes' padding, so no two bands overlap or merge.
 */
export function isOrderly(model: Model): boolean {
  const extents = laneExtents(model);
  let bottom = Number.NEGATIVE_INFINITY;
  for (const key of [...extents.keys()].sort((a, b) => a - b)) {
    const lane = extents.get(key) as { top: number; bottom: number };
    if (lane.top < bottom + 2 * LANE_PADDING) return false;
    bottom = lane.bottom;
  }
  return true;
}

/**
 * Keeps the lanes in order after any edit (connect, delete, a team's tier...): steps whose
 * lane changed move into it (`followLanes`); if the lanes still overlap, each lane moves down
 * below the one before it, keeping its steps' arrangement. An orderly result is left alone, and
 * so is a flow that was out of order before the edit (a hand-drawn layout from a file).
 */
export function keepLanesInDraft(draft: Draft<Model>, before: Model): void {
  let model = current(draft) as Model;
  // A hand-drawn layout out of order is the user's: a rename must not rearrange it.
  if (isOrderly(model) || !isOrderly(before)) return;
  const moved = followLanes(before, model);
  for (const [id, pos] of Object.entries(moved)) draft.layout[id] = pos;
  model = current(draft) as Model;
  if (isOrderly(model)) return;
  for (const [id, pos] of Object.entries(stackLanes(model))) draft.layout[id] = pos;
}

/**
 * Moves lanes down where they overlap the lane before them, each as a whole (its steps keep
 * their places relative to each other). Returns the new positions of the steps that move (px).
 */
export function stackLanes(model: Model): Record<string, { x: number; y: number }> {
  const extents = laneExtents(model);
  const moved: Record<string, { x: number; y: number }> = {};
  let bottom = Number.NEGATIVE_INFINITY;
  for (const key of [...extents.keys()].sort((a, b) => a - b)) {
    const lane = extents.get(key) as { top: number; bottom: number; ids: string[] };
    const shift = Math.max(0, bottom + 2 * LANE_PADDING + LANE_GAP - lane.top);
    if (shift > 0)
      for (const id of lane.ids) {
        const at = model.layout[id] as { x: number; y: number };
        moved[id] = { x: at.x, y: Math.round(at.y + shift) };
      }
    bottom = lane.bottom + shift;
  }
  return moved;
}

/**
 * Where a dragged step may stay (top-left, px): `at` with its height kept inside its own
 * lane, between the steps of the lanes above and below (the moving steps aside), so a drag
 * never pulls one lane into another. A lane with no room left keeps the drop height (the
 * lanes below then move down).
 */
export function clampToLane(model: Model, id: string, at: { x: number; y: number }, moving: ReadonlySet<string>) {
  const node = model.nodes.find((n) => n.id === id);
  if (!node) return at;
  const key = assignLanes(model).get(id) ?? 0;
  const others: Model = { ...model, layout: { ...model.layout } };
  for (const other of moving) delete others.layout[other];
  let above = Number.NEGATIVE_INFINITY;
  let below = Number.POSITIVE_INFINITY;
  for (const [other, lane] of laneExtents(others)) {
    if (other < key) above = Math.max(above, lane.bottom + 2 * LANE_PADDING + LANE_GAP);
    if (other > key) below = Math.min(below, lane.top - 2 * LANE_PADDING - LANE_GAP);
  }
  const height = nodeSize(node).height;
  const low = above;
  const high = below - height;
  if (high < low) return { x: at.x, y: Math.max(at.y, low) };
  return { x: at.x, y: Math.min(Math.max(at.y, low), high) };
}

/** The top and bottom of each lane's placed steps (px), by lane key. */
function laneExtents(model: Model): Map<LaneKey, { top: number; bottom: number; ids: string[] }> {
  const laneOf = assignLanes(model);
  const extents = new Map<LaneKey, { top: number; bottom: number; ids: string[] }>();
  for (const node of model.nodes) {
    const at = model.layout[node.id];
    if (!at) continue;
    const key = laneOf.get(node.id) ?? 0;
    const lane = extents.get(key) ?? { top: at.y, bottom: at.y, ids: [] };
    lane.top = Math.min(lane.top, at.y);
    lane.bottom = Math.max(lane.bottom, at.y + nodeSize(node).height);
    lane.ids.push(node.id);
    extents.set(key, lane);
  }
  return extents;
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
