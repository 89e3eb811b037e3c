import { describe, expect, it } from "vitest";
import { edgePort, validateModel } from "../../model";
import { fromMermaid } from "./fromMermaid";

async function importOk(text: string) {
  const result = await fromMermaid(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

describe("guessing a flow from a Mermaid graph", () => {
  it("splits a start box with several exits behind a channel, with equal guessed shares", async () => {
    const { model, report } = await importOk(`flowchart LR
      call[Customer calls] -->|billing| b[Billing agent]
      call -->|tech| t[Tech agent]
      b --> done((Done))
      t --> done`);
    const split = model.nodes.find((n) => n.id === "call-split");
    expect(split).toMatchObject({ kind: "route", split: { billing: 0.5, tech: 0.5 } });
    expect(model.nodes.find((n) => n.id === "call")).toMatchObject({ kind: "channel", channel: "phone" });
    expect(report.guessed).toContainEqual(expect.objectContaining({ nodeId: "call-split", field: "split" }));
    expect(validateModel(model).filter((d) => d.severity === "error")).toEqual([]);
  });

  it("reads shares written on the edges and does not flag them", async () => {
    const { model, report } = await importOk(`flowchart LR
      chat([Chat]) --> a[Agent answers]
      a -->|"resolved 80%"| done((Closed))
      a -->|"escalate 20%"| l2[[Escalate to L2]]
      l2 --> s[L2 fixes] --> done`);
    expect(model.nodes.find((n) => n.id === "a")).toMatchObject({
      kind: "work",
      outcomes: { resolved: 0.8, escalate: 0.2 },
    });
    expect(model.nodes.find((n) => n.id === "l2")?.kind).toBe("escalate");
    expect(report.guessed.some((g) => g.nodeId === "a" && g.field === "outcomes")).toBe(false);
  });

  it("puts work steps of a subgraph into a team named after it, with its tier", async () => {
    const { model } = await importOk(`flowchart LR
      mail([Email]) --> x
      subgraph specialists["Billing specialists (tier 2)"]
        x[Check the invoice]
      end
      x --> done((Resolved))`);
    expect(model.teams).toEqual([expect.objectContaining({ id: "specialists", name: "Billing specialists", tier: 2 })]);
    expect(model.nodes.find((n) => n.id === "x")).toMatchObject({ team: "specialists" });
  });

  it("leaves out a box connected to nothing, with a warning naming its line", async () => {
    const { model, report } = await importOk("flowchart LR\n  a([Web form]) --> b((Done))\n  lonely[Nobody calls me]");
    expect(model.nodes.map((n) => n.id)).toEqual(["a", "b"]);
    expect(report.warnings).toEqual([
      expect.objectContaining({ line: 3, message: expect.stringContaining("Nobody calls me") }),
    ]);
  });

  it("turns a self-service decision's branches into resolved and contact", async () => {
    const { model } = await importOk(`graph TD
      A[Portal] --> B{Chatbot}
      B -->|No| D[Agent]
      B -->|Yes| C[Solved]
      D --> C`);
    expect(model.nodes.find((n) => n.id === "B")?.kind).toBe("selfService");
    expect(model.edges.filter((e) => e.from === "B").map((e) => [edgePort(e), e.to])).toEqual([
      ["contact", "D"],
      ["resolved", "C"],
    ]);
  });
});
