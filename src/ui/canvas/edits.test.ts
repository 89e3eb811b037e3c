import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Model, parseModelText } from "../../model";
import { FlowStore } from "../state/store";
import { copySelection, deleteSelection, duplicate, paste } from "./actions";
import { addNode, connect, reconnect } from "./edits";
import { newNode, PALETTE } from "./newNode";

function fixture(): Model {
  const parsed = parseModelText(readFileSync(join(import.meta.dirname, "../../layout/layout.tiered.json"), "utf8"));
  if (!parsed.ok) throw new Error("fixture does not decode");
  return parsed.model;
}

/** Runs `act`, then checks that undo restores the model before it and redo the model after it. */
function expectUndoable(store: FlowStore, act: () => void): Model {
  const before = store.getState().model;
  act();
  const after = store.getState().model;
  expect(after).not.toBe(before);
  store.undo();
  expect(store.getState().model).toEqual(before);
  store.redo();
  expect(store.getState().model).toEqual(after);
  return after;
}

describe("canvas edits", () => {
  it("adds a node of every kind with a fresh id, in one undoable step", () => {
    const store = new FlowStore(fixture());
    for (const { kind } of PALETTE) {
      const node = newNode(store.getState().model, kind);
      expect(store.getState().model.nodes.some((n) => n.id === node.id)).toBe(false);
      const after = expectUndoable(store, () => store.edit("Add", (d) => addNode(d, node, { x: 10, y: 20 })));
      expect(after.layout[node.id]).toEqual({ x: 10, y: 20 });
    }
  });

  it("connecting a port that already leads somewhere re-points it instead of adding a second edge", () => {
    const store = new FlowStore(fixture());
    const count = store.getState().model.edges.length;
    const after = expectUndoable(store, () =>
      store.edit("Connect", (d) => void connect(d, "l1-answer", "resolved", "check")),
    );
    expect(after.edges).toHaveLength(count);
    expect(after.edges.find((e) => e.from === "l1-answer" && e.port === "resolved")?.to).toBe("check");
  });

  it("connects a free port with a new edge named after it", () => {
    const model = fixture();
    model.edges = model.edges.filter((e) => e.id !== "e17");
    const store = new FlowStore(model);
    const after = expectUndoable(store, () =>
      store.edit("Connect", (d) => void connect(d, "l3-fix", "resolved", "done")),
    );
    expect(after.edges.find((e) => e.id === "l3-fix-resolved")).toEqual({
      id: "l3-fix-resolved",
      from: "l3-fix",
      port: "resolved",
      to: "done",
    });
  });

  it("reconnects an edge to another port, dropping the edge that port had", () => {
    const store = new FlowStore(fixture());
    const after = expectUndoable(store, () =>
      store.edit("Reconnect", (d) => reconnect(d, "e10", "l1-answer", "followUp", "done")),
    );
    expect(after.edges.find((e) => e.id === "e10")).toMatchObject({ from: "l1-answer", port: "followUp", to: "done" });
    expect(after.edges.some((e) => e.id === "e12")).toBe(false);
  });

  it("deletes selected nodes with their edges and positions", () => {
    const store = new FlowStore(fixture());
    store.select({ nodes: ["to-l3"] });
    const after = expectUndoable(store, () => deleteSelection(store));
    expect(after.nodes.some((n) => n.id === "to-l3")).toBe(false);
    expect(after.edges.some((e) => e.from === "to-l3" || e.to === "to-l3")).toBe(false);
    expect(after.layout["to-l3"]).toBeUndefined();
  });

  it("duplicates and pastes nodes with the edges among them under fresh ids", () => {
    const store = new FlowStore(fixture());
    store.select({ nodes: ["to-l2", "l2-fix"] });
    const duplicated = expectUndoable(store, () => duplicate(store));
    expect(duplicated.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(["to-l2-copy", "l2-fix-copy"]));
    expect(duplicated.edges.find((e) => e.from === "to-l2-copy")?.to).toBe("l2-fix-copy");
    expect(duplicated.layout["l2-fix-copy"]).toEqual({
      x: (duplicated.layout["l2-fix"]?.x ?? 0) + 40,
      y: (duplicated.layout["l2-fix"]?.y ?? 0) + 40,
    });
    store.select({ nodes: ["check"] });
    expect(copySelection(store)).toBe(1);
    const pasted = expectUndoable(store, () => paste(store));
    expect(pasted.nodes.some((n) => n.id === "check-copy")).toBe(true);
    expect(store.getState().selection.nodes).toEqual(["check-copy"]);
  });
});
