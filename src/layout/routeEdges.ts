/**
 * Orthogonal edge routing around the step boxes, shared by the canvas and the exported
 * picture so both draw the same paths. Each edge leaves its port eastwards and enters its
 * target's in-handle eastwards; in between it follows horizontal and vertical lines that never
 * pass through a step box (a clearance around the boxes is kept where there is room), with as
 * few bends as it can. Edges that share a corridor are then spread onto distinct tracks.
 *
 * The router works on a sparse grid: the lines just outside every box, the port and handle
 * lines, and the middles of the gaps between them (the corridors). Each edge is a shortest
 * path on that grid (A*, length plus a cost per bend), searched first in a window around its
 * ends and widened only when no path fits there, so big flows stay quick.
 *
 * Pure: no DOM. Positions are node top-left corners (px, flow coordinates).
 */
import { edgePort, type Model } from "../model";
import { MinHeap } from "./minHeap";
import { nodeAnchors, nodeSize } from "./nodeSize";

export interface Point {
  x: number;
  y: number;
}

/** A box a route must not cross (px). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Clearance kept around boxes where possible (px). */
export const CLEARANCE = 12;
/** Distance between two edges sharing a corridor (px). */
const TRACK = 6;
/** Cost of one bend, in px of length. */
const BEND_COST = 60;
/** Extra cost per px of running inside a box's clearance. */
const TIGHT_COST = 4;
/** Extra cost per px of running along a line another edge already uses. */
const SHARED_COST = 0.6;
/** First search window beyond the edge's ends (px); doubled until a path is found. */
const WINDOW = 240;

/** The route of every edge of `model` whose ends are placed: points from its port to its target's in-handle. */
export function routeEdges(model: Model, positions: Record<string, Point>): Map<string, Point[]> {
  const byId = new Map(model.nodes.map((node) => [node.id, node]));
  const boxes = new Map<string, Box>();
  for (const node of model.nodes) {
    const at = positions[node.id];
    if (at) boxes.set(node.id, { x: at.x, y: at.y, ...nodeSize(node) });
  }
  const all = [...boxes.values()];
  const used = new UsedLines();
  const routes = new Map<string, Point[]>();
  for (const edge of model.edges) {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    const a = boxes.get(edge.from);
    const b = boxes.get(edge.to);
    if (!from || !to || !a || !b) continue;
    const out = nodeAnchors(from).out.get(edgePort(edge)) ?? { x: a.width, y: a.height / 2 };
    const into = nodeAnchors(to).in;
    const start = { x: a.x + out.x, y: a.y + out.y };
    const end = { x: b.x + into.x, y: b.y + into.y };
    const route = routeOne(start, end, a, b, all, used);
    used.add(route);
    routes.set(edge.id, route);
  }
  spreadTracks(routes, all);
  return routes;
}

/** The parts of `route` (a polyline) that cross the inside of `box`; 0 when it stays out. */
export function crossings(route: Point[], box: Box, inset = 1): number {
  let count = 0;
  const left = box.x + inset;
  const right = box.x + box.width - inset;
  const top = box.y + inset;
  const bottom = box.y + box.height - inset;
  for (let i = 1; i < route.length; i++) {
    const p = route[i - 1] as Point;
    const q = route[i] as Point;
    if (segmentHitsRect(p, q, left, top, right, bottom)) count++;
  }
  return count;
}

/** An SVG path through `points` with corners rounded by up to `radius` px. */
export function roundedPath(points: Point[], radius = 8): string {
  if (points.length === 0) return "";
  const first = points[0] as Point;
  const parts = [`M${num(first.x)},${num(first.y)}`];
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i - 1] as Point;
    const q = points[i] as Point;
    const r = points[i + 1] as Point;
    const r1 = Math.min(radius, distance(p, q) / 2, distance(q, r) / 2);
    const a = toward(q, p, r1);
    const b = toward(q, r, r1);
    parts.push(`L${num(a.x)},${num(a.y)}`, `Q${num(q.x)},${num(q.y)} ${num(b.x)},${num(b.y)}`);
  }
  const last = points[points.length - 1] as Point;
  if (points.length > 1) parts.push(`L${num(last.x)},${num(last.y)}`);
  return parts.join(" ");
}

/** The middle of the longest segment of a route: where a label goes when edgeLabels.ts has not placed it. */
export function labelPoint(points: Point[]): Point {
  let best = points[0] ?? { x: 0, y: 0 };
  let longest = -1;
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1] as Point;
    const q = points[i] as Point;
    const length = distance(p, q);
    if (length > longest) {
      longest = length;
      best = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
    }
  }
  return best;
}

// helpers

