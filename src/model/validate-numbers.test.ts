/**
 * One test per numeric and calendar validation rule (arrivals, distributions, schedules,
 * staffing, clock) and per scenario rule, plus the promise that validation never throws:
 * each breaks the small valid flow in validate.desk.json in one way.
 */
import { describe, expect, it } from "vitest";
import { at, atAfterEdit, DESK, decodeModel, type Json, node, validateEdited } from "./testing";
import { validateModel } from "./validate";

describe("arrivals", () => {
  it("reports an hourly profile that is not 24 long and a weekly one that is not 7 long", () => {
    const ds = validateEdited((f) => {
      node(f, "phone").arrivals.hourly.pop();
      node(f, "chat").arrivals.weekly = [1, 1, 1, 1, 1, 1];
    });
    expect(at(ds, "nodes[0].arrivals.hourly").message).toBe(
      'The hourly profile of "Phone" (phone) has 23 weights; it needs 24, one per hour of the day.',
    );
    expect(at(ds, "nodes[1].arrivals.weekly")).toMatchObject({
      nodeId: "chat",
      message: expect.stringContaining('"Chat" (chat) has 6 weights; it needs 7'),
    });
  });

  it("reports a profile of all zeros", () => {
    const d = atAfterEdit("nodes[0].arrivals.weekly", (f) => {
      node(f, "phone").arrivals.weekly = [0, 0, 0, 0, 0, 0, 0];
    });
    expect(d.message).toContain('weekly profile of "Phone" (phone) is all zeros');
  });

  it("reports a zero arrival rate as an error", () => {
    const d = atAfterEdit("nodes[1].arrivals.perHour", (f) => {
      node(f, "chat").arrivals.perHour = 0;
    });
    expect(d).toMatchObject({ severity: "error", nodeId: "chat" });
    expect(d.message).toContain('The arrival rate of "Chat" (chat) is 0 per hour');
  });

  it("reports a surge that ends before it starts", () => {
    const d = atAfterEdit("nodes[0].arrivals.surges[0]", (f) => {
      node(f, "phone").arrivals.surges = [{ from: "2026-01-08T12:00", to: "2026-01-08", factor: 2 }];
    });
    expect(d.message).toContain('Surge 1 of "Phone" (phone) runs from 2026-01-08T12:00 to 2026-01-08');
  });

  it("warns about a day factor whose mean is not 1", () => {
    const d = atAfterEdit("nodes[0].arrivals.dayFactor", (f) => {
      node(f, "phone").arrivals.dayFactor = { dist: "uniform", min: 0.9, max: 1.5 };
    });
    expect(d).toMatchObject({ severity: "warning", message: expect.stringContaining("has a mean of 1.20") });
  });
});

describe("distributions", () => {
  it("reports a zero mean handle time", () => {
    const d = atAfterEdit("nodes[6].handleTime", (f) => {
      node(f, "l2-answer").handleTime = "0s";
    });
    expect(d.message).toBe(
      'Handle time of "L2 investigates" (l2-answer) has a mean of 0 s; an agent always takes some time, so give the average time the work takes.',
    );
  });

  it("reports a mean of 0 where the distribution needs a positive one", () => {
    const d = atAfterEdit("nodes[4].queue.patience.mean", (f) => {
      node(f, "l1-answer").queue.patience = { dist: "exponential", mean: 0 };
    });
    expect(d.message).toContain('Patience of "L1 answers" (l1-answer) has a mean of 0 s; it must be more than 0.');
  });

  it("reports triangular and uniform bounds out of order", () => {
    const ds = validateEdited((f) => {
      node(f, "ack").duration = { dist: "triangular", min: "1m", mode: "5m", max: "2m" };
      node(f, "check").wait = { dist: "uniform", min: "2d", max: "1d" };
    });
    expect(at(ds, "nodes[8].duration").message).toContain(
      'Duration of "Auto reply" (ack) has min 60 s, mode 5 min and max 2 min; they must be in order',
    );
    expect(at(ds, "nodes[7].wait").message).toContain(
      'Wait of "Customer confirms" (check) has min 2 d above max 24 h.',
    );
  });

  it("reports empirical weights that do not match the values", () => {
    const d = atAfterEdit("nodes[5].noteTime.weights", (f) => {
      node(f, "handoff").noteTime = { dist: "empirical", values: ["1m", "2m", "5m"], weights: [1, 2] };
    });
    expect(d.message).toContain('Note time of "Hand off to L2" (handoff) has 2 weights for 3 values');
  });

  it("checks the parts of a mixture and reports weights that are all zero", () => {
    const ds = validateEdited((f) => {
      node(f, "l1-answer").queue.patience = {
        dist: "mixture",
        parts: [
          { weight: 0.1, dist: 0 },
          { weight: 0.9, dist: { dist: "gamma", mean: 0, sd: "1m" } },
        ],
      };
      node(f, "l2-answer").handleTime = { dist: "mixture", parts: [{ weight: 0, dist: "5m" }] };
    });
    expect(at(ds, "nodes[4].queue.patience.parts[1].dist.mean").message).toContain(
      'Patience of "L1 answers" (l1-answer), part 2, has a mean of 0 s',
    );
    expect(at(ds, "nodes[6].handleTime.parts").message).toContain("mixture whose weights are all 0");
  });

  it("warns about an sd far above the mean (units mixed up)", () => {
    const d = atAfterEdit("nodes[4].handleTime", (f) => {
      node(f, "l1-answer").handleTime = { dist: "lognormal", mean: "6m", sd: "2h" };
    });
    expect(d).toMatchObject({ severity: "warning", message: expect.stringContaining("more than ten times its mean") });
  });

  it("reports NaN and negative times on a model built by hand", () => {
    const model = structuredClone(decodeModel(structuredClone(DESK)));
    const ack = model.nodes[8];
    const l2 = model.nodes[6];
    if (ack?.kind !== "delay" || l2?.kind !== "work") throw new Error("fixture changed");
    ack.duration = { dist: "fixed", value: -5 };
    l2.handleTime = { dist: "lognormal", mean: Number.NaN, sd: 60 };
    const ds = validateModel(model);
    expect(at(ds, "nodes[8].duration.value").message).toContain('Duration of "Auto reply" (ack) has a negative value');
    expect(at(ds, "nodes[6].handleTime.mean").message).toContain("has mean NaN; it must be a number");
  });
});

