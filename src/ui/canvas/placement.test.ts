import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assignLanes, computeLanes } from "../../layout/lanes";
import { nodeSize } from "../../layout/nodeSize";
import { type Model, parseModelText } from "../../model";
import { newNode } from "./newNode";
import { placeInLane } from "./placement";

function sample(file: string): Model {
  const parsed = parseModelText(readFileSync(join(import.meta.dirname, "../../../samples", file), "utf8"));
  if (!parsed.ok) throw new Error(file);
  return parsed.model;
}

function add(model: Model, node: Model["nodes"][number], wanted: { x: number; y: number }): Model {
  const { at, moved } = placeInLane(model, node, wanted);
  return { ...model, nodes: [...model.nodes, node], layout: { ...model.layout, ...moved, [node.id]: at } };
}

/** Each lane holds exactly the steps assigned to it, and no lane is left out. */
function lanesMatch(model: Model): string[] {
  const laneOf = assignLanes(model);
  const problems: string[] = [];
  const lanes = computeLanes(model, model.layout);
  const keys = new Set(laneOf.values());
  if (lanes.length !== keys.size)
    problems.push(`${lanes.length} bands for ${keys.size} tiers: ${lanes.map((l) => l.label)}`);
  for (const node of model.nodes) {
    const at = model.layout[node.id]!;
    const mid = at.y + nodeSize(node).height / 2;
    const band = lanes.find((l) => mid >= l.y && mid <= l.y + l.height);
    if (!band || band.key !== laneOf.get(node.id) || band.label.includes("/"))
      problems.push(`${node.id} (tier ${laneOf.get(node.id)}) sits in ${band?.label ?? "no lane"}`);
  }
  return problems;
}

describe("placeInLane", () => {
  it("puts a new work step in its team's lane, whatever point was asked, and keeps the intake lane", () => {
    let model = sample("password-reset.json");
    expect(lanesMatch(model)).toEqual([]);
    const channel = model.nodes.find((n) => n.kind === "channel")!;
    // Asked for right on top of the intake channel.
    const work = newNode(model, "work");
    model = add(model, work, model.layout[channel.id]!);
    expect(lanesMatch(model)).toEqual([]);
    expect(computeLanes(model, model.layout).map((l) => l.label)).toContain("Intake");
  });

  it("opens a lane that did not exist between the lanes above and below it", () => {
    let model = sample("password-reset.json");
    // A tier-3 team, then a work step for it: its lane opens below L2.
    model = { ...model, teams: [...model.teams, { ...model.teams[0]!, id: "l3", name: "L3", tier: 3 }] };
    const work = { ...newNode(model, "work"), team: "l3" } as Model["nodes"][number];
    model = add(model, work, { x: 0, y: 0 });
    expect(lanesMatch(model)).toEqual([]);
    expect(computeLanes(model, model.layout).map((l) => l.label)).toEqual(["Intake", "L1", "L2", "L3"]);
  });

  it("adds many steps of every kind without ever mixing lanes", () => {
    let model = sample("three-tier-desk.json");
    for (const kind of ["work", "channel", "work", "end", "selfService", "work", "channel", "route"] as const) {
      model = add(model, newNode(model, kind), { x: 300, y: 200 });
      expect(lanesMatch(model)).toEqual([]);
    }
  });
});
