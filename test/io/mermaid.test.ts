/**
 * Mermaid both ways: every flow survives export and import with its nodes, edges, labels
 * and kinds; the support article's password-reset flowchart imports as a flow that lays
 * out with elkjs and validates once the user fills the fields the report flags.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fromMermaid } from "../../src/io/mermaid/fromMermaid";
import { toMermaid } from "../../src/io/mermaid/toMermaid";
import { layoutFlow } from "../../src/layout/layoutFlow";
import { edgePort, type Model, nodeLabel, validateModel } from "../../src/model";
import { allFlows, loadFlow, samplePaths } from "./flows";

const ARTICLE = readFileSync(join(__dirname, "fixtures/password-reset.mmd"), "utf8");

describe("Mermaid round trip", () => {
  it("has samples to run over", () => {
    expect(samplePaths().length).toBeGreaterThan(0);
  });

  for (const path of allFlows()) {
    it(`keeps nodes, edges, labels and kinds of ${path}`, async () => {
      const model = loadFlow(path);
      const result = await fromMermaid(toMermaid(model));
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      const back = result.model;
      expect(summariseNodes(back)).toEqual(summariseNodes(model));
      expect(summariseEdges(back)).toEqual(summariseEdges(model));
      expect(back.name).toBe(model.name);
      // Work steps keep their team's name and tier.
      for (const node of model.nodes) {
        if (node.kind !== "work") continue;
        const team = model.teams.find((t) => t.id === node.team)!;
        const twin = back.nodes.find((n) => n.id === node.id);
        const twinTeam = twin?.kind === "work" ? back.teams.find((t) => t.id === twin.team) : undefined;
        expect(twinTeam && { name: twinTeam.name, tier: twinTeam.tier }).toEqual({
          name: team.name || team.id,
          tier: team.tier,
        });
      }
    });
  }

  it("keeps outcome shares written on the edges", async () => {
    const model = loadFlow("test/io/fixtures/io.tiered.json");
    const result = await fromMermaid(toMermaid(model));
    if (!result.ok) throw new Error("import failed");
    const l1 = result.model.nodes.find((n) => n.id === "l1-answer");
    expect(l1?.kind === "work" && l1.outcomes).toEqual({ resolved: 0.72, escalate: 0.18, followUp: 0.1 });
    expect(result.report.guessed.some((g) => g.nodeId === "l1-answer" && g.field === "outcomes")).toBe(false);
  });
});

describe("importing the password-reset flowchart of the support article", () => {
  it("maps boxes to kinds and flags every guess", async () => {
    const result = await fromMermaid(ARTICLE);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const kinds = Object.fromEntries(result.model.nodes.map((n) => [n.id, n.kind]));
    expect(kinds).toEqual({
      A: "channel",
      B: "selfService",
      C: "end",
      D: "delay",
      E: "delay",
      F: "work",
      G: "followUp",
      H: "delay",
      I: "end",
      J: "end",
    });
    const ports = result.model.edges.filter((e) => e.from === "B").map((e) => [edgePort(e), e.to]);
    expect(ports).toEqual([
      ["resolved", "C"],
      ["contact", "D"],
    ]);
    const flagged = new Set(result.report.guessed.map((g) => `${g.nodeId}.${g.field}`));
    for (const field of ["A.arrivals.perHour", "B.deflection", "F.handleTime", "F.team", "G.outcomes", "G.wait"]) {
      expect(flagged).toContain(field);
    }
    expect(result.model.nodes.find((n) => n.id === "I")).toMatchObject({ status: "unresolved" });
  });

  it("lays out with elkjs and validates once the flagged fields are filled", async () => {
    const result = await fromMermaid(ARTICLE, layoutFlow);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const model = structuredClone(result.model);
    for (const node of model.nodes) expect(model.layout[node.id], node.id).toBeDefined();
    const xs = model.nodes.map((n) => model.layout[n.id]!.x);
    expect(new Set(xs).size).toBeGreaterThan(3);
    // A user fills in each flagged field with the desk's real figures.
    for (const guess of result.report.guessed) fillAsUser(model, guess.nodeId, guess.teamId, guess.field);
    expect(validateModel(model).filter((d) => d.severity === "error")).toEqual([]);
  });

  it("reports an unparseable diagram with line and column, and no flow", async () => {
    const broken = ARTICLE.replace("E --> F[Agent", "E --> F[[Agent");
    const result = await fromMermaid(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ line: 6, column: 12 });
  });
});

// helpers

function summariseNodes(model: Model): string[] {
  return model.nodes.map((n) => `${n.id}|${n.kind}|${nodeLabel(n)}`).sort();
}

function summariseEdges(model: Model): string[] {
  return model.edges.map((e) => `${e.from}|${edgePort(e)}|${e.to}`).sort();
}

function fillAsUser(model: Model, nodeId: string | undefined, _teamId: string | undefined, field: string): void {
  const node = model.nodes.find((n) => n.id === nodeId);
  if (!node) return;
  if (node.kind === "channel" && field === "arrivals.perHour") node.arrivals.perHour = 35;
  if (node.kind === "selfService" && field === "deflection") node.deflection = 0.4;
  if (node.kind === "followUp" && field === "outcomes") {
    const [yes, no] = Object.keys(node.outcomes);
    node.outcomes = { [yes!]: 0.85, [no!]: 0.15 };
  }
  if (node.kind === "followUp" && field === "wait") node.wait = { dist: "fixed", value: 2 * 86400 };
  if (node.kind === "work" && field === "handleTime") node.handleTime = { dist: "lognormal", mean: 480, sd: 300 };
  if (node.kind === "work" && field === "team") {
    const team = model.teams.find((t) => t.id === node.team)!;
    team.agents = 8;
  }
  if (node.kind === "delay" && field === "duration") node.duration = { dist: "fixed", value: 5 };
}
