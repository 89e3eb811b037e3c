import { describe, expect, it } from "vitest";
import { forgetRuns, keepRuns, keptRuns } from "./keptRuns";
import { deskModel, deskResults } from "./results.fixture";

/** A Storage in memory, as localStorage behaves (quota included when `limit` is given). */
function memoryStorage(limit = Number.POSITIVE_INFINITY): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => {
      if (value.length > limit) throw new DOMException("full", "QuotaExceededError");
      items.set(key, value);
    },
  };
}

const run = () => ({ results: deskResults(), model: deskModel(), label: "Base flow" });

describe("runs kept across a reload", () => {
  it("come back for the very flow they were run on, with the run shown", () => {
    const storage = memoryStorage();
    keepRuns("flow text", { "": run(), plus2: { ...run(), label: "+2 L1 agents" } }, "plus2", storage);
    const kept = keptRuns("flow text", storage);
    expect(Object.keys(kept?.runs ?? {})).toEqual(["", "plus2"]);
    expect(kept?.shown).toBe("plus2");
    expect(kept?.runs[""]?.results).toEqual(deskResults());
  });

  it("never come back for another or an edited flow, nor after being forgotten", () => {
    const storage = memoryStorage();
    keepRuns("flow text", { "": run() }, "", storage);
    expect(keptRuns("flow text, edited", storage)).toBeUndefined();
    forgetRuns(storage);
    expect(keptRuns("flow text", storage)).toBeUndefined();
  });

  it("are dropped, not left stale, when the storage is full; a broken entry is ignored", () => {
    const storage = memoryStorage(100);
    storage.setItem("flowcast:results", "{not json");
    expect(keptRuns("flow text", storage)).toBeUndefined();
    keepRuns("flow text", { "": run() }, "", storage);
    expect(storage.getItem("flowcast:results")).toBeNull();
  });
});
