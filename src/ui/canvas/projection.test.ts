import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatShare } from "../../layout/edgeLabels";
import { type Model, parseModelText, portShare } from "../../model";
import { toFlowEdges, toFlowNodes } from "./projection";

function fixture(): Model {
  const parsed = parseModelText(readFileSync(join(import.meta.dirname, "../../layout/layout.tiered.json"), "utf8"));
  if (!parsed.ok) throw new Error("fixture does not decode");
  return parsed.model;
}

describe("the canvas projection", () => {
  it("gives one node per step at its model position, with its team and worst diagnostic", () => {
    const model = fixture();
    const nodes = toFlowNodes(model, {
      selection: { nodes: ["l2-fix"], edges: [] },
      severities: new Map([["l2-fix", "error"]]),
    });
    expect(nodes.map((n) => n.id)).toEqual(model.nodes.map((n) => n.id));
    const l2 = nodes.find((n) => n.id === "l2-fix");
    expect(l2).toMatchObject({ type: "work", position: model.layout["l2-fix"], selected: true });
    expect(l2?.data).toMatchObject({ teamName: "L2 specialists", teamAgents: 4, severity: "error" });
  });

  it("labels edges with the share of their port where the model states one", () => {
    const model = fixture();
    const labels = Object.fromEntries(toFlowEdges(model).map((e) => [e.id, e.label]));
    expect(labels.e10).toBe("72%"); // l1-answer resolved
    expect(labels.e4).toBe("25%"); // kb deflection
    expect(labels.e5).toBe("75%"); // kb contact
    expect(labels.e6).toBeUndefined(); // a rule port has no share
    expect(labels.e1).toBeUndefined(); // a channel's single out
  });

  it("formats shares as whole percent, with a decimal below 10%", () => {
    expect(formatShare(0.72)).toBe("72%");
    expect(formatShare(0.055)).toBe("5.5%");
    expect(formatShare(1)).toBe("100%");
    const work = fixture().nodes.find((n) => n.id === "l1-answer");
    if (!work) throw new Error("no l1-answer");
    expect(portShare(work, "followUp")).toBe(0.1);
    expect(portShare(work, "abandoned")).toBeUndefined();
  });
});
