import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nestingDepth, parseFlowGuarded, withCleanPrototypes } from "./guardedParse";

const SAMPLE = readFileSync(join(process.cwd(), "samples", "password-reset.json"), "utf8");

function withScenario(set: Record<string, unknown>): string {
  const flow = JSON.parse(SAMPLE);
  flow.scenarios = [{ id: "x", name: "X", set }];
  return JSON.stringify(flow);
}

describe("parseFlowGuarded (issue 13: hostile flows in the app)", () => {
  it("opens a sample", () => {
    expect(parseFlowGuarded(SAMPLE).ok).toBe(true);
  });

  it.each(["clock.__proto__.polluted", "clock.constructor.prototype.polluted", "nodes.__proto__.x"])(
    "refuses the scenario path %s and leaves Object.prototype alone",
    (path) => {
      const result = parseFlowGuarded(withScenario({ [path]: "yes" }));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.hostile).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.keys(Object.prototype)).toEqual([]);
    },
  );

  it("refuses JSON nested 5,000 deep with a message, without throwing", () => {
    const result = parseFlowGuarded(`{"format":"flowcast/v1","x":${"[".repeat(5000)}${"]".repeat(5000)}}`);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatch(/nested 5001 levels/);
  });

  it("counts nesting outside strings only", () => {
    expect(nestingDepth('{"a":"[[[[{{","b":[1,[2]]}')).toBe(3);
    expect(nestingDepth('{"a":"\\"[[["}')).toBe(1);
  });
});

describe("withCleanPrototypes", () => {
  it("undoes keys added to, replaced on or removed from the prototypes, and names them", () => {
    const proto = Object.prototype as Record<string, unknown>;
    const originalToString = Object.prototype.toString;
    const watched = withCleanPrototypes(() => {
      proto.polluted = 1;
      proto.toString = () => "hacked";
      return 42;
    });
    expect(watched.ok && watched.value).toBe(42);
    expect(watched.changed.sort()).toEqual(["Object.prototype.polluted", "Object.prototype.toString"]);
    expect(proto.polluted).toBeUndefined();
    expect(Object.prototype.toString).toBe(originalToString);
  });

  it("returns a thrown error instead of throwing", () => {
    const watched = withCleanPrototypes(() => {
      throw new RangeError("Maximum call stack size exceeded");
    });
    expect(watched.ok).toBe(false);
    expect(watched.changed).toEqual([]);
  });
});
