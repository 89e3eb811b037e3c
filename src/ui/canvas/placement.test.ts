import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assignLanes, computeLanes } from "../../layout/lanes";
import { nodeSize } from "../../layout/nodeSize";
import { FORMAT, type Model, outPorts, parseModel, parseModelText } from "../../model";
import { FlowStore } from "../state/store";
import { addNodeAfter } from "./actions";
import { connect, deleteElements } from "./edits";
import { newNode } from "./newNode";
import { followLanes, keepLanesInDraft, placeInLane } from "./placement";

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

/** A small seeded generator (mulberry32), so a failing sequence can be replayed. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("building a flow step by step keeps the lanes in order (issue 22)", () => {
  const blank = () => {
    const parsed = parseModel({
      format: FORMAT,
      name: "New flow",
      teams: [
        { id: "l1", name: "L1", tier: 1, agents: 5 },
        { id: "l2", name: "L2", tier: 2, agents: 3 },
      ],
    });
    if (!parsed.ok) throw new Error("blank flow");
    return parsed.model;
  };

  it("puts a step added after another right of it, in its own lane, connected from the first free port", () => {
    const store = new FlowStore(blank(), { afterEdit: keepLanesInDraft });
    const channel = addNodeAfter(store, "channel", { x: 0, y: 0 }) as string;
    const work = addNodeAfter(store, "work", { x: 0, y: 0 }) as string;
    const { model } = store.getState();
    expect(model.edges).toEqual([{ id: `${channel}-out`, from: channel, to: work }]);
    expect(model.layout[work]!.x).toBeGreaterThan(model.layout[channel]!.x + nodeSize(model.nodes[0]!).width);
    expect(lanesMatch(model)).toEqual([]);
    // A route after the work step joins the work step's lane (L1), not the intake.
    const route = addNodeAfter(store, "route", { x: 0, y: 0 }) as string;
    expect(assignLanes(store.getState().model).get(route)).toBe(1);
    expect(lanesMatch(store.getState().model)).toEqual([]);
  });

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`seed ${seed}: 60 random adds, connects, retiers, deletes and undos; every step in its tier's lane, none overlapping`, () => {
      const random = seeded(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
      const store = new FlowStore(blank(), { afterEdit: keepLanesInDraft });
      const kinds = ["channel", "route", "work", "work", "escalate", "followUp", "delay", "end"] as const;
      const log: string[] = [];
      for (let i = 0; i < 60; i++) {
        const model = store.getState().model;
        const roll = random();
        if (roll < 0.4 || model.nodes.length < 3) {
          const selected = model.nodes.length > 0 && random() < 0.7 ? pick(model.nodes).id : undefined;
          store.select({ nodes: selected ? [selected] : [] });
          const kind = pick(kinds);
          const id = addNodeAfter(store, kind, { x: 0, y: 0 });
          if (kind === "work" && random() < 0.5)
            store.edit("Change team", (d) => {
              const n = d.nodes.find((x) => x.id === id);
              if (n?.kind === "work") n.team = "l2";
            });
          log.push(`add ${kind} after ${selected ?? "-"}`);
        } else if (roll < 0.65) {
          const from = pick(model.nodes);
          const ports = outPorts(from);
          const to = pick(model.nodes.filter((n) => n.id !== from.id && n.kind !== "channel"));
          if (ports.length === 0 || !to) continue;
          const port = pick(ports);
          store.edit("Connect", (d) => void connect(d, from.id, port, to.id));
          log.push(`connect ${from.id}.${port} -> ${to.id}`);
        } else if (roll < 0.75) {
          const team = pick(["l1", "l2"]);
          const tier = 1 + Math.floor(random() * 3);
          store.edit("Change tier", (d) => {
            const t = d.teams.find((x) => x.id === team);
            if (t) t.tier = tier;
          });
          log.push(`tier ${team} = ${tier}`);
        } else if (roll < 0.88) {
          const victim = pick(model.nodes).id;
          store.edit("Delete", (d) => deleteElements(d, [victim], []));
          log.push(`delete ${victim}`);
        } else {
          store.undo();
          log.push("undo");
        }
        const now = store.getState().model;
        expect(lanesMatch(now), log.join("; ")).toEqual([]);
        expect(overlaps(now), log.join("; ")).toEqual([]);
      }
    });
  }
});