describe("teams", () => {
  it("reports a shift that ends before it starts, and accepts 24:00 as an end", () => {
    const ds = validateEdited((f) => {
      f.teams[1].schedule = [
        { days: ["mon"], from: "22:00", to: "06:00", agents: 1 },
        { days: ["tue"], from: "16:00", to: "24:00", agents: 1 },
      ];
    });
    expect(at(ds, "teams[1].schedule[0]")).toMatchObject({
      teamId: "l2",
      message: expect.stringContaining('Shift 1 of team "L2 specialists" (l2) runs from 22:00 to 06:00'),
    });
    expect(ds.filter((d) => d.path.startsWith("teams[1].schedule[1]"))).toEqual([]);
  });

  it("reports overlapping shifts on the same day, naming the day", () => {
    const d = atAfterEdit("teams[0].schedule[2]", (f) => {
      f.teams[0].schedule.push({ days: ["sat", "wed"], from: "17:00", to: "20:00", agents: 2 });
    });
    expect(d.message).toContain(
      'Shifts 2 and 3 of team "L1 front line" (l1) overlap on Wednesday (13:00–18:00 and 17:00–20:00)',
    );
  });

  it("warns about a team with no agents and no schedule that serves a work step", () => {
    const d = atAfterEdit("teams[1].agents", (f) => {
      f.teams[1].agents = 0;
    });
    expect(d).toMatchObject({ severity: "warning", teamId: "l2" });
    expect(d.message).toContain('Team "L2 specialists" (l2) serves work steps but has no agents and no schedule');
  });
});

describe("clock", () => {
  it("reports a warm-up as long as the run", () => {
    const d = atAfterEdit("clock.warmup", (f) => {
      f.clock.warmup = "14d";
    });
    expect(d.message).toContain("The warm-up (14 d) is not shorter than the run (14 d)");
  });
});

describe("scenarios", () => {
  it("reports set and scale paths that point at nothing, naming the scenario", () => {
    const ds = validateEdited((f) => {
      f.scenarios[0].set = { "teams.l9.agents": 4 };
      f.scenarios[1].scale = { "nodes.phone.label": 2 };
    });
    expect(at(ds, "scenarios[0].set.teams.l9.agents").message).toContain(
      'Scenario "+2 L2 agents" (plus2) changes teams.l9.agents, which points at nothing: there is no team with id "l9"',
    );
    expect(at(ds, "scenarios[1].scale.nodes.phone.label").message).toContain("which is not a number");
  });

  it("reports a scenario whose result does not decode", () => {
    const d = atAfterEdit("scenarios[0]", (f) => {
      f.scenarios[0].set = { "teams.l2.agents": -1 };
    });
    expect(d.message).toContain(
      'With scenario "+2 L2 agents": Team "L2 specialists" (l2): Agents must be at least 0 agents (it is -1)',
    );
  });

  it("reports a scenario that breaks a rule the flow itself keeps", () => {
    const d = atAfterEdit("scenarios[1]", (f) => {
      f.scenarios[1].set = { "nodes.l1-answer.outcomes.resolved": 0.5 };
    });
    expect(d).toMatchObject({ severity: "error", nodeId: "l1-answer" });
    expect(d.message).toBe(
      'With scenario "Volume +40%" (busy): Outcome shares of "L1 answers" (l1-answer) add up to 0.78; they must add up to 1.',
    );
  });
});

describe("robustness and order", () => {
  it("never throws on a model with holes, and says what it could not check", () => {
    const model = decodeModel(structuredClone(DESK)) as Json;
    model.nodes.push(null, { id: "w", kind: "work" }, { kind: "channel" });
    model.edges.push(undefined);
    model.teams[0].schedule.push({ days: null, from: 5, to: "x" });
    model.scenarios = "none";
    const ds = validateModel(model);
    expect(ds.length).toBeGreaterThan(0);
    expect(ds.every((d) => typeof d.message === "string" && d.message.length > 0 && typeof d.path === "string")).toBe(
      true,
    );
  });

  it("lists errors before warnings, the same way every time", () => {
    const edit = (f: Json) => {
      f.teams[1].agents = 0; // warning
      node(f, "l1-answer").outcomes.resolved = 0.5; // error
      node(f, "chat").arrivals.perHour = 0; // error
    };
    const first = validateEdited(edit);
    expect(first.map((d) => d.severity)).toEqual(["error", "error", "warning"]);
    expect(validateEdited(edit)).toEqual(first);
  });
});
