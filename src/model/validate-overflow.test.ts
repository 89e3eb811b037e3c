/**
 * Overflow between pools (queue.overflow): the target is an existing work step other than
 * the step itself, overflows form no circle, and old files without the field are unchanged.
 */
import { describe, expect, it } from "vitest";
import { parseModel } from "./parse";
import { DESK, type Json, validateEdited } from "./testing";

const node = (file: Json, id: string): Json => file.nodes.find((n: Json) => n.id === id);
const index = (id: string) => DESK.nodes.findIndex((n: Json) => n.id === id);
const overflow = (file: Json, from: string, to: string, after = "60s") => {
  node(file, from).queue = { ...node(file, from).queue, overflow: { after, to } };
};

describe("queue.overflow", () => {
  it("to another work step is valid, and decodes its wait to seconds", () => {
    expect(validateEdited((f) => overflow(f, "l1-answer", "l2-answer"))).toEqual([]);
    const file = structuredClone(DESK);
    overflow(file, "l1-answer", "l2-answer", "1m");
    const parsed = parseModel(file);
    expect(parsed.ok && parsed.model.nodes.find((n) => n.id === "l1-answer")).toMatchObject({
      queue: { overflow: { after: 60, to: "l2-answer" } },
    });
  });

  it("to a step that does not exist names the work steps", () => {
    const found = validateEdited((f) => overflow(f, "l1-answer", "l3"));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: "error",
      path: `nodes[${index("l1-answer")}].queue.overflow.to`,
      nodeId: "l1-answer",
    });
    expect(found[0]!.message).toContain('overflows to step "l3", which does not exist; work steps: "l2-answer"');
  });

  it("to itself, or to a step that is not a work step, is refused", () => {
    const self = validateEdited((f) => overflow(f, "l1-answer", "l1-answer"));
    expect(self.map((d) => d.message)).toEqual([expect.stringContaining("overflows to itself")]);
    const end = validateEdited((f) => overflow(f, "l1-answer", "done"));
    expect(end.map((d) => d.message)).toEqual([
      expect.stringMatching(/which is not a work step; a queue can only overflow to a work step/),
    ]);
  });

  it("a circle of overflows is refused once, naming the steps in order", () => {
    const found = validateEdited((f) => {
      overflow(f, "l1-answer", "l2-answer");
      overflow(f, "l2-answer", "l1-answer", "0s");
    });
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(
      /^Overflow goes round in a circle: .*l1-answer.* -> .*l2-answer.* -> .*l1-answer/,
    );
  });

  it("a wait that is not a duration is refused by the format", () => {
    const file = structuredClone(DESK);
    overflow(file, "l1-answer", "l2-answer", "soon");
    const parsed = parseModel(file);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.diagnostics[0]?.message).toContain('"soon" is not a duration');
  });

  it("a step reached only by overflow counts as reached", () => {
    const addBackup = (f: Json) => {
      f.nodes.push({ id: "l1-backup", kind: "work", team: "l2", handleTime: "8m", outcomes: { resolved: 1 } });
      f.edges.push({ id: "backup-done", from: "l1-backup", port: "resolved", to: "done" });
    };
    expect(validateEdited(addBackup).map((d) => d.message)).toEqual([
      expect.stringContaining('"l1-backup" cannot be reached from any channel'),
    ]);
    expect(
      validateEdited((f) => {
        addBackup(f);
        overflow(f, "l1-answer", "l1-backup", "45s");
      }),
    ).toEqual([]);
  });
});
