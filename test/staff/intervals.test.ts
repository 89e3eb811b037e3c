/**
 * Planning intervals and the joint per-interval requirement: arrival profiles per interval,
 * their validation, figures per interval that leave the rest of the results untouched, the
 * Erlang C start per interval, and the requirement meeting every interval in simulation.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Model, parseModel, validateModel } from "../../src/model";
import { combineReplications, prepareRun, runReplication } from "../../src/sim";
import { arrivalRates } from "../../src/sim/arrivalRates";
import { compileModel } from "../../src/sim/compile";
import { mmcServiceLevel } from "../../src/sim/erlang";
import type { Results } from "../../src/sim/results";
import { evaluateInProcess } from "../../src/staff/evaluate";
import { erlangCurves, findRequirement } from "../../src/staff/requirement";
import { verdictIsClear } from "../../src/staff/search";
import { judgeTarget, parseTargetExpression, resolveTarget } from "../../src/staff/targets";
import { runCli } from "../cli/run-cli";

/** One queue, 30-minute intervals, open 08:00-18:00 on weekdays with a morning ramp inside the hour. */
function rampFlow(extra: { patience?: boolean } = {}): unknown {
  const profile = new Array<number>(336).fill(0);
  for (let d = 0; d < 5; d++) {
    for (let k = 16; k < 36; k++) profile[d * 48 + k] = k === 16 ? 1 : k === 17 ? 2 : k < 24 ? 3 : 2;
  }
  return {
    format: "flowcast/v1",
    name: "Ramp",
    clock: { start: "2026-01-05T00:00", horizon: "8d", warmup: "1d", intervalMinutes: 30 },
    teams: [{ id: "a", name: "Front line", agents: 6, costPerHour: 30, shrinkage: 0.3 }],
    nodes: [
      { id: "in", kind: "channel", label: "Phone", arrivals: { perHour: 8, profile } },
      {
        id: "q",
        kind: "work",
        label: "Answer",
        team: "a",
        handleTime: { dist: "exponential", mean: 240 },
        queue: { slaSeconds: 20, ...(extra.patience ? { patience: { dist: "exponential", mean: 120 } } : {}) },
        outcomes: { resolved: 1 },
      },
      { id: "done", kind: "end" },
    ],
    edges: [
      { id: "e1", from: "in", to: "q" },
      { id: "e2", from: "q", port: "resolved", to: "done" },
      ...(extra.patience ? [{ id: "e3", from: "q", port: "abandoned", to: "done" }] : []),
    ],
  };
}

/** The flow file, loosely typed, for tests that break it on purpose. */
interface RampFile {
  clock: Record<string, unknown>;
  teams: Record<string, unknown>[];
  nodes: { arrivals?: Record<string, unknown> }[];
  targets?: unknown[];
}

function decode(file: unknown): Model {
  const parsed = parseModel(file);
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
  return parsed.model;
}

/** Every diagnostic of a flow file as "path: message". */
function problems(file: unknown): string[] {
  const parsed = parseModel(file);
  const diagnostics = parsed.ok ? validateModel(parsed.model) : parsed.diagnostics;
  return diagnostics.map((d) => `${d.path}: ${d.message}`);
}

function simulate(model: Model, seed: number, replications: number): Results {
  const prepared = prepareRun(model, {});

  if (!prepared.ok) throw new Error("flow not runnable");
  const reps = Array.from({ length: replications }, (_, r) =>
    runReplication(prepared.model, seed, r, model.clock.horizon),
  );
  return combineReplications(prepared.model, { scenario: null, seed, wallSeconds: 0 }, reps);
}

