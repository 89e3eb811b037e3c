/** Issue 19: Mermaid export escapes the title line; a node "__proto__" keeps its layout through import. */
import { describe, expect, it } from "vitest";
import { fromMermaid } from "../../src/io/mermaid/fromMermaid";
import { toMermaid } from "../../src/io/mermaid/toMermaid";
import { layoutFlow } from "../../src/layout/layoutFlow";
import { parseModel } from "../../src/model";

describe("Mermaid export and import", () => {
  it("never writes a raw tag into the title line, and reads the name back exactly", async () => {
    const name = '<img src=x onerror="alert(1)"> & co';
    const parsed = parseModel({ format: "flowcast/v1", name, nodes: [{ id: "done", kind: "end" }] });
    if (!parsed.ok) throw new Error("must decode");
    const text = toMermaid(parsed.model);
    const title = text.split("\n")[1] ?? "";
    expect(title).toMatch(/^title: "/);
    expect(title).not.toMatch(/[<>&]/);
    const back = await fromMermaid(text, layoutFlow);
    expect(back.ok && back.model.name).toBe(name);
  });

  it("a node with id __proto__ keeps its layout entry, and Object.prototype stays clean", async () => {
    const result = await fromMermaid(
      'flowchart LR\n  __proto__["Start"] --> b["Work"]\n  b --> constructor(("Done"))\n',
      layoutFlow,
    );
    if (!result.ok) throw new Error("must import");
    expect(Object.hasOwn(result.model.layout, "__proto__")).toBe(true);
    expect(Object.keys(result.model.layout).sort()).toEqual(["__proto__", "b", "constructor"]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