const EAST = 0;
const SOUTH = 1;
const WEST = 2;
const NORTH = 3;

/** One edge: out of `start` eastwards, around the boxes, into `end` eastwards. */
function routeOne(start: Point, end: Point, from: Box, to: Box, boxes: Box[], used: UsedLines): Point[] {
  const exit = { x: Math.max(start.x, from.x + from.width + CLEARANCE), y: start.y };
  const entry = { x: Math.min(end.x, to.x - CLEARANCE), y: end.y };
  let left = Math.min(exit.x, entry.x) - WINDOW;
  let right = Math.max(exit.x, entry.x) + WINDOW;
  let top = Math.min(exit.y, entry.y, from.y, to.y) - WINDOW;
  let bottom = Math.max(exit.y, entry.y, from.y + from.height, to.y + to.height) + WINDOW;
  for (let attempt = 0; attempt < 6; attempt++) {
    const near = boxes.filter((b) => b.x < right && b.x + b.width > left && b.y < bottom && b.y + b.height > top);
    const inner = search(exit, entry, near, { left, right, top, bottom }, used);
    if (inner) return simplify([start, ...inner, end]);
    const grow = WINDOW * 2 ** (attempt + 1);
    left -= grow;
    right += grow;
    top -= grow;
    bottom += grow;
  }
  // No way around (a step boxed in on every side): a plain elbow, so the edge is still drawn.
  const middle = (exit.x + entry.x) / 2;
  return simplify([start, exit, { x: middle, y: exit.y }, { x: middle, y: entry.y }, entry, end]);
}