describe("arrival profiles per interval", () => {
  it("sets the rate of each 30-minute interval to perHour x its weight (mean 1)", () => {
    const model = decode(rampFlow());
    const cm = compileModel(model, model.clock.horizon);
    const channel = cm.channels[0]!;
    expect(channel.segmentSeconds).toBe(1800);
    const rates = arrivalRates(channel, cm.weekOffset, 7 * 86400, new Float64Array(10).fill(1));
    const profile = (rampFlow() as { nodes: { arrivals?: { profile: number[] } }[] }).nodes[0]!.arrivals!.profile;
    const mean = profile.reduce((a, b) => a + b, 0) / 336;
    for (const k of [0, 16, 17, 18, 30, 48 + 20, 5 * 48 + 20]) {
      expect(rates[k]! * 3600).toBeCloseTo((8 * profile[k]!) / mean, 9);
    }
  });

  it("draws the morning ramp inside the hour: 08:00-08:30 gets a third of 09:00-09:30 (4 weeks, within 15%)", () => {
    const file = rampFlow() as { clock: { horizon: string } };
    file.clock.horizon = "29d";
    const results = simulate(decode(file), 3, 1);
    const offered = results.intervals!.nodes.q!.offered;
    const at0800 = [0, 1, 2, 3, 4].reduce((s, d) => s + offered[d * 48 + 16]!, 0);
    const at0900 = [0, 1, 2, 3, 4].reduce((s, d) => s + offered[d * 48 + 18]!, 0);
    // expected per week: 5 days x 8/h x 30 min x weight / mean weight; Poisson over 4 weeks
    expect(at0800 / at0900).toBeGreaterThan(0.33 * 0.85 * 0.85);
    expect(at0800 / at0900).toBeLessThan(0.34 * 1.15 * 1.15);
    expect(offered[6 * 48 + 20]).toBe(0); // Sunday: closed
  });

  it("names what is wrong with a profile, the interval, shrinkage and per-interval targets", () => {
    const file = rampFlow() as RampFile;
    file.nodes[0]!.arrivals!.profile = [1, 2, -1];
    file.nodes[0]!.arrivals!.hourly = new Array(24).fill(1);
    file.teams[0]!.shrinkage = 1.2;
    file.teams[0]!.maxOccupancy = 0;
    file.targets = [
      { kpi: "backlog", atMost: 5, per: "interval" },
      { kpi: "serviceLevel", node: "q", atLeast: 0.8, share: 0.9 },
      { kpi: "serviceLevel", node: "q", atLeast: 0.8, per: "interval", share: 1.5 },
    ];
    const messages = problems(file);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'nodes[0].arrivals.profile: The interval profile of "Phone" (in) has 3 weights; it needs 336',
        ),
        expect.stringContaining("has both a profile per interval and hourly or weekly weights"),
        expect.stringContaining('teams[0].shrinkage: Team "Front line" (a) has shrinkage 1.2'),
        expect.stringContaining("teams[0].maxOccupancy"),
        expect.stringContaining("targets[0].per: Target 1 (backlog) cannot hold per interval"),
        expect.stringContaining(
          'targets[1].share: Target 2 (serviceLevel) has a share of intervals but does not hold per interval; add "per": "interval"',
        ),
        expect.stringContaining("targets[2].share"),
      ]),
    );
    file.nodes[0]!.arrivals!.hourly = undefined;
    file.nodes[0]!.arrivals!.profile = new Array(336).fill(1);
    (file.nodes[0]!.arrivals!.profile as number[])[7] = -2;
    file.clock.intervalMinutes = 20;
    const again = problems(file);
    expect(again).toEqual(
      expect.arrayContaining([
        expect.stringContaining("clock.intervalMinutes: The planning interval is 20 minutes; it must be 15, 30 or 60."),
      ]),
    );
    file.clock.intervalMinutes = 30;
    const third = problems(file);
    expect(third).toEqual(
      expect.arrayContaining([
        expect.stringContaining('nodes[0].arrivals.profile[7]: The interval profile of "Phone" (in) has weight -2'),
      ]),
    );
  });

  it("reads per-interval targets on the command line", () => {
    expect(parseTargetExpression("nodes.q.serviceLevel>=80% per interval 95%")).toEqual({
      kpi: "serviceLevel",
      node: "q",
      atLeast: 0.8,
      per: "interval",
      share: 0.95,
    });
    expect(parseTargetExpression("serviceLevel>=0.8 per interval")).toMatchObject({ per: "interval" });
    expect(() => parseTargetExpression("serviceLevel>=0.8 per interval lots")).toThrow(/not a share of intervals/);
  });
});

describe("figures per interval", () => {
  it("leave every other figure of the run as it was (the collector draws no random numbers)", () => {
    const file = rampFlow() as RampFile;
    const withIntervals = simulate(decode(file), 5, 2);
    const profile = file.nodes[0]!.arrivals!.profile as number[];
    // the same week on hourly weights is a different flow; compare a flow with and without intervalMinutes instead
    file.nodes[0]!.arrivals!.profile = undefined;
    file.nodes[0]!.arrivals!.hourly = Array.from({ length: 24 }, (_, h) => profile[2 * h]! + profile[2 * h + 1]!);
    const on = simulate(decode(file), 5, 2);
    file.clock.intervalMinutes = undefined;
    const off = simulate(decode(file), 5, 2);
    expect(off.intervals).toBeUndefined();
    expect(on.intervals?.intervalMinutes).toBe(30);
    const { intervals: _ignored, ...rest } = on;
    expect(JSON.stringify({ ...rest, wallSeconds: 0 })).toBe(JSON.stringify({ ...off, wallSeconds: 0 }));
    // answered per interval add up to the step's served contacts
    const q = withIntervals.intervals!.nodes.q!;
    const weeks = withIntervals.intervals!.weeks;
    const answered = q.answered.reduce((s, a, k) => s + a * weeks[k]!, 0);
    expect(answered).toBeCloseTo(withIntervals.nodes.q!.served!.mean, 6);
  });
});

