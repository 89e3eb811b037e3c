import { describe, expect, it } from "vitest";
import { validateModel } from "../../src/model";
import { parseTargetExpression, TargetSyntaxError } from "../../src/staff/targets";
import { jacksonPair, singleQueue } from "./flows";

describe("target expressions", () => {
  it("reads scopes, percentages and durations", () => {
    expect(parseTargetExpression("nodes.qa.serviceLevel >= 80%")).toEqual({
      kpi: "serviceLevel",
      node: "qa",
      atLeast: 0.8,
    });
    expect(parseTargetExpression("nodes.qb.waitMean<=30s")).toEqual({ kpi: "waitMean", node: "qb", atMost: 30 });
    expect(parseTargetExpression("resolutionSeconds.p90<=8h")).toEqual({ kpi: "resolutionSeconds.p90", atMost: 28800 });
    expect(parseTargetExpression("teams.a.utilization<=0.85")).toEqual({ kpi: "utilization", team: "a", atMost: 0.85 });
    expect(parseTargetExpression("backlogPastSla<=50")).toEqual({ kpi: "backlogPastSla", atMost: 50 });
  });

  it.each([
    "",
    "serviceLevel",
    "serviceLevel>0.8",
    "nodes.serviceLevel>=0.8",
    "backlog<=-1",
    "abandonRate<=5s",
    "__proto__>=1",
  ])("rejects %j with a message", (text) => {
    expect(() => parseTargetExpression(text)).toThrow(TargetSyntaxError);
  });
});

describe("targets in a flow", () => {
  const withTargets = (targets: unknown[]) =>
    validateModel({ ...jacksonPair(), targets } as never).filter((d) => d.path.startsWith("targets"));

  it("accepts well-formed targets", () => {
    expect(
      withTargets([
        { kpi: "serviceLevel", node: "qa", atLeast: "80%" },
        { kpi: "resolutionSeconds.p90", atMost: "8h" },
        { kpi: "utilization", team: "b", atMost: 0.9 },
      ]),
    ).toEqual([]);
  });

  it("refuses an abandonment target where no queue has a patience, saying why", () => {
    // jacksonPair: no queue has a patience, so nobody hangs up and no abandon rate exists.
    const messages = withTargets([
      { kpi: "abandonRate", atMost: "5%" },
      { kpi: "abandoned", node: "qa", atMost: 10 },
    ]).map((d) => `${d.path}: ${d.message}`);
    expect(messages).toEqual([
      "targets[0].kpi: Target 1 (abandonRate) asks for an abandon rate, but no queue of this flow has a patience, so no caller hangs up and there is no rate to meet. Set a patience on a work step's queue, or remove the target.",
      'targets[1].node: Target 2 (abandoned) asks for abandoned contacts at "qa", but its queue has no patience (queue.patience), so no caller hangs up there.',
    ]);
    // With a patience the same targets are fine.
    const patient = validateModel({
      ...singleQueue(30, 360, 180),
      targets: [
        { kpi: "abandonRate", atMost: "5%" },
        { kpi: "abandoned", node: "q", atMost: 10 },
      ],
    } as never).filter((d) => d.path.startsWith("targets"));
    expect(patient).toEqual([]);
  });

  it("names the target and what is wrong", () => {
    const messages = withTargets([
      { kpi: "serviceLevel", node: "nope", atLeast: 0.8 },
      { kpi: "waitMean", atMost: 30 },
      { kpi: "serviceLevel", node: "qa" },
      { kpi: "reopenRate", atMost: 1.5 },
      { kpi: "csat", atLeast: 0.9, atMost: 0.8 },
      { kpi: "backlog", atMost: "lots" },
      { kpi: "cost", node: "qa", team: "a", atMost: 1 },
    ]).map((d) => `${d.path}: ${d.message}`);
    expect(messages).toEqual([
      'targets[0].node: Target 1 (serviceLevel) is of step "nope", which is not in this flow.',
      expect.stringMatching(
        /^targets\[1\]\.kpi: Target 2 \(waitMean\): "waitMean" is not a KPI of the flow; use one of fcr, /,
      ),
      "targets[2]: Target 3 (serviceLevel) has no bound; give atLeast or atMost.",
      "targets[3].atMost: Target 4 (reopenRate): atMost 1.5 must be between 0 and 1 (0% and 100%).",
      "targets[4]: Target 5 (csat) asks for at least 0.9 and at most 0.8; no value meets both.",
      'targets[5].atMost: Target 6 (backlog): atMost "lots" is not a number.',
      "targets[6]: Target 7 (cost) names both a step and a team; a target is of the flow, one step or one team.",
    ]);
  });
});
