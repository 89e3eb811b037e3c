/**
 * The sample flows in samples/: each one parses, validates clean, survives a save and reload
 * unchanged, reads well on the canvas (a description and a position for every node), and is
 * staffed plausibly: every team's offered load, worked out from the flow by a steady-state
 * traffic calculation, stays below what its agents can carry.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  applyScenario,
  type Condition,
  type Dist,
  distMean,
  type Model,
  type Node,
  outPorts,
  parseModel,
  serializeModel,
  validateModel,
} from "../src/model";

const SAMPLES_DIR = join(import.meta.dirname, "..", "samples");
const files = readdirSync(SAMPLES_DIR)
  .filter((f) => f.endsWith(".json"))
  .sort();

const REQUIRED = [
  "card-disputes.json",
  "email-small-team.json",
  "omnichannel-retail.json",
  "password-reset.json",
  "three-tier-desk.json",
];

describe("samples", () => {
  it("include the five flows of the foundation issue", () => {
    for (const name of REQUIRED) expect(files).toContain(name);
  });

  describe.each(files)("%s", (file) => {
    const text = readFileSync(join(SAMPLES_DIR, file), "utf8");
    const parsed = parseModel(JSON.parse(text));
    const model = parsed.ok ? parsed.model : undefined;

    it("parses", () => {
      expect(parsed.ok ? [] : parsed.diagnostics).toEqual([]);
    });

    it("validates without errors, and so does every scenario", () => {
      const m = required(model);
      expect(validateModel(m).filter((d) => d.severity === "error")).toEqual([]);
      for (const scenario of m.scenarios) {
        const applied = applyScenario(m, scenario.id);
        expect(applied.ok ? [] : applied.diagnostics, `scenario ${scenario.id}`).toEqual([]);
        if (applied.ok) expect(validateModel(applied.model).filter((d) => d.severity === "error")).toEqual([]);
      }
    });

    it("round-trips: parse, serialise, parse gives the same model", () => {
      const m = required(model);
      const again = parseModel(JSON.parse(serializeModel(m)));
      expect(again.ok).toBe(true);
      if (again.ok) expect(again.model).toEqual(m);
    });

    it("has a name, a one-line description and a layout position for every node", () => {
      const m = required(model);
      expect(m.name).not.toBe("Untitled flow");
      expect(m.description?.trim()).toBeTruthy();
      expect(m.description).not.toContain("\n");
      for (const node of m.nodes) expect(m.layout[node.id], `layout of ${node.id}`).toBeDefined();
      const spots = Object.values(m.layout).map((p) => `${p.x},${p.y}`);
      expect(new Set(spots).size, "two nodes share a position").toBe(spots.length);
    });

    it("connects every out port but `abandoned`, and every edge has an id", () => {
      const m = required(model);
      for (const node of m.nodes) {
        const used = new Set(m.edges.filter((e) => e.from === node.id).map((e) => e.port ?? "out"));
        for (const port of outPorts(node)) {
          if (port !== "abandoned") expect(used.has(port), `${node.id}.${port}`).toBe(true);
        }
      }
      expect(new Set(m.edges.map((e) => e.id)).size).toBe(m.edges.length);
    });

    it("gives every team an offered load below its capacity", () => {
      const m = required(model);
      const loads = teamLoads(m);
      for (const team of m.teams) {
        const load = loads.get(team.id) ?? 0;
        const capacity = averageCapacity(m, team.id);
        // Rough steady-state check: long-run offered Erlangs against average staffed slots.
        // Below 0.95 leaves room for the day's peaks; above 0.3 means the team is not idle.
        expect(load / capacity, `${team.id}: ${load.toFixed(2)} Erlangs on ${capacity.toFixed(2)} slots`).toBeLessThan(
          0.95,
        );
        expect(
          load / capacity,
          `${team.id}: ${load.toFixed(2)} Erlangs on ${capacity.toFixed(2)} slots`,
        ).toBeGreaterThan(0.3);
      }
    });
  });
});

describe("the load calculation used above", () => {
  it("finds the offered load of a single queue with reopen feedback", () => {
    // 10 contacts/h, 6 min each, 25% come back once more (and again): 10 / 0.75 x 0.1 h = 1.333 Erlangs.
    const m = required(
      parseOk({
        format: "flowcast/v1",
        teams: [{ id: "t", agents: 2 }],
        nodes: [
          { id: "in", kind: "channel", arrivals: { perHour: 10 } },
          { id: "w", kind: "work", team: "t", handleTime: "6m", outcomes: { done: 0.75, again: 0.25 } },
          { id: "end", kind: "end" },
        ],
        edges: [
          { id: "a", from: "in", to: "w" },
          { id: "b", from: "w", port: "done", to: "end" },
          { id: "c", from: "w", port: "again", to: "w" },
        ],
      }),
    );
    expect(teamLoads(m).get("t")).toBeCloseTo(10 / 0.75 / 10, 6);
  });

  it("splits on an attribute threshold by the attribute's distribution", () => {
    // refund ~ exponential(mean 50): P(refund > 100) = e^-2; 36/h, 10 min each on the "big" team.
    const m = required(
      parseOk({
        format: "flowcast/v1",
        contactTypes: [{ id: "b", attributes: { refund: { dist: "exponential", mean: 50 } } }],
        teams: [
          { id: "big", agents: 2 },
          { id: "small", agents: 2 },
        ],
        nodes: [
          { id: "in", kind: "channel", arrivals: { perHour: 36 }, mix: { b: 1 } },
          { id: "r", kind: "route", rules: [{ if: { attributes: { refund: { gt: 100 } } }, port: "big" }] },
          { id: "wb", kind: "work", team: "big", handleTime: "10m", outcomes: { done: 1 } },
          { id: "ws", kind: "work", team: "small", handleTime: "10m", outcomes: { done: 1 } },
          { id: "end", kind: "end" },
        ],
        edges: [
          { id: "a", from: "in", to: "r" },
          { id: "b", from: "r", port: "big", to: "wb" },
          { id: "c", from: "r", port: "otherwise", to: "ws" },
          { id: "d", from: "wb", port: "done", to: "end" },
          { id: "e", from: "ws", port: "done", to: "end" },
        ],
      }),
    );
    expect(teamLoads(m).get("big")).toBeCloseTo((36 * Math.exp(-2)) / 6, 6);
    expect(teamLoads(m).get("small")).toBeCloseTo((36 * (1 - Math.exp(-2))) / 6, 6);
  });
});

// helpers

function required(model: Model | undefined): Model {
  if (!model) throw new Error("the sample did not parse");
  return model;
}

function parseOk(file: unknown): Model | undefined {
  const result = parseModel(file);
  return result.ok ? result.model : undefined;
}

/** A bundle of contacts moving through the flow: where, what, and how much (contacts per hour). */
type Flow = {
  node: string;
  channel: string;
  type: string;
  priority: string;
  tier: string;
  attempts: number;
  visited: string[];
  reexplain: number;
};