describe("the per-interval requirement", () => {
  it("starts each 30-minute interval at the Erlang C minimum for 80% within 20 s", () => {
    const model = decode(rampFlow());
    const targets = [resolveTarget({ kpi: "serviceLevel", node: "q", atLeast: 0.8, per: "interval" }, model)];
    const start = erlangCurves(model, ["a"], targets);
    const profile = model.nodes[0]!.kind === "channel" ? model.nodes[0]!.arrivals.profile! : [];
    const mean = profile.reduce((a, b) => a + b, 0) / 336;
    for (let k = 0; k < 336; k++) {
      const rate = (8 * profile[k]!) / mean / 3600;
      let expected = 0;
      if (rate > 0) {
        expected = Math.floor(rate * 240) + 1;
        while (mmcServiceLevel({ arrivalRate: rate, serviceRate: 1 / 240, servers: expected }, 20) < 0.8) expected++;
      }
      expect(start.erlang.a![k], `interval ${k}`).toBe(expected);
    }
  });

  it("meets every interval target with every team simulated together (common random numbers)", async () => {
    const model = decode(rampFlow({ patience: true }));
    const targets = [
      resolveTarget({ kpi: "serviceLevel", node: "q", atLeast: 0.8, per: "interval" }, model),
      resolveTarget({ kpi: "abandonRate", atMost: 0.05, per: "interval" }, model),
    ];
    const answer = await findRequirement(
      model,
      { teams: ["a"], targets, run: { seed: 11, replications: 4 }, confidence: "ci95" },
      evaluateInProcess,
    );
    expect(answer.met).toBe(true);
    expect(answer.agents.a).toHaveLength(336);
    // every interval with contacts meets both bounds in the answer's own run
    const q = answer.results.intervals!.nodes.q!;
    for (let k = 0; k < 336; k++) {
      if (q.offered[k]! <= 0) continue;
      expect(q.serviceLevel![k]!, `interval ${k}`).toBeGreaterThanOrEqual(0.8);
      expect(answer.results.intervals!.flow.abandonRate[k]!, `interval ${k}`).toBeLessThanOrEqual(0.05);
    }
    for (const t of targets) expect(judgeTarget(answer.results, t).met).toBe(true);
    // nobody is planned where no contact arrives (Sunday)
    expect(answer.agents.a!.slice(6 * 48).every((a) => a === 0)).toBe(true);
  });
});

describe("flowcast staff --per-interval", () => {
  it("prints the requirement per interval of the week, people after shrinkage and the binding target in words", async () => {
    const dir = mkdtempSync(join(tmpdir(), "flowcast-intervals-"));
    const flow = join(dir, "ramp.json");
    writeFileSync(flow, JSON.stringify(rampFlow()));
    const run = await runCli([
      "staff",
      flow,
      "--target",
      "nodes.q.serviceLevel>=80%",
      "--per-interval",
      "--replications",
      "3",
      "--json",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.format).toBe("flowcast-staffing/v1");
    expect(doc.requirement.intervalMinutes).toBe(30);
    expect(Object.keys(doc.requirement.teams)).toEqual(["a"]);
    const curve = doc.requirement.teams.a as number[];
    expect(curve).toHaveLength(336);
    expect(curve.every((a) => Number.isInteger(a) && a >= 0)).toBe(true);
    expect(doc.targets[0]).toMatchObject({ per: "interval", met: true });
    const peak = Math.max(...curve);
    expect(doc.teams.a).toMatchObject({ kind: "interval", agents: peak, shrinkage: 0.3 });
    expect(doc.teams.a.people).toBe(Math.ceil(peak / 0.7));
    const hours = curve.reduce((s, a) => s + a, 0) / 2;
    expect(doc.teams.a.fte).toBeCloseTo(hours / 0.7 / 40, 2);
    expect(doc.why.a.sentence).toMatch(
      /^Front line: held by Answer: answered within 20 s at least 80% in every 30-minute interval/,
    );
    expect(doc.why.a.sentence).not.toMatch(/\(a\)|\(q\)/);
    expect(doc.intervals.nodes.q.serviceLevel).toHaveLength(336);
  });
});

describe("stopping a candidate early", () => {
  const sl = resolveTarget({ kpi: "serviceLevel", node: "q", atLeast: 0.8 });
  const wait = resolveTarget({ kpi: "waitMean", node: "q", atMost: 30 });
  const at = (level: [number, number], seconds: [number, number]) =>
    ({
      kpis: {},
      teams: {},
      nodes: {
        q: {
          served: { mean: 500, ci95: [480, 520] },
          serviceLevel: { mean: (level[0] + level[1]) / 2, ci95: level },
          waitMean: { mean: (seconds[0] + seconds[1]) / 2, ci95: seconds },
        },
      },
    }) as unknown as Results;

  it("stops when every interval is on the right side, or one is wholly on the wrong side", () => {
    expect(verdictIsClear(at([0.82, 0.9], [5, 20]), [sl, wait])).toBe(true);
    expect(verdictIsClear(at([0.6, 0.75], [5, 60]), [sl, wait])).toBe(true);
    expect(verdictIsClear(at([0.82, 0.9], [31, 40]), [sl, wait])).toBe(true);
  });

  it("runs on while an interval straddles its bound, and for targets per interval", () => {
    expect(verdictIsClear(at([0.78, 0.86], [5, 20]), [sl, wait])).toBe(false);
    expect(verdictIsClear(at([0.82, 0.9], [25, 35]), [sl, wait])).toBe(false);
    const perInterval = resolveTarget({ kpi: "serviceLevel", node: "q", atLeast: 0.8, per: "interval" });
    expect(verdictIsClear(at([0.6, 0.7], [5, 20]), [perInterval])).toBe(false);
  });
});
