/**
 * Where each edge's label (its outcome share, "78%") goes along its routed path: on the
 * route, clear of every step box and of every label placed before it, so no label hides a
 * step or another label. The canvas and the exported picture both place labels with this,
 * so they agree.
 *
 * Candidates are spots along each segment of the route (longest segment first, from its
 * middle outwards); the first free one wins. When a route has no free spot on its line, spots
 * beside the line are tried, then the middles of its short segments; when even those are
 * taken, the spot that overlaps least.
 *
 * Pure: no DOM. Flow coordinates (px).
 */
import { DEFAULT_PORT, type Model, portShare } from "../model";
import { nodeSize } from "./nodeSize";
import type { Box, Point } from "./routeEdges";

/** Font size of edge labels (px), as the canvas and the picture draw them. */
export const LABEL_FONT_SIZE = 11;
/** Height of a label's box, background included (px). */
const LABEL_HEIGHT = 20;
/** Width of one character of bold 11 px text, generous (px). */
const CHAR_WIDTH = 7;
/** Room kept between a label and a step or another label (px). */
const GAP = 3;
/** Distance between candidate spots along a segment (px). */
const STEP = 8;
/** Room kept between a label and a route's ends: the port and the arrowhead (px). */
const END_ROOM = 10;

/** A label placed: its centre and its box. */
export interface PlacedLabel {
  at: Point;
  box: Box;
}

/** The label text of each edge that has one: the share of its port ("78%", "2.5%"). */
export function edgeLabelTexts(model: Model): Map<string, string> {
  const byId = new Map(model.nodes.map((node) => [node.id, node]));
  const texts = new Map<string, string>();
  for (const edge of model.edges) {
    const from = byId.get(edge.from);
    const share = from ? portShare(from, edge.port ?? DEFAULT_PORT) : undefined;
    if (share !== undefined) texts.set(edge.id, formatShare(share));
  }
  return texts;
}

/** A share as a label: whole percent, or one decimal below 10%. */
export function formatShare(share: number): string {
  const percent = share * 100;
  return `${percent < 10 && percent > 0 && !Number.isInteger(percent) ? percent.toFixed(1) : Math.round(percent)}%`;
}

/** The size of the box a label of `text` takes (px). */
export function labelSize(text: string): { width: number; height: number } {
  return { width: text.length * CHAR_WIDTH + 8, height: LABEL_HEIGHT };
}

/** The step boxes of `model` at `positions` (placed steps only). */
export function stepBoxes(model: Model, positions: Record<string, Point>): Box[] {
  const boxes: Box[] = [];
  for (const node of model.nodes) {
    const at = positions[node.id];
    if (at) boxes.push({ x: at.x, y: at.y, ...nodeSize(node) });
  }
  return boxes;
}

/**
 * Places the label of every routed edge that has text: no label box overlaps a step box in
 * `steps` or another label box, wherever the routes leave room for it.
 */
export function placeEdgeLabels(
  routes: Map<string, Point[]>,
  texts: Map<string, string>,
  steps: Box[],
): Map<string, PlacedLabel> {
  const placed = new Map<string, PlacedLabel>();
  const taken: Box[] = [];
  // Short routes first: they have the fewest spots, long ones can go further along.
  const order = [...texts.keys()]
    .filter((id) => (routes.get(id)?.length ?? 0) >= 2)
    .sort((a, b) => routeLength(routes.get(a) as Point[]) - routeLength(routes.get(b) as Point[]));
  for (const id of order) {
    const route = routes.get(id) as Point[];
    const size = labelSize(texts.get(id) as string);
    const spots = candidates(route, size);
    const free = (c: Point) => overlap(boxAt(c, size), steps, taken) === 0;
    const at =
      spots.on.find(free) ??
      spots.beside.find(free) ??
      minBy([...spots.on, ...spots.beside], (c) => overlap(boxAt(c, size), steps, taken)) ??
      (route[0] as Point);
    const box = boxAt(at, size);
    placed.set(id, { at, box });
    taken.push(box);
  }
  return placed;
}

// helpers

/**
 * Spots for a label's centre, best first: on the route's line where the label fits between
 * the segment's ends; then beside the line (one or two label heights or widths off); then
 * the middles of segments too short to hold it, on and beside the line.
 */
function candidates(route: Point[], size: { width: number; height: number }): { on: Point[]; beside: Point[] } {
  const segments = route.slice(1).map((q, k) => ({ p: route[k] as Point, q }));
  segments.sort((a, b) => length(b) - length(a));
  const on: Point[] = [];
  const beside: Point[] = [];
  const loose: Point[] = [];
  for (const { p, q } of segments) {
    const horizontal = Math.abs(p.y - q.y) < 0.01;
    const half = horizontal ? size.width / 2 : size.height / 2;
    const from = Math.min(horizontal ? p.x : p.y, horizontal ? q.x : q.y);
    const to = Math.max(horizontal ? p.x : p.y, horizontal ? q.x : q.y);
    const lo = from + half + END_ROOM;
    const hi = to - half - END_ROOM;
    const short = hi < lo;
    const mid = short ? (from + to) / 2 : (lo + hi) / 2;
    const along: number[] = [mid];
    for (let d = STEP; !short && (mid - d >= lo || mid + d <= hi); d += STEP) {
      if (mid - d >= lo) along.push(mid - d);
      if (mid + d <= hi) along.push(mid + d);
    }
    const across = horizontal ? size.height + 2 : size.width + 2;
    const at = (t: number, side: number) => (horizontal ? { x: t, y: p.y + side } : { x: p.x + side, y: t });
    for (const t of along) {
      (short ? loose : on).push(at(t, 0));
      for (const k of [0.5, 1, 1.5, 2])
        for (const side of [-k * across, k * across]) (short ? loose : beside).push(at(t, side));
    }
  }
  return { on, beside: [...beside, ...loose] };
}

function boxAt(centre: Point, size: { width: number; height: number }): Box {
  return { x: centre.x - size.width / 2, y: centre.y - size.height / 2, width: size.width, height: size.height };
}

/** Total area of `box` (grown by GAP) over the step boxes and the labels already placed. */
function overlap(box: Box, steps: Box[], labels: Box[]): number {
  const grown = { x: box.x - GAP, y: box.y - GAP, width: box.width + 2 * GAP, height: box.height + 2 * GAP };
  let area = 0;
  for (const other of steps) area += intersection(grown, other);
  for (const other of labels) area += intersection(grown, other);
  return area;
}

function intersection(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function length(s: { p: Point; q: Point }): number {
  return Math.abs(s.q.x - s.p.x) + Math.abs(s.q.y - s.p.y);
}

function routeLength(route: Point[]): number {
  return route.slice(1).reduce((sum, q, k) => sum + length({ p: route[k] as Point, q }), 0);
}

function minBy<T>(items: T[], score: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const item of items) {
    const s = score(item);
    if (s < bestScore) {
      best = item;
      bestScore = s;
    }
  }
  return best;
}