interface Window {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A* on the sparse grid of `boxes` within `window`, from `exit` to `entry` (both heading east). */
function search(exit: Point, entry: Point, boxes: Box[], window: Window, used: UsedLines): Point[] | undefined {
  /** The grid lines along one axis: the ends, the window's sides, and the boxes' sides and clearances. */
  const axisLines = (axis: "x" | "y", size: "width" | "height", low: number, high: number) =>
    gridLines(
      [exit[axis], entry[axis], low, high],
      boxes.flatMap((b) => [b[axis] - CLEARANCE, b[axis] + b[size] + CLEARANCE]),
      boxes.flatMap((b) => [b[axis], b[axis] + b[size]]),
      low,
      high,
    );
  const xs = axisLines("x", "width", window.left, window.right);
  const ys = axisLines("y", "height", window.top, window.bottom);
  const nx = xs.length;
  const ny = ys.length;
  const xi = xs.indexOf(exit.x);
  const yi = ys.indexOf(exit.y);
  const xj = xs.indexOf(entry.x);
  const yj = ys.indexOf(entry.y);
  if (xi < 0 || yi < 0 || xj < 0 || yj < 0) return undefined;
  // Flags per grid point and per grid step (h: from point i,j eastwards; v: southwards),
  // marked box by box over the index ranges each box covers.
  const blocked = new Uint8Array(nx * ny);
  const hStep = new Uint8Array(nx * ny); // 1: inside a box's clearance, 2: inside a box
  const vStep = new Uint8Array(nx * ny);
  const hMid = xs.slice(1).map((x, k) => (x + (xs[k] as number)) / 2);
  const vMid = ys.slice(1).map((y, k) => (y + (ys[k] as number)) / 2);
  for (const b of boxes) {
    for (const [pad, flag] of [
      [CLEARANCE, 1],
      [0, 2],
    ] as const) {
      const x0 = b.x - pad;
      const x1 = b.x + b.width + pad;
      const y0 = b.y - pad;
      const y1 = b.y + b.height + pad;
      const [pi0, pi1] = openRange(xs, x0, x1);
      const [pj0, pj1] = openRange(ys, y0, y1);
      const [mi0, mi1] = openRange(hMid, x0, x1);
      const [mj0, mj1] = openRange(vMid, y0, y1);
      for (let j = pj0; j < pj1; j++)
        for (let i = mi0; i < mi1; i++) hStep[j * nx + i] = Math.max(hStep[j * nx + i] as number, flag);
      for (let j = mj0; j < mj1; j++)
        for (let i = pi0; i < pi1; i++) vStep[j * nx + i] = Math.max(vStep[j * nx + i] as number, flag);
      if (flag === 2) for (let j = pj0; j < pj1; j++) for (let i = pi0; i < pi1; i++) blocked[j * nx + i] = 1;
    }
  }
  blocked[yi * nx + xi] = 0;
  blocked[yj * nx + xj] = 0;
  const usedCol = xs.map((x) => used.vertical(x));
  const usedRow = ys.map((y) => used.horizontal(y));

  // State: grid point × heading. g-costs in a flat array; a binary heap of open states.
  const states = nx * ny * 4;
  const cost = new Float64Array(states).fill(Number.POSITIVE_INFINITY);
  const parent = new Int32Array(states).fill(-1);
  const heap = new MinHeap();
  const startState = (yi * nx + xi) * 4 + EAST;
  cost[startState] = 0;
  const h = (i: number, j: number) => Math.abs((xs[i] as number) - entry.x) + Math.abs((ys[j] as number) - entry.y);
  heap.push(startState, h(xi, yi));
  const goal = yj * nx + xj;
  let found = -1;
  let foundCost = Number.POSITIVE_INFINITY;
  while (heap.size > 0) {
    const [state, f] = heap.pop();
    if (f >= foundCost) break;
    const g = cost[state] as number;
    const cell = state >> 2;
    const heading = state & 3;
    if (cell === goal) {
      const total = g + (heading === EAST ? 0 : BEND_COST);
      if (total < foundCost) {
        foundCost = total;
        found = state;
      }
      continue;
    }
    const i = cell % nx;
    const j = (cell - i) / nx;
    for (let dir = 0; dir < 4; dir++) {
      if (dir === (heading + 2) % 4) continue;
      const ni = dir === EAST ? i + 1 : dir === WEST ? i - 1 : i;
      const nj = dir === SOUTH ? j + 1 : dir === NORTH ? j - 1 : j;
      if (ni < 0 || nj < 0 || ni >= nx || nj >= ny) continue;
      const next = nj * nx + ni;
      if (blocked[next]) continue;
      const flag = dir === EAST || dir === WEST ? hStep[j * nx + Math.min(i, ni)] : vStep[Math.min(j, nj) * nx + i];
      if (flag === 2) continue;
      const length =
        Math.abs((xs[ni] as number) - (xs[i] as number)) + Math.abs((ys[nj] as number) - (ys[j] as number));
      let step = length + (dir === heading ? 0 : BEND_COST);
      if (flag === 1) step += TIGHT_COST * length;
      if (dir === EAST || dir === WEST ? usedRow[j] : usedCol[i]) step += SHARED_COST * length;
      const nextState = next * 4 + dir;
      const ng = g + step;
      if (ng < (cost[nextState] as number)) {
        cost[nextState] = ng;
        parent[nextState] = state;
        heap.push(nextState, ng + h(ni, nj));
      }
    }
  }
  if (found < 0) return undefined;
  const points: Point[] = [];
  for (let state = found; state >= 0; state = parent[state] as number) {
    const cell = state >> 2;
    const i = cell % nx;
    points.push({ x: xs[i] as number, y: ys[(cell - i) / nx] as number });
  }
  return points.reverse();
}

/**
 * The grid lines along one axis: the given lines, the box-clearance lines, and the middle of
 * every gap between neighbouring lines (box sides included), within [min, max].
 */
function gridLines(fixed: number[], clear: number[], sides: number[], min: number, max: number): number[] {
  const base = uniqueSorted([...fixed, ...clear].filter((v) => v >= min && v <= max));
  const edges = uniqueSorted([...base, ...sides.filter((v) => v >= min && v <= max)]);
  const middles: number[] = [];
  for (let k = 1; k < edges.length; k++) middles.push(((edges[k - 1] as number) + (edges[k] as number)) / 2);
  return uniqueSorted([...base, ...middles]);
}

/** The index range [from, to) of the sorted `values` strictly between `low` and `high`. */
function openRange(values: number[], low: number, high: number): [number, number] {
  return [firstAbove(values, low), firstAtLeast(values, high)];
}

function firstAbove(values: number[], v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstAtLeast(values: number[], v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function uniqueSorted(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.filter((v, k) => k === 0 || v - (sorted[k - 1] as number) > 0.01);
}

/** Drops repeated points and the middle of three collinear points. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    out.push({ x: p.x, y: p.y });
    while (out.length >= 3) {
      const a = out[out.length - 3] as Point;
      const b = out[out.length - 2] as Point;
      const c = out[out.length - 1] as Point;
      const straight =
        (Math.abs(a.x - b.x) < 0.01 && Math.abs(b.x - c.x) < 0.01) ||
        (Math.abs(a.y - b.y) < 0.01 && Math.abs(b.y - c.y) < 0.01);
      if (!straight) break;
      out.splice(out.length - 2, 1);
    }
  }
  return out;
}

/**
 * Edges that run along the same line for a stretch are moved apart onto parallel tracks,
 * TRACK px apart, centred on the line; a track that would touch a box stays where it was.
 * Only inner segments move (a route's first and last segments are fixed to its handles).
 */
function spreadTracks(routes: Map<string, Point[]>, boxes: Box[]): void {
  type Segment = { route: Point[]; index: number; vertical: boolean; at: number; from: number; to: number };
  const segments: Segment[] = [];
  for (const route of routes.values()) {
    for (let k = 2; k < route.length - 1; k++) {
      const p = route[k - 1] as Point;
      const q = route[k] as Point;
      const vertical = Math.abs(p.x - q.x) < 0.01;
      segments.push({
        route,
        index: k - 1,
        vertical,
        at: vertical ? p.x : p.y,
        from: vertical ? Math.min(p.y, q.y) : Math.min(p.x, q.x),
        to: vertical ? Math.max(p.y, q.y) : Math.max(p.x, q.x),
      });
    }
  }
  const groups = new Map<string, Segment[]>();
  for (const s of segments) {
    const key = `${s.vertical ? "v" : "h"}${s.at}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const line of groups.values()) {
    if (line.length < 2) continue;
    // Clusters of segments that overlap along the line (from different routes).
    line.sort((a, b) => a.from - b.from);
    let cluster: Segment[] = [];
    let reach = Number.NEGATIVE_INFINITY;
    const flush = () => {
      if (new Set(cluster.map((s) => s.route)).size > 1) spread(cluster, boxes);
      cluster = [];
    };
    for (const s of line) {
      if (s.from >= reach - 1) flush();
      cluster.push(s);
      reach = Math.max(reach, s.to);
    }
    flush();
  }

  function spread(cluster: Segment[], all: Box[]): void {
    // One track per route, ordered by where each route comes from, so tracks seldom cross.
    const byRoute = new Map<Point[], Segment[]>();
    for (const s of cluster) byRoute.set(s.route, [...(byRoute.get(s.route) ?? []), s]);
    const order = [...byRoute.keys()].sort(
      (a, b) => (a[0] as Point).y - (b[0] as Point).y || (a[0] as Point).x - (b[0] as Point).x,
    );
    const n = order.length;
    const gap = Math.min(TRACK, (2 * (CLEARANCE - 2)) / Math.max(1, n - 1));
    order.forEach((route, k) => {
      const offset = (k - (n - 1) / 2) * gap;
      if (offset === 0) return;
      for (const s of byRoute.get(route) ?? []) {
        const p = route[s.index] as Point;
        const q = route[s.index + 1] as Point;
        const moved = s.vertical
          ? [
              { x: p.x + offset, y: p.y },
              { x: q.x + offset, y: q.y },
            ]
          : [
              { x: p.x, y: p.y + offset },
              { x: q.x, y: q.y + offset },
            ];
        const prev = route[s.index - 1] as Point;
        const next = route[s.index + 2] as Point;
        const trial = [prev, moved[0] as Point, moved[1] as Point, next];
        if (all.some((b) => crossings(trial, b) > 0)) continue;
        route[s.index] = moved[0] as Point;
        route[s.index + 1] = moved[1] as Point;
      }
    });
  }
}

/** Grid steps already taken by routed edges, so later edges prefer other lines. */
class UsedLines {
  private lines = new Set<string>();
  add(route: Point[]): void {
    for (let k = 1; k < route.length; k++) {
      const p = route[k - 1] as Point;
      const q = route[k] as Point;
      if (Math.abs(p.x - q.x) < 0.01) this.lines.add(`v${p.x}`);
      else this.lines.add(`h${p.y}`);
    }
  }
  vertical(x: number): boolean {
    return this.lines.has(`v${x}`);
  }
  horizontal(y: number): boolean {
    return this.lines.has(`h${y}`);
  }
}

function segmentHitsRect(p: Point, q: Point, left: number, top: number, right: number, bottom: number): boolean {
  if (Math.abs(p.y - q.y) < 0.01) {
    const y = p.y;
    return y > top && y < bottom && Math.max(p.x, q.x) > left && Math.min(p.x, q.x) < right;
  }
  if (Math.abs(p.x - q.x) < 0.01) {
    const x = p.x;
    return x > left && x < right && Math.max(p.y, q.y) > top && Math.min(p.y, q.y) < bottom;
  }
  // A diagonal (not made by the router): sample it.
  for (let t = 0; t <= 1; t += 1 / 64) {
    const x = p.x + (q.x - p.x) * t;
    const y = p.y + (q.y - p.y) * t;
    if (x > left && x < right && y > top && y < bottom) return true;
  }
  return false;
}

function distance(p: Point, q: Point): number {
  return Math.hypot(q.x - p.x, q.y - p.y);
}

function toward(from: Point, to: Point, by: number): Point {
  const d = distance(from, to) || 1;
  return { x: from.x + ((to.x - from.x) * by) / d, y: from.y + ((to.y - from.y) * by) / d };
}

function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}
