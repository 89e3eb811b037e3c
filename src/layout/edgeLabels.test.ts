import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderFlowSvg } from "../io/svg/flowSvg";
import { type Model, parseModelText } from "../model";
import { edgeLabelTexts, labelSize, placeEdgeLabels, stepBoxes } from "./edgeLabels";
import { layoutFlow } from "./layoutFlow";
import { type Box, routeEdges } from "./routeEdges";

const SAMPLES = join(import.meta.dirname, "..", "..", "samples");

function parse(text: string): Model {
  const parsed = parseModelText(text);
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("; "));
  return parsed.model;
}

/**
 * 25 steps: a channel and a route into 12 L1 work steps, each with six outcomes into the same
 * six L2 work steps, which end in five ends: 115 edges, 114 of them labelled, most of them
 * crossing the one gap between the two tiers.
 */
function crowdedFlow(): Model {
  const l2 = Array.from({ length: 6 }, (_, k) => `l2-${k}`);
  const ends = Array.from({ length: 5 }, (_, k) => `end-${k}`);
  const l1 = Array.from({ length: 12 }, (_, k) => `l1-${k}`);
  const share = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, k) => [`out${k}`, 1 / n]));
  const work = (id: string, team: string, outs: number) => ({
    id,
    kind: "work",
    label: id,
    team,
    handleTime: "5m",
    outcomes: share(outs),
  });
  const nodes = [
    { id: "phone", kind: "channel", label: "Phone", channel: "phone", arrivals: { perHour: 60 } },
    { id: "split", kind: "route", label: "Split", split: share(12) },
    ...l1.map((id) => work(id, "l1", 6)),
    ...l2.map((id) => work(id, "l2", 5)),
    ...ends.map((id) => ({ id, kind: "end", label: id, status: "resolved" })),
  ];
  const edges = [
    { id: "in", from: "phone", to: "split" },
    ...l1.map((id, k) => ({ id: `s-${k}`, from: "split", port: `out${k}`, to: id })),
    ...l1.flatMap((id) => l2.map((to, k) => ({ id: `${id}-${k}`, from: id, port: `out${k}`, to }))),
    ...l2.flatMap((id) => ends.map((to, k) => ({ id: `${id}-${k}`, from: id, port: `out${k}`, to }))),
  ];
  return parse(
    JSON.stringify({
      format: "flowcast/v1",
      name: "Crowded",
      clock: { start: "2026-01-05T00:00", horizon: "1d" },
      teams: [
        { id: "l1", name: "L1", tier: 1, agents: 10 },
        { id: "l2", name: "L2", tier: 2, agents: 4 },
      ],
      nodes,
      edges,
    }),
  );
}

function hits(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Every label box that overlaps a step box or another label box. */
function clashes(model: Model, positions: Record<string, { x: number; y: number }>): string[] {
  const routes = routeEdges(model, positions);
  const texts = edgeLabelTexts(model);
  const steps = stepBoxes(model, positions);
  const placed = placeEdgeLabels(routes, texts, steps);
  expect(placed.size).toBe(texts.size);
  const problems: string[] = [];
  const labels = [...placed.entries()];
  labels.forEach(([id, label], k) => {
    const size = labelSize(texts.get(id) as string);
    expect([label.box.width, label.box.height]).toEqual([size.width, size.height]);
    steps.forEach((step, s) => {
      if (hits(label.box, step)) problems.push(`${id} on step ${model.nodes[s]?.id}`);
    });
    for (const [other, box] of labels.slice(k + 1)) if (hits(label.box, box.box)) problems.push(`${id} on ${other}`);
  });
  return problems;
}

describe("placeEdgeLabels", () => {
  it("a crowded 25-step flow: no label on another label or on a step", async () => {
    const model = crowdedFlow();
    expect(model.nodes.length).toBe(25);
    const positions = await layoutFlow(model);
    expect(edgeLabelTexts(model).size).toBe(114);
    expect(clashes(model, positions)).toEqual([]);
  });

  it("the middle of the longest segment would put labels on each other in the crowded flow", async () => {
    // The old rule, kept here to show the crowded flow is a real test of placement.
    const model = crowdedFlow();
    const positions = await layoutFlow(model);
    const routes = routeEdges(model, positions);
    const texts = edgeLabelTexts(model);
    const boxes = [...texts.entries()].map(([id, text]) => {
      const route = routes.get(id) ?? [];
      let best = route[0] ?? { x: 0, y: 0 };
      let longest = -1;
      for (let k = 1; k < route.length; k++) {
        const p = route[k - 1]!;
        const q = route[k]!;
        const d = Math.abs(q.x - p.x) + Math.abs(q.y - p.y);
        if (d > longest) [longest, best] = [d, { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 }];
      }
      const size = labelSize(text);
      return { x: best.x - size.width / 2, y: best.y - size.height / 2, ...size };
    });
    const overlapping = boxes.filter((a, k) => boxes.some((b, j) => j !== k && hits(a, b)));
    expect(overlapping.length).toBeGreaterThan(0);
  });

  for (const file of readdirSync(SAMPLES).filter((f) => f.endsWith(".json"))) {
    it(`${file} after auto-layout: no label on another label or on a step; the picture draws them there`, async () => {
      const model = parse(readFileSync(join(SAMPLES, file), "utf8"));
      const positions = await layoutFlow(model);
      expect(clashes(model, positions)).toEqual([]);
      const placed = placeEdgeLabels(routeEdges(model, positions), edgeLabelTexts(model), stepBoxes(model, positions));
      const svg = renderFlowSvg(model, positions);
      for (const [id, label] of placed) {
        const drawn = new RegExp(`data-edge-label="${id}" x="([-\\d.]+)" y="([-\\d.]+)"`).exec(svg);
        expect(drawn, id).not.toBeNull();
        expect([Number(drawn?.[1]), Number(drawn?.[2])], id).toEqual([
          Math.round(label.at.x * 10) / 10,
          Math.round(label.at.y * 10) / 10,
        ]);
      }
    });
  }
});
