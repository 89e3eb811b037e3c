/**
 * The sample flows in samples/: each one parses, validates clean, survives a save and reload
 * unchanged, reads well on the canvas (a description and a position for every node), and is
 * staffed plausibly: every team's offered load, worked out from the flow by the traffic
 * equations (src/sim/load.ts), stays below what its agents can carry, at a cost per hour.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyScenario, type Model, outPorts, parseModel, serializeModel, validateModel } from "../src/model";
import { offeredLoadWarnings, teamLoads } from "../src/sim/load";

const SAMPLES_DIR = join(import.meta.dirname, "..", "samples");
const files = readdirSync(SAMPLES_DIR)
  .filter((f) => f.endsWith(".json"))
  .sort();

const REQUIRED = [
  "card-disputes.json",
  "email-small-team.json",
  "omnichannel-retail.json",
  "password-reset.json",
  "three-tier-desk.json",
];

describe("samples", () => {
  it("include the five flows of the foundation issue", () => {
    for (const name of REQUIRED) expect(files).toContain(name);
  });

  describe.each(files)("%s", (file) => {
    const text = readFileSync(join(SAMPLES_DIR, file), "utf8");
    const parsed = parseModel(JSON.parse(text));
    const model = parsed.ok ? parsed.model : undefined;

    it("parses", () => {
      expect(parsed.ok ? [] : parsed.diagnostics).toEqual([]);
    });

    it("validates without errors, and so does every scenario", () => {
      const m = required(model);
      expect(validateModel(m).filter((d) => d.severity === "error")).toEqual([]);
      for (const scenario of m.scenarios) {
        const applied = applyScenario(m, scenario.id);
        expect(applied.ok ? [] : applied.diagnostics, `scenario ${scenario.id}`).toEqual([]);
        if (applied.ok) expect(validateModel(applied.model).filter((d) => d.severity === "error")).toEqual([]);
      }
    });

    it("round-trips: parse, serialise, parse gives the same model", () => {
      const m = required(model);
      const again = parseModel(JSON.parse(serializeModel(m)));
      expect(again.ok).toBe(true);
      if (again.ok) expect(again.model).toEqual(m);
    });

    it("has a name, a one-line description and a layout position for every node", () => {
      const m = required(model);
      expect(m.name).not.toBe("Untitled flow");
      expect(m.description?.trim()).toBeTruthy();
      expect(m.description).not.toContain("\n");
      for (const node of m.nodes) expect(m.layout[node.id], `layout of ${node.id}`).toBeDefined();
      const spots = Object.values(m.layout).map((p) => `${p.x},${p.y}`);
      expect(new Set(spots).size, "two nodes share a position").toBe(spots.length);
    });

    it("connects every out port but `abandoned`, and every edge has an id", () => {
      const m = required(model);
      for (const node of m.nodes) {
        const used = new Set(m.edges.filter((e) => e.from === node.id).map((e) => e.port ?? "out"));
        for (const port of outPorts(node)) {
          if (port !== "abandoned") expect(used.has(port), `${node.id}.${port}`).toBe(true);
        }
      }
      expect(new Set(m.edges.map((e) => e.id)).size).toBe(m.edges.length);
    });

    it("gives every team an offered load below its capacity, and no overload warning", () => {
      const m = required(model);
      for (const load of teamLoads(m)) {
        const offered = load.offered.reduce((sum, x) => sum + x, 0);
        const capacity = load.capacity.reduce((sum, x) => sum + x, 0);
        const what = `${load.team}: ${(offered / 168).toFixed(2)} Erlangs on ${(capacity / 168).toFixed(2)} slots`;
        // Long-run offered Erlangs against average staffed slots (traffic equations, load.ts).
        // Below 0.95 leaves room for the day's peaks; above 0.3 means the team is not idle.
        expect(offered / capacity, what).toBeLessThan(0.95);
        expect(offered / capacity, what).toBeGreaterThan(0.3);
        // a sample never asks a team for more than it can do over the week
        expect(offeredLoadWarnings(m).filter((w) => w.code === "overload")).toEqual([]);
      }
    });

    it("gives every team a cost per hour", () => {
      for (const team of required(model).teams) expect(team.costPerHour, team.id).toBeGreaterThan(0);
    });
  });
});

// helpers

function required(model: Model | undefined): Model {
  if (!model) throw new Error("the sample did not parse");
  return model;
}
