import { describe, expect, it } from "vitest";
import { humaniseName } from "./humanise";

describe("humaniseName", () => {
  it.each([
    ["followUp", "Follow-up"],
    ["repeatContact", "Repeat contact"],
    ["needsEvidence", "Needs evidence"],
    ["no_reply", "No reply"],
    ["resolved", "Resolved"],
    ["abandoned", "Abandoned"],
    ["L2", "L2"],
    ["escalateToL2", "Escalate to L2"],
    ["self-service", "Self-service"],
  ])("shows %s as %s", (name, shown) => {
    expect(humaniseName(name)).toBe(shown);
  });
});
