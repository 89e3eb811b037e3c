import { describe, expect, it } from "vitest";
import { contributors, describeBottleneck, findBottleneck } from "./bottleneck";
import { deskModel, deskResults, est } from "./results.fixture";
import { rememberRunModel } from "./runModels";

describe("findBottleneck", () => {
  it("names the busiest team and the step with the longest wait", () => {
    const found = findBottleneck(deskModel(), deskResults());
    expect(found?.team?.id).toBe("l2");
    expect(found?.node?.id).toBe("l2-work");
    expect(found?.cause).toMatchObject({ id: "l2-work", part: "queue" });
    expect(found?.text).toBe(
      'Most of the resolution time: waiting in the queue for "L2 investigates" (3.4 h on average; L2 specialists are 97% busy).',
    );
  });

  it("mentions abandonment when many contacts give up at that step", () => {
    const results = deskResults();
    const l1 = results.nodes["l1-phone"];
    if (!l1) throw new Error("fixture lacks l1-phone");
    results.nodes["l1-phone"] = { ...l1, waitMean: est(4 * 3600), abandoned: est(240) };
    results.teams.l1 = { ...results.teams.l1!, utilization: est(0.99) };
    const found = findBottleneck(deskModel(), results);
    expect(found?.text).toBe(
      'Most of the resolution time: waiting in the queue for "L1 answers" (4 h on average; L1 front line is 99% busy; 20% of contacts there abandon).',
    );
  });

  it("says which team owns the longest wait when the busiest team is another", () => {
    const results = deskResults();
    results.teams.l1 = { ...results.teams.l1!, utilization: est(0.99) };
    const found = findBottleneck(deskModel(), results);
    expect(found?.text).toBe(
      'Most of the resolution time: waiting in the queue for "L2 investigates" (3.4 h on average; L2 specialists are 97% busy); the busiest team is L1 front line at 99%.',
    );
  });

  it("names a day's wait for the customer over a short queue wait at a busier team", () => {
    const model = deskModel();
    model.nodes.push({
      id: "confirm",
      kind: "followUp",
      label: "Wait for delivery",
      wait: { dist: "fixed", value: 2 * 86400 },
      outcomes: { closed: 1 },
    } as never);
    const results = deskResults();
    results.nodes.confirm = { kind: "followUp", entered: est(600) };
    const found = findBottleneck(model, results);
    expect(found?.cause).toMatchObject({ id: "confirm", part: "customer" });
    expect(found?.text).toBe(
      'Most of the resolution time: waiting for the customer at "Wait for delivery" (2 d); the busiest team is L2 specialists at 97%.',
    );
  });

  it("names agents' handle time when it outweighs every wait", () => {
    const results = deskResults();
    results.nodes["l2-work"] = { ...results.nodes["l2-work"]!, waitMean: est(60) };
    const found = findBottleneck(deskModel(), results);
    // L1: 1150 × 6 min = 115 h of handling; L2: 200 × 30 min = 100 h; waits under 20 h.
    expect(found?.cause).toMatchObject({ id: "l1-phone", part: "handle" });
    expect(found?.text).toBe(
      'Most of the resolution time: agents working at "L1 answers" (6 min a ticket; L1 front line is 80% busy); the busiest team is L2 specialists at 97%.',
    );
    expect(contributors(deskModel(), results).map((c) => `${c.id}:${c.part}`)).toEqual([
      "l1-phone:handle",
      "l2-work:handle",
      "l1-phone:queue",
      "l2-work:queue",
    ]);
  });

  it("says nothing for a run without teams or work steps", () => {
    const model = { ...deskModel(), teams: [], nodes: [] };
    expect(findBottleneck(model, deskResults())).toBeUndefined();
  });

  it("describes a run made in this page from the model the run registered", () => {
    const results = deskResults();
    expect(describeBottleneck(results)).toBeUndefined();
    rememberRunModel(results, deskModel());
    expect(describeBottleneck(results)).toMatch(/^Most of the resolution time: waiting in the queue for "L2/);
  });
});
