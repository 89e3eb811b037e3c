import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assignLanes, computeLanes } from "../../layout/lanes";
import { nodeSize } from "../../layout/nodeSize";
import { type Model, parseModelText } from "../../model";
import { newNode } from "./newNode";
import { followLanes, placeInLane } from "./placement";

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

/** Pairs of steps whose boxes touch or overlap. */
function overlaps(model: Model): string[] {
  const boxes = model.nodes.map((n) => ({ id: n.id, ...model.layout[n.id]!, ...nodeSize(n) }));
  const found: string[] = [];
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1))
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        found.push(`${a.id} / ${b.id}`);
  return found;
}

/** `model` after `change`, with the steps moved by `followLanes`. */
function edited(model: Model, change: (m: Model) => Model): { after: Model; moved: string[] } {
  const changed = change(structuredClone(model));
  const moved = followLanes(model, changed);
  return { after: { ...changed, layout: { ...changed.layout, ...moved } }, moved: Object.keys(moved) };
}

const setTeam = (id: string, team: string) => (m: Model) => ({
  ...m,
  nodes: m.nodes.map((n) => (n.id === id && n.kind === "work" ? { ...n, team } : n)),
});
const setTier = (id: string, tier: number) => (m: Model) => ({
  ...m,
  teams: m.teams.map((t) => (t.id === id ? { ...t, tier } : t)),
});

describe("followLanes", () => {
  it("moves nothing when no step changes lane", () => {
    const model = sample("three-tier-desk.json");
    expect(followLanes(model, setTeam("l1-email", "l1")(model))).toEqual({});
    expect(followLanes(model, { ...model, name: "renamed" })).toEqual({});
  });

  it("moves a step given a team of another tier into that tier's lane, closing the lane it leaves", () => {
    const model = sample("password-reset.json");
    expect(computeLanes(model, model.layout).map((l) => l.label)).toEqual(["Intake", "L1", "L2"]);
    const { after, moved } = edited(model, setTeam("l2-access", "l1"));
    expect(moved).toContain("l2-access");
    expect(lanesMatch(after)).toEqual([]);
    expect(overlaps(after)).toEqual([]);
    expect(computeLanes(after, after.layout).map((l) => l.label)).toEqual(["Intake", "L1"]);
    // Steps of the lanes above stay where they were.
    for (const node of model.nodes)
      if (assignLanes(model).get(node.id) === 0) expect(after.layout[node.id]).toEqual(model.layout[node.id]);
  });

  it("opens a new lane in tier order when a step's team is of a new tier", () => {
    const base = sample("three-tier-desk.json");
    const model = { ...base, teams: [...base.teams, { ...base.teams[0]!, id: "l4", name: "L4", tier: 4 }] };
    // l1-email to L4: a lane opens below L3; L1 keeps l1-phone.
    const { after } = edited(model, setTeam("l1-email", "l4"));
    expect(lanesMatch(after)).toEqual([]);
    expect(overlaps(after)).toEqual([]);
    const labels = computeLanes(after, after.layout).map((l) => l.label);
    expect(labels.slice(0, 2)).toEqual(["Intake", "L1"]);
    expect(labels.indexOf("L4")).toBeGreaterThan(labels.indexOf("L3"));
  });

  it("follows a team's tier change, swapping lanes, and every step sits in its tier's lane", () => {
    const model = sample("three-tier-desk.json");
    // L2 becomes tier 3 and L3 tier 2: their lanes swap order.
    const { after } = edited(model, (m) => setTier("l3", 2)(setTier("l2", 3)(m)));
    expect(lanesMatch(after)).toEqual([]);
    expect(overlaps(after)).toEqual([]);
    expect(after.layout.l3!.y).toBeLessThan(after.layout.l2!.y);
  });

  it("keeps every sample's lanes matching through a series of team and tier changes", () => {
    for (const file of ["three-tier-desk.json", "omnichannel-retail.json", "card-disputes.json"]) {
      let model = sample(file);
      const works = model.nodes.filter((n) => n.kind === "work").map((n) => n.id);
      const teams = model.teams.map((t) => t.id);
      for (const [i, id] of works.entries()) {
        const team = teams[(i + 1) % teams.length] as string;
        model = edited(model, setTeam(id, team)).after;
        expect(lanesMatch(model), `${file}: ${id} to ${team}`).toEqual([]);
        expect(overlaps(model), `${file}: ${id} to ${team}`).toEqual([]);
      }
      model = edited(model, setTier(teams[0] as string, teams.length + 1)).after;
      expect(lanesMatch(model), `${file}: tier change`).toEqual([]);
      expect(overlaps(model), `${file}: tier change`).toEqual([]);
    }
  });
});
