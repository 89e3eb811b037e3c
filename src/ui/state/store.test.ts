import { describe, expect, it } from "vitest";
import { parseModel } from "../../model";
import { FlowStore } from "./store";

function emptyModel() {
  const result = parseModel({ format: "flowcast/v1", name: "Test" });
  if (!result.ok) throw new Error("fixture does not parse");
  return result.model;
}

describe("FlowStore", () => {
  it("executes, undoes and redoes an edit", () => {
    const store = new FlowStore(emptyModel());
    store.edit("Rename", (draft) => {
      draft.name = "Renamed";
    });
    expect(store.getState().model.name).toBe("Renamed");
    store.undo();
    expect(store.getState().model.name).toBe("Test");
    store.redo();
    expect(store.getState().model.name).toBe("Renamed");
  });

  it("merges edits with the same coalesce key into one undo step", () => {
    const store = new FlowStore(emptyModel());
    for (const name of ["A", "AB", "ABC"]) {
      store.edit(
        "Rename",
        (draft) => {
          draft.name = name;
        },
        { coalesce: "name" },
      );
    }
    store.undo();
    expect(store.getState().model.name).toBe("Test");
    expect(store.canUndo()).toBe(false);
  });

  it("records nothing for an edit that changes nothing, and a new edit clears redo", () => {
    const store = new FlowStore(emptyModel());
    store.edit("Nothing", () => {});
    expect(store.canUndo()).toBe(false);
    store.edit("Rename", (draft) => {
      draft.name = "X";
    });
    store.undo();
    expect(store.canRedo()).toBe(true);
    store.edit("Rename", (draft) => {
      draft.name = "Y";
    });
    expect(store.canRedo()).toBe(false);
  });

  it("ignores edits while read-only", () => {
    const store = new FlowStore(emptyModel());
    store.setReadOnly(true);
    store.edit("Rename", (draft) => {
      draft.name = "X";
    });
    expect(store.getState().model.name).toBe("Test");
  });
});
