/**
 * A plain layered layout for when elkjs cannot lay a flow out (its recursion overflows the
 * stack on chains of a few thousand steps): each step goes in the column of its distance
 * from the nearest channel, steps of a column one under another. Linear in the flow's size.
 */
import type { Model } from "../../model";

export type Positions = Record<string, { x: number; y: number }>;

const COLUMN_WIDTH = 240;
const ROW_HEIGHT = 110;

/** Columns by breadth-first distance from the channels (unreached steps after the last column). */
export function layeredLayout(model: Model): Positions {
  const next = new Map<string, string[]>();
  for (const edge of model.edges) {
    const list = next.get(edge.from);
    if (list) list.push(edge.to);
    else next.set(edge.from, [edge.to]);
  }
  const column = new Map<string, number>();
  const queue: string[] = [];
  for (const node of model.nodes) {
    if (node.kind === "channel" && !column.has(node.id)) {
      column.set(node.id, 0);
      queue.push(node.id);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] as string;
    const depth = column.get(id) as number;
    for (const to of next.get(id) ?? []) {
      if (column.has(to)) continue;
      column.set(to, depth + 1);
      queue.push(to);
    }
  }
  let last = 0;
  for (const depth of column.values()) last = Math.max(last, depth);
  const rows = new Map<number, number>();
  const positions: Positions = Object.create(null);
  for (const node of model.nodes) {
    const depth = column.get(node.id) ?? last + 1;
    const row = rows.get(depth) ?? 0;
    rows.set(depth, row + 1);
    positions[node.id] = { x: depth * COLUMN_WIDTH, y: row * ROW_HEIGHT };
  }
  return positions;
}

/** Above this many steps elkjs takes many seconds and then may overflow its stack: go plain at once. */
export const LARGE_LAYOUT = 1000;

/**
 * Lays a flow out with `layout` (elkjs), falling back to `layeredLayout` when it fails or
 * the flow is too big for it: a picture with a plainer layout beats an error.
 */
export async function layoutOrFallback(
  model: Model,
  layout: (model: Model) => Promise<Positions>,
): Promise<{ positions: Positions; fallback: boolean }> {
  if (model.nodes.length > LARGE_LAYOUT) return { positions: layeredLayout(model), fallback: true };
  try {
    return { positions: await layout(model), fallback: false };
  } catch {
    return { positions: layeredLayout(model), fallback: true };
  }
}
