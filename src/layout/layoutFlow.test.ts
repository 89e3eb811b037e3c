import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Model, parseModelText } from "../model";
import { assignLanes, computeLanes } from "./lanes";
import { layoutFlow } from "./layoutFlow";
import { nodeSize } from "./nodeSize";

function fixture(): Model {
  const parsed = parseModelText(readFileSync(join(import.meta.dirname, "layout.tiered.json"), "utf8"));
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
  return parsed.model;
}

describe("assignLanes", () => {
  it("puts work steps in their team's tier, hand-offs in the tier they hand to", () => {
    const lanes = assignLanes(fixture());
    expect(lanes.get("phone")).toBe(0);
    expect(lanes.get("kb")).toBe(0);
    expect(lanes.get("triage")).toBe(0);
    expect(lanes.get("l1-answer")).toBe(1);
    expect(lanes.get("to-l2")).toBe(2);
    expect(lanes.get("l2-fix")).toBe(2);
    expect(lanes.get("to-l3")).toBe(3);
    expect(lanes.get("check")).toBe(1);
  });
});

describe("layoutFlow", () => {
  it("places every node, without overlaps, lanes top to bottom by tier", async () => {
    const model = fixture();
    const positions = await layoutFlow(model);
    expect(Object.keys(positions).sort()).toEqual(model.nodes.map((n) => n.id).sort());
    const boxes = model.nodes.map((node) => ({
      id: node.id,
      ...(positions[node.id] as { x: number; y: number }),
      ...nodeSize(node),
    }));
    for (const a of boxes)
      for (const b of boxes) {
        if (a.id >= b.id) continue;
        const overlaps = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlaps, `${a.id} overlaps ${b.id}`).toBe(false);
      }
    const lanes = computeLanes(model, positions);
    expect(lanes.map((lane) => lane.label)).toEqual(["Intake", "L1", "L2", "L3"]);
    for (let i = 1; i < lanes.length; i++) {
      const above = lanes[i - 1] as (typeof lanes)[number];
      expect((lanes[i] as (typeof lanes)[number]).y).toBeGreaterThanOrEqual(above.y + above.height);
    }
    // Left to right: a channel comes before the step it feeds.
    expect((positions.phone as { x: number }).x).toBeLessThan((positions.triage as { x: number }).x);
    expect((positions["l2-fix"] as { x: number }).x).toBeLessThan((positions["to-l3"] as { x: number }).x);
  });

  it("lays out a 300-node chain left to right", async () => {
    const model = fixture();
    const base = model.nodes.length;
    for (let i = 0; i < 300 - base; i++) {
      const id = `w${i}`;
      model.nodes.push({
        id,
        kind: "delay",
        duration: { dist: "fixed", value: 30 },
      } as Model["nodes"][number]);
      model.edges.push({ id: `x${i}`, from: i === 0 ? "ack" : `w${i - 1}`, to: id });
    }
    const positions = await layoutFlow(model);
    expect(Object.keys(positions)).toHaveLength(300);
    expect((positions.w0 as { x: number }).x).toBeLessThan((positions[`w${299 - base}`] as { x: number }).x);
  });
});

describe("computeLanes", () => {
  it("never leaves a lane out: bands drawn on top of each other merge, the intake included", () => {
    const model = fixture();
    // Everything on one row: no lane can be told apart.
    const flat = Object.fromEntries(model.nodes.map((node, i) => [node.id, { x: i * 250, y: 0 }]));
    const lanes = computeLanes(model, flat);
    expect(lanes.map((lane) => lane.label)).toEqual(["Intake / L1 / L2 / L3"]);
  });
});
