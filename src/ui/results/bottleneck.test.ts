import { describe, expect, it } from "vitest";
import { describeBottleneck, findBottleneck } from "./bottleneck";
import { deskModel, deskResults, est } from "./results.fixture";
import { rememberRunModel } from "./runModels";

describe("findBottleneck", () => {
  it("names the busiest team and the step with the longest wait", () => {
    const found = findBottleneck(deskModel(), deskResults());
    expect(found?.team?.id).toBe("l2");
    expect(found?.node?.id).toBe("l2-work");
    expect(found?.text).toBe('L2 specialists are 97% busy; tickets wait 3.4 h on average before "L2 investigates".');
  });

  it("mentions abandonment when many contacts give up at that step", () => {
    const results = deskResults();
    const l1 = results.nodes["l1-phone"];
    if (!l1) throw new Error("fixture lacks l1-phone");
    results.nodes["l1-phone"] = { ...l1, waitMean: est(4 * 3600), abandoned: est(240) };
    results.teams.l1 = { ...results.teams.l1!, utilization: est(0.99) };
    const found = findBottleneck(deskModel(), results);
    expect(found?.text).toBe(
      'L1 front line is 99% busy; tickets wait 4 h on average before "L1 answers" and 20% of contacts there abandon.',
    );
  });

  it("says which team owns the longest wait when the busiest team is another", () => {
    const results = deskResults();
    results.teams.l1 = { ...results.teams.l1!, utilization: est(0.99) };
    const found = findBottleneck(deskModel(), results);
    expect(found?.text).toBe(
      'Tickets wait 3.4 h on average before "L2 investigates" (L2 specialists, 97% busy); the busiest team is L1 front line at 99%.',
    );
  });

  it("says nothing for a run without teams or work steps", () => {
    const model = { ...deskModel(), teams: [], nodes: [] };
    expect(findBottleneck(model, deskResults())).toBeUndefined();
  });

  it("describes a run made in this page from the model the run registered", () => {
    const results = deskResults();
    expect(describeBottleneck(results)).toBeUndefined();
    rememberRunModel(results, deskModel());
    expect(describeBottleneck(results)).toMatch(/^L2 specialists are 97% busy/);
  });
});
