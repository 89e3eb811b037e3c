import { describe, expect, it } from "vitest";
import { schemaFields } from "./fieldPaths";
import { boundsProblem, FIELDS, field, specOf } from "./fields";

describe("field spec", () => {
  it("describes every field of the schema", () => {
    const missing = schemaFields()
      .map((f) => f.path)
      .filter((p) => !specOf(p));
    expect(missing).toEqual([]);
  });

  it("has no entry for a field the schema lacks", () => {
    const paths = schemaFields().map((f) => f.path);
    const stale = Object.keys(FIELDS).filter((key) => {
      const pattern = new RegExp(`^${key.replace(/\./g, "\\.").replace("*", "[^.]+")}$`);
      return !paths.some((p) => pattern.test(p));
    });
    expect(stale).toEqual([]);
  });

  it("reads bounds and defaults from the schema", () => {
    const agents = field("teams.agents");
    expect([agents.min, agents.max, agents.integer, agents.defaultValue]).toEqual([0, 100_000, true, 1]);
    expect(field("clock.seriesInterval").min).toBe(60);
    expect(field("nodes.work.queue.slaSeconds").optional).toBe(true);
    expect(field("nodes.delay.label").label).toBe("Label");
  });

  it("words an out-of-bounds value with the field's label and unit", () => {
    expect(boundsProblem(field("teams.agents"), -1)).toBe("Agents must be at least 0 agents");
    expect(boundsProblem(field("teams.tier"), 0)).toBe("Tier must be at least L1");
    expect(boundsProblem(field("teams.agents"), 2.5)).toBe("Agents must be a whole number");
    expect(boundsProblem(field("clock.seriesInterval"), 30)).toBe("Series interval must be at least 1 min");
    expect(boundsProblem(field("teams.agents"), 3)).toBeUndefined();
  });
});
