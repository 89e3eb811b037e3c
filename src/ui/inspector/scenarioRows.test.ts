import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyScenario, encodeModel, type Model, parseModelText, type Scenario, validateModel } from "../../model";
import { FlowStore } from "../state/store";
import { renameTeamId } from "./ops";
import { addRow, checkRowPath, parseRowValue, removeRow, renameRow, scenarioRows, setRowValue } from "./scenarioRows";

function fixture(): Model {
  const result = parseModelText(readFileSync(join(import.meta.dirname, "ops.tiered.json"), "utf8"));
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.model;
}

/** A store on the fixture whose scenario also adds 2 L2 agents and 1 minute of L1 handle time. */
function store(): FlowStore {
  const model = fixture();
  const scenario = model.scenarios[0] as Scenario;
  const withAdd = { ...scenario, add: { "teams.l2.agents": 2, "nodes.l1-phone.handleTime.mean": "1m" } };
  return new FlowStore({ ...model, scenarios: [withAdd] });
}

const scenarioOf = (s: FlowStore) => s.getState().model.scenarios[0] as Scenario;
const fileOf = (s: FlowStore) => encodeModel(s.getState().model);

describe("scenario rows", () => {
  it("shows set, scale and add entries, in the order they apply", () => {
    const rows = scenarioRows(scenarioOf(store()));
    expect(rows.map((r) => [r.field, r.path, r.text])).toEqual([
      ["set", "teams.l1.agents", "14"],
      ["set", "nodes.l1-phone.queue.slaSeconds", "30"],
      ["scale", "nodes.phone.arrivals.perHour", "1.2"],
      ["add", "teams.l2.agents", "2"],
      ["add", "nodes.l1-phone.handleTime.mean", "1m"],
    ]);
  });

  it("edits an add row's amount and path, and the scenario applies it", () => {
    const s = store();
    s.edit("amount", (d) => {
      const ok = setRowValue(fileOf(s), d.scenarios[0]!, "add", "teams.l2.agents", parseRowValue("-1", "add").value);
      expect(ok).toBe(true);
    });
    s.edit("path", (d) => {
      expect(renameRow(fileOf(s), d.scenarios[0]!, "add", "teams.l2.agents", " teams.l1.agents ")).toBe(true);
    });
    expect(scenarioOf(s).add).toEqual({ "teams.l1.agents": -1, "nodes.l1-phone.handleTime.mean": "1m" });
    const applied = applyScenario(s.getState().model, "plus2");
    if (!applied.ok) throw new Error(JSON.stringify(applied.diagnostics));
    // set 14, then add -1
    expect(applied.model.teams.find((t) => t.id === "l1")?.agents).toBe(13);
    expect(validateModel(s.getState().model).filter((d) => d.severity === "error")).toEqual([]);
  });

  it("parses amounts as numbers or durations with their unit, and refuses anything else", () => {
    expect(parseRowValue("2", "add")).toEqual({ value: 2 });
    expect(parseRowValue(" -30s ", "add")).toEqual({ value: "-30s" });
    expect(parseRowValue("two", "add").message).toMatch(/number or a duration/);
    expect(parseRowValue("", "add").message).toMatch(/Enter an amount/);
    expect(parseRowValue("-1", "scale").message).toMatch(/≥ 0/);
    expect(parseRowValue("1.4", "scale")).toEqual({ value: 1.4 });
    expect(parseRowValue('"6m"', "set")).toEqual({ value: "6m" });
  });

  it.each([
    ["__proto__.polluted", /"__proto__" is not a field of a flow/],
    ["clock.__proto__.polluted", /"__proto__" is not a field/],
    ["teams.l1.constructor", /"constructor" is not a field/],
    ["clock.toString", /"toString" is not a field of "clock"/],
    ["teams.l9.agents", /no team with id "l9"/],
    ["format.x", /cannot change "format"/],
    ["nodes.phone.label", /not a number here, so it cannot be added to/],
    ["teams.l1.agents", undefined],
  ])("checks the typed add path %s with the model's path walk", (path, message) => {
    const s = store();
    const problem = checkRowPath(fileOf(s), scenarioOf(s), "add", "teams.l2.agents", path);
    if (message === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(message);
  });

  it("never writes under a path the check refuses, and Object.prototype stays clean", () => {
    const s = store();
    const before = s.getState().model;
    for (const field of ["set", "scale", "add"] as const) {
      const from = scenarioRows(scenarioOf(s)).find((r) => r.field === field)?.path as string;
      for (const bad of ["__proto__.polluted", "constructor.prototype.polluted", "clock.__proto__.polluted"]) {
        s.edit("bad", (d) => {
          expect(renameRow(fileOf(s), d.scenarios[0]!, field, from, bad)).toBe(false);
          // a value under a key that is not in the scenario is not written either
          expect(setRowValue(fileOf(s), d.scenarios[0]!, field, bad, 1)).toBe(false);
        });
      }
    }
    expect(s.getState().model).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("refuses a path already in the scenario, and an empty one", () => {
    const s = store();
    expect(checkRowPath(fileOf(s), scenarioOf(s), "add", "teams.l2.agents", "nodes.l1-phone.handleTime.mean")).toMatch(
      /already in this scenario/,
    );
    // the same path may be both set and added to (set applies first)
    expect(checkRowPath(fileOf(s), scenarioOf(s), "add", "teams.l2.agents", "teams.l1.agents")).toBeUndefined();
    expect(checkRowPath(fileOf(s), scenarioOf(s), "set", "teams.l1.agents", "  ")).toMatch(/must not be empty/);
    // an inherited name is not "already in" a record
    expect(checkRowPath(fileOf(s), scenarioOf(s), "add", "teams.l2.agents", "toString")).toMatch(/too short/);
  });

  it("adds rows under paths that exist, with values that change nothing for set, and removes them", () => {
    const s = new FlowStore({ ...fixture(), scenarios: [{ id: "x", name: "", set: {} }] });
    s.edit("add", (d) => {
      expect(addRow(fileOf(s), d.scenarios[0]!, "add")).toBe("teams.l1.agents");
      expect(addRow(fileOf(s), d.scenarios[0]!, "set")).toBe("teams.l1.agents");
      expect(addRow(fileOf(s), d.scenarios[0]!, "scale")).toBe("nodes.phone.arrivals.perHour");
    });
    s.edit("add again", (d) => {
      expect(addRow(encodeModel(s.getState().model), d.scenarios[0]!, "add")).toBe("teams.l2.agents");
    });
    expect(scenarioOf(s)).toMatchObject({
      set: { "teams.l1.agents": 12 },
      scale: { "nodes.phone.arrivals.perHour": 1 },
      add: { "teams.l1.agents": 1, "teams.l2.agents": 1 },
    });
    expect(validateModel(s.getState().model).filter((d) => d.severity === "error")).toEqual([]);
    s.edit("remove", (d) => {
      removeRow(d.scenarios[0]!, "scale", "nodes.phone.arrivals.perHour");
      removeRow(d.scenarios[0]!, "add", "teams.l1.agents");
    });
    expect(scenarioOf(s).scale).toBeUndefined();
    expect(scenarioOf(s).add).toEqual({ "teams.l2.agents": 1 });
  });

  it("follows a renamed team into add paths", () => {
    const s = store();
    s.edit("rename", (d) => renameTeamId(d, "l2", "specialists"));
    expect(Object.keys(scenarioOf(s).add ?? {})).toEqual([
      "teams.specialists.agents",
      "nodes.l1-phone.handleTime.mean",
    ]);
  });
});
