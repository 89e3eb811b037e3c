import { describe, expect, it } from "vitest";
import { deskModel, deskResults, est } from "./results.fixture";
import { warningLines } from "./WarningsBanner";

describe("warningLines", () => {
  it("lists each warning, naming the team or step when the message does not", () => {
    const results = deskResults();
    results.warnings = [
      {
        code: "overload",
        message: "L1 front line is offered 128% of its capacity on weekdays 09:00-12:00",
        team: "l1",
      },
      { code: "backlog-growing", message: "The backlog grew steadily during the run", node: "l2-work" },
    ];
    expect(warningLines(results, deskModel())).toEqual([
      { code: "overload", text: "L1 front line is offered 128% of its capacity on weekdays 09:00-12:00" },
      { code: "backlog-growing", text: "L2 investigates: The backlog grew steadily during the run" },
    ]);
  });

  it("says how many tickets were still open at the end, unless a warning already does", () => {
    const results = deskResults();
    results.unfinished = est(312, 12);
    expect(warningLines(results, deskModel())).toEqual([
      {
        code: "unfinished",
        text: "312 tickets still open when the run stopped (mean over replications): resolution and response times do not include them.",
      },
    ]);
    results.warnings = [{ code: "unfinished", message: "312 tickets were still open when the drain cap hit" }];
    expect(warningLines(results, deskModel()).map((l) => l.text)).toEqual([
      "312 tickets were still open when the drain cap hit",
    ]);
  });

  it("has nothing to say for a run without warnings or open tickets, or from before warnings existed", () => {
    const results = deskResults();
    expect(warningLines(results, deskModel())).toEqual([]);
    results.unfinished = est(0);
    results.warnings = [];
    expect(warningLines(results, deskModel())).toEqual([]);
  });
});
