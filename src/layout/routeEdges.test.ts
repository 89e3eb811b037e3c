import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
    });
  }
});