/** The most attempts told apart; rules in samples test small counts (>= 2, >= 3). */
const MAX_ATTEMPTS = 8;

/**
 * Offered load per team in Erlangs (contacts/h x mean hours of agent time), from a steady-state
 * traffic calculation: mass flows from each channel split by contact type, priority and tier,
 * through every node's shares and rules (attributes by their distribution), loops included,
 * until what is left circulating is negligible. Abandonment is ignored, so the load is an
 * upper bound. Agent time includes the hand-off note (structured escalation) and the
 * re-explaining after an unstructured one.
 */
function teamLoads(model: Model): Map<string, number> {
  const nodes = new Map(model.nodes.map((n) => [n.id, n]));
  const edgesFrom = (id: string, port: string) =>
    model.edges.filter((e) => e.from === id && (e.port ?? "out") === port).map((e) => e.to);
  const loads = new Map<string, number>();
  const pending = new Map<string, { flow: Flow; mass: number }>();
  const push = (flow: Flow, to: string, mass: number, reexplain = 0) => {
    if (mass <= 1e-12) return;
    const seen = flow.visited.includes(to);
    const next: Flow = {
      ...flow,
      node: to,
      attempts: Math.min(MAX_ATTEMPTS, flow.attempts + (seen ? 1 : 0)),
      visited: seen ? flow.visited : [...flow.visited, to].sort(),
      reexplain,
    };
    const key = JSON.stringify(next);
    const entry = pending.get(key);
    if (entry) entry.mass += mass;
    else pending.set(key, { flow: next, mass });
  };
  const send = (flow: Flow, port: string, mass: number, reexplain = 0) => {
    for (const to of edgesFrom(flow.node, port)) push(flow, to, mass, reexplain);
  };
  for (const node of model.nodes) {
    if (node.kind !== "channel") continue;
    for (const [type, typeShare] of entries(node.mix, "")) {
      for (const [priority, priorityShare] of entries(node.priority, "normal")) {
        for (const [tier, tierShare] of entries(node.customerTier, "")) {
          const start: Flow = {
            node: node.id,
            channel: node.channel,
            type,
            priority,
            tier,
            attempts: 1,
            visited: [node.id],
            reexplain: 0,
          };
          send(start, "out", node.arrivals.perHour * typeShare * priorityShare * tierShare);
        }
      }
    }
  }
  for (let guard = 0; pending.size > 0 && guard < 200_000; guard++) {
    const [key, { flow, mass }] = pending.entries().next().value as [string, { flow: Flow; mass: number }];
    pending.delete(key);
    const node = nodes.get(flow.node);
    if (node) step(model, node, flow, mass, send, loads);
  }
  return loads;
}

