import { describe, expect, it } from "vitest";
import { parseMermaid } from "./parseMermaid";

function graphOf(text: string) {
  const result = parseMermaid(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.graph;
}

describe("parseMermaid", () => {
  it("reads every node shape", () => {
    const graph = graphOf(`flowchart LR
      a[rect] --> b(round) --> c([stadium]) --> d[[sub]] --> e[(db)] --> f((circle))
      g{rhombus} --> h{{hexagon}} --> i[/para/] --> j[\\alt\\] --> k>flag] --> l(((double)))`);
    expect(graph.direction).toBe("LR");
    expect(graph.nodes.map((n) => [n.id, n.shape, n.label])).toEqual([
      ["a", "rect", "rect"],
      ["b", "round", "round"],
      ["c", "stadium", "stadium"],
      ["d", "subroutine", "sub"],
      ["e", "cylinder", "db"],
      ["f", "circle", "circle"],
      ["g", "rhombus", "rhombus"],
      ["h", "hexagon", "hexagon"],
      ["i", "parallelogram", "para"],
      ["j", "parallelogramAlt", "alt"],
      ["k", "asymmetric", "flag"],
      ["l", "doubleCircle", "double"],
    ]);
    expect(graph.edges).toHaveLength(10);
  });

  it("reads link forms with and without text, chains and & groups", () => {
    const graph = graphOf(`graph TD;
      A -->|yes| B;
      A -- no way --> C
      B -.-> D
      C ==>|"quoted | text"| D
      D --- E
      E -. maybe .-> F
      F & G --> H --> I
      %% a comment
    `);
    const edges = graph.edges.map((e) => `${e.from}>${e.to}${e.label ? `:${e.label}` : ""}`);
    expect(edges).toEqual([
      "A>B:yes",
      "A>C:no way",
      "B>D",
      "C>D:quoted | text",
      "D>E",
      "E>F:maybe",
      "F>H",
      "G>H",
      "H>I",
    ]);
  });

  it("turns <br> into spaces, decodes entities and keeps hyphenated ids", () => {
    const graph = graphOf(`flowchart TD
      l1-phone["Say #quot;hi#quot;<br>then <br/>wait"] --> done-1((Done))`);
    expect(graph.nodes[0]).toMatchObject({ id: "l1-phone", label: 'Say "hi" then wait' });
    expect(graph.nodes[1]).toMatchObject({ id: "done-1", shape: "circle" });
  });

  it("reads subgraphs and front matter titles", () => {
    const graph = graphOf(`---
title: My desk
---
flowchart LR
  subgraph team_l1["L1 front line (tier 1)"]
    a[Answer]
  end
  start([Phone]) --> a`);
    expect(graph.title).toBe("My desk");
    expect(graph.subgraphs).toEqual([{ id: "team_l1", title: "L1 front line (tier 1)", line: 5 }]);
    expect(graph.nodes.find((n) => n.id === "a")?.subgraph).toBe("team_l1");
    expect(graph.nodes.find((n) => n.id === "start")?.subgraph).toBeUndefined();
  });

  it("skips styling lines with a warning that names the line", () => {
    const graph = graphOf(`flowchart LR
  a --> b
  classDef hot fill:#f00
  style a fill:#0f0`);
    expect(graph.warnings.map((w) => w.line)).toEqual([3, 4]);
    expect(graph.warnings[0]?.message).toMatch(/classDef/);
  });

  it("reports an unclosed bracket with its line and column", () => {
    const result = parseMermaid("graph TD\n  A --> B[oops\n  B --> C");
    expect(result).toEqual({
      ok: false,
      errors: [{ line: 2, column: 10, message: '"[" is not closed with "]" on this line' }],
    });
  });

  it("reports text that is not a flowchart", () => {
    const result = parseMermaid("sequenceDiagram\n  A->>B: hi");
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]).toMatchObject({
        line: 1,
        column: 1,
        message: expect.stringMatching(/expected "flowchart" or "graph"/),
      });
  });

  it("reports a stray character after a node", () => {
    const result = parseMermaid("flowchart LR\n  A --> B ? C");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ line: 2, column: 11 });
  });

  it("reports an end without a subgraph and an unclosed subgraph", () => {
    expect(parseMermaid("flowchart LR\n  a --> b\n  end").ok).toBe(false);
    const open = parseMermaid("flowchart LR\n  subgraph x [X]\n  a --> b");
    expect(open.ok).toBe(false);
    if (!open.ok) expect(open.errors[0]).toMatchObject({ line: 2, message: expect.stringMatching(/never closed/) });
  });
});
