import { describe, expect, it } from "vitest";
import { countActivities } from "./calibrateFile";
import { roleOf, withRole } from "./RoleForm";

describe("status roles in Import history", () => {
  it("guesses, knows Flowcast's events, and a choice becomes a --map rule only when it differs", () => {
    expect(roleOf("Awaiting customer", [])).toEqual({ role: "wait", how: "guess" });
    expect(roleOf("start", [])).toEqual({ role: "work", how: "flowcast" });
    const rules = withRole([], "Awaiting customer", "work");
    expect(rules).toEqual([{ pattern: "Awaiting customer", role: "work" }]);
    expect(roleOf("Awaiting customer", rules)).toEqual({ role: "work", how: "map" });
    // Another choice for the same status replaces its rule; its own role removes it.
    expect(withRole(rules, "Awaiting customer", "closed")).toEqual([{ pattern: "Awaiting customer", role: "closed" }]);
    expect(withRole(rules, "Awaiting customer", "wait")).toEqual([]);
    expect(withRole(rules, "start", "ignore")).toEqual([{ pattern: "start", role: "ignore" }, ...rules]);
  });

  it("counts every status of the whole file, most rows first, quoted commas and all", async () => {
    const rows = ["id,status,team"];
    for (let i = 0; i < 3000; i++) rows.push(`${i},${i % 3 === 0 ? '"On hold, vendor"' : "Active"},l1`);
    rows.push("x,New,l1");
    const counted = await countActivities(new Blob([rows.join("\n")]), "status");
    expect(counted).toEqual([
      ["Active", 2000],
      ["On hold, vendor", 1000],
      ["New", 1],
    ]);
    expect(await countActivities(new Blob([rows.join("\n")]), "no such column")).toEqual([]);
  });
});