function step(
  model: Model,
  node: Node,
  flow: Flow,
  mass: number,
  send: (flow: Flow, port: string, mass: number, reexplain?: number) => void,
  loads: Map<string, number>,
): void {
  switch (node.kind) {
    case "channel":
    case "delay":
      send(flow, "out", mass);
      return;
    case "escalate":
      send(flow, "out", mass, node.handoff === "none" ? distMean(node.reexplainTime) : 0);
      return;
    case "selfService": {
      const d = typeof node.deflection === "number" ? node.deflection : (node.deflection[flow.type] ?? 0);
      send(flow, "resolved", mass * d);
      send(flow, "contact", mass * (1 - d));
      return;
    }
    case "route": {
      if (node.split) {
        for (const [port, share] of Object.entries(node.split)) send(flow, port, mass * share);
        return;
      }
      let left = mass;
      for (const rule of node.rules ?? []) {
        const p = matchProbability(model, rule.if, flow);
        send(flow, rule.port, left * p);
        left *= 1 - p;
      }
      send(flow, "otherwise", left);
      return;
    }
    case "work": {
      const outcomes = node.outcomesByType?.[flow.type] ?? node.outcomes;
      const handle = distMean(node.handleTimeByType?.[flow.type] ?? node.handleTime);
      let seconds = handle + flow.reexplain;
      for (const [port, share] of Object.entries(outcomes)) {
        const to = model.nodes.find((n) =>
          model.edges.some((e) => e.from === node.id && e.port === port && e.to === n.id),
        );
        if (to?.kind === "escalate" && to.handoff === "structured") seconds += share * distMean(to.noteTime);
        send(flow, port, mass * share);
      }
      loads.set(node.team, (loads.get(node.team) ?? 0) + (mass * seconds) / 3600);
      return;
    }
    case "followUp":
      for (const [port, share] of Object.entries(node.outcomes)) send(flow, port, mass * share);
      return;
    case "end":
      return;
  }
}

/** Probability that a bundle matches a rule: its own fields decide, attributes by their distribution. */
function matchProbability(model: Model, condition: Condition, flow: Flow): number {
  const among = (values: string | string[] | undefined, value: string) =>
    values === undefined || (Array.isArray(values) ? values : [values]).includes(value);
  if (!among(condition.contactType, flow.type)) return 0;
  if (!among(condition.channel, flow.channel)) return 0;
  if (!among(condition.priority, flow.priority)) return 0;
  if (!among(condition.customerTier, flow.tier)) return 0;
  if (condition.attempts && !inRange(flow.attempts, condition.attempts)) return 0;
  let p = 1;
  for (const [name, range] of Object.entries(condition.attributes ?? {})) {
    const dist = model.contactTypes.find((t) => t.id === flow.type)?.attributes?.[name];
    p *= dist ? rangeProbability(dist, range) : 0;
  }
  return p;
}

type Range = { gt?: number; gte?: number; lt?: number; lte?: number };

function inRange(x: number, r: Range): boolean {
  return (
    (r.gt === undefined || x > r.gt) &&
    (r.gte === undefined || x >= r.gte) &&
    (r.lt === undefined || x < r.lt) &&
    (r.lte === undefined || x <= r.lte)
  );
}

/** P(low < X < high) for the continuous distributions attributes use in the samples. */
function rangeProbability(dist: Dist, r: Range): number {
  const low = Math.max(r.gt ?? Number.NEGATIVE_INFINITY, r.gte ?? Number.NEGATIVE_INFINITY);
  const high = Math.min(r.lt ?? Number.POSITIVE_INFINITY, r.lte ?? Number.POSITIVE_INFINITY);
  return Math.max(0, cdf(dist, high) - cdf(dist, low));
}

function cdf(dist: Dist, x: number): number {
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x <= 0 && dist.dist !== "normal") return 0;
  switch (dist.dist) {
    case "fixed":
      return x >= dist.value ? 1 : 0;
    case "exponential":
      return 1 - Math.exp(-x / dist.mean);
    case "uniform":
      return Math.min(1, Math.max(0, (x - dist.min) / (dist.max - dist.min)));
    case "lognormal": {
      const s2 = Math.log(1 + (dist.sd / dist.mean) ** 2);
      return normalCdf((Math.log(x) - (Math.log(dist.mean) - s2 / 2)) / Math.sqrt(s2));
    }
    default:
      throw new Error(`the load check does not know the ${dist.dist} distribution; add it here`);
  }
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26, error below 1.5e-7). */
function normalCdf(z: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Average agent slots of a team over the week: its schedule's agent-hours / 168, times concurrency. */
function averageCapacity(model: Model, teamId: string): number {
  const team = model.teams.find((t) => t.id === teamId);
  if (!team) return 0;
  if (!team.schedule) return team.agents * team.concurrency;
  const hours = (time: string) => Number(time.slice(0, 2)) + Number(time.slice(3, 5)) / 60;
  let agentHours = 0;
  for (const shift of team.schedule) {
    let length = hours(shift.to) - hours(shift.from);
    if (length <= 0) length += 24;
    agentHours += length * shift.days.length * shift.agents;
  }
  return (agentHours / 168) * team.concurrency;
}

function entries(shares: Partial<Record<string, number>> | undefined, fallback: string): [string, number][] {
  const list = Object.entries(shares ?? {}).filter((e): e is [string, number] => (e[1] ?? 0) > 0);
  return list.length > 0 ? list : [[fallback, 1]];
}
