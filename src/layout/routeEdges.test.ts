import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderFlowSvg } from "../io/svg/flowSvg";
import { parseModelText } from "../model";
import { layoutFlow } from "./layoutFlow";
import { nodeAnchors, nodeSize } from "./nodeSize";
import { crossings, routeEdges } from "./routeEdges";

const SAMPLES = join(import.meta.dirname, "..", "..", "samples");

function sample(file: string) {
  const parsed = parseModelText(readFileSync(join(SAMPLES, file), "utf8"));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.diagnostics.map((d) => d.message).join("; ")}`);
  return parsed.model;
}

describe("routeEdges after auto-layout", () => {
  for (const file of readdirSync(SAMPLES).filter((f) => f.endsWith(".json"))) {
    it(`${file}: every edge runs from its port to its target's in-handle, through no step box`, async () => {
      const model = sample(file);
      const positions = await layoutFlow(model);
      const routes = routeEdges(model, positions);
      expect(routes.size).toBe(model.edges.length);
      const byId = new Map(model.nodes.map((n) => [n.id, n]));
      const problems: string[] = [];
      for (const edge of model.edges) {
        const route = routes.get(edge.id) ?? [];
        const from = byId.get(edge.from)!;
        const to = byId.get(edge.to)!;
        const out = nodeAnchors(from).out.get(edge.port ?? "out")!;
        const first = route[0]!;
        const last = route[route.length - 1]!;
        expect(first).toEqual({ x: positions[edge.from]!.x + out.x, y: positions[edge.from]!.y + out.y });
        expect(last).toEqual({
          x: positions[edge.to]!.x + nodeAnchors(to).in.x,
          y: positions[edge.to]!.y + nodeAnchors(to).in.y,
        });
        for (let k = 1; k < route.length; k++) {
          const p = route[k - 1]!;
          const q = route[k]!;
          if (p.x !== q.x && p.y !== q.y) problems.push(`${edge.id}: segment ${k} is not horizontal or vertical`);
        }
        // Its own steps included: an edge looping back goes round its source, not through it.
        for (const node of model.nodes) {
          const box = { ...positions[node.id]!, ...nodeSize(node) };
          if (crossings(route, box) > 0) problems.push(`${edge.id} (${edge.from} → ${edge.to}) crosses ${node.id}`);
        }
      }
      expect(problems).toEqual([]);

      // The exported picture draws the same routes: each path starts on its port, bends where
      // the route bends, and stops at the arrowhead just short of the in-handle.
      const svg = renderFlowSvg(model, positions);
      for (const edge of model.edges) {
        const route = routes.get(edge.id) ?? [];
        const d = new RegExp(`data-edge="${edge.id}" d="([^"]+)"`).exec(svg)?.[1] ?? "";
        const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
        const first = route[0]!;
        const last = route[route.length - 1]!;
        expect(numbers.slice(0, 2), edge.id).toEqual([round(first.x), round(first.y)]);
        expect(numbers.slice(-2), edge.id).toEqual([round(last.x - 2), round(last.y)]);
        expect((d.match(/Q/g) ?? []).length, edge.id).toBe(route.length - 2);
      }
    });
  }
});

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

describe("routeEdges", () => {
  it("goes round a step that stands between the two it joins", () => {
    const model = sample("password-reset.json");
    // Three steps in a row: the first joined straight to the third, the second in the way.
    const [a, b, c] = model.nodes.filter((n) => n.kind !== "channel" && n.kind !== "end").slice(0, 3);
    const small = {
      ...model,
      nodes: [a!, b!, c!],
      edges: [{ id: "x", from: a!.id, to: c!.id, port: [...nodeAnchors(a!).out.keys()][0] }],
    };
    const positions = { [a!.id]: { x: 0, y: 0 }, [b!.id]: { x: 300, y: 0 }, [c!.id]: { x: 600, y: 0 } };
    const route = routeEdges(small, positions).get("x")!;
    const box = { ...positions[b!.id]!, ...nodeSize(b!) };
    // A straight or plain elbow line would cross it; the route does not.
    const start = route[0]!;
    const end = route[route.length - 1]!;
    expect(
      crossings([start, { x: (start.x + end.x) / 2, y: start.y }, { x: (start.x + end.x) / 2, y: end.y }, end], box),
    ).toBeGreaterThan(0);
    expect(crossings(route, box)).toBe(0);
  });

  it("puts edges that share a corridor on distinct tracks", () => {
    const model = sample("password-reset.json");
    const [a, b, c, d] = model.nodes.filter((n) => n.kind === "delay" || n.kind === "end").slice(0, 4);
    expect(d).toBeDefined();
    const nodes = [a!, b!, c!, d!].map((n, k) => (k < 2 ? { ...n, kind: "delay" as const, duration: 1 } : n));
    const positions = {
      [a!.id]: { x: 0, y: 0 },
      [b!.id]: { x: 0, y: 120 },
      [c!.id]: { x: 700, y: 600 },
      [d!.id]: { x: 700, y: 720 },
    };
    const edges = [
      { id: "one", from: a!.id, to: c!.id },
      { id: "two", from: b!.id, to: d!.id },
    ];
    const routes = routeEdges({ ...model, nodes: nodes as typeof model.nodes, edges }, positions);
    const runs = (id: string) => {
      const r = routes.get(id)!;
      return r.slice(1).flatMap((q, k) => {
        const p = r[k]!;
        return p.x === q.x ? [{ x: p.x, from: Math.min(p.y, q.y), to: Math.max(p.y, q.y) }] : [];
      });
    };
    const shared = runs("one").filter((u) => runs("two").some((v) => v.x === u.x && v.from < u.to && u.from < v.to));
    expect(runs("one").length).toBeGreaterThan(0);
    expect(shared).toEqual([]);
  });
});
