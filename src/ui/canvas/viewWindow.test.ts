import type { Edge, Node } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import { inWindow, windowAround } from "./viewWindow";

/** A chain of `count` steps 240 px apart along a line, each connected to the next. */
function chain(count: number): { nodes: Node[]; edges: Edge[] } {
  const nodes: Node[] = Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    position: { x: i * 240, y: 0 },
    data: {},
    width: 144,
    height: 90,
  }));
  const edges: Edge[] = nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: `n${i}`, target: node.id }));
  return { nodes, edges };
}

describe("the window of a big flow handed to React Flow (issue 19)", () => {
  it("is the view widened by a pane-sized cell on every side, unchanged by small pans", () => {
    const view = windowAround([0, 0, 1], 1000, 600);
    expect(view).toEqual({ left: -1024, top: -1024, right: 2048, bottom: 2048 });
    expect(windowAround([-20, -50, 1], 1000, 600)).toEqual(view);
    // Zoomed out to a quarter, the view covers four times as much of the flow.
    expect(windowAround([0, 0, 0.25], 1000, 600)).toEqual({ left: -4096, top: -4096, right: 8192, bottom: 8192 });
  });

  it("keeps the steps near the view and the connections touching them, not the whole chain", () => {
    const { nodes, edges } = chain(5000);
    const shown = inWindow(nodes, edges, { left: 0, top: 0, right: 1000, bottom: 600 }, new Set());
    // n0..n4 lie in the window; n5 joins as the far end of the connection from n4.
    expect(shown.nodes.map((n) => n.id)).toEqual(["n0", "n1", "n2", "n3", "n4", "n5"]);
    expect(shown.edges.map((e) => e.id)).toEqual(["e0", "e1", "e2", "e3", "e4"]);
  });

  it("keeps a connection crossing the view with both its ends, and the steps asked to be kept", () => {
    const nodes: Node[] = [
      { id: "left", position: { x: -5000, y: 0 }, data: {}, width: 144, height: 90 },
      { id: "right", position: { x: 5000, y: 0 }, data: {}, width: 144, height: 90 },
      { id: "far", position: { x: 0, y: 9000 }, data: {}, width: 144, height: 90 },
      { id: "farther", position: { x: 0, y: 19000 }, data: {}, width: 144, height: 90 },
    ];
    const edges: Edge[] = [
      { id: "across", source: "left", target: "right" },
      { id: "below", source: "far", target: "farther" },
    ];
    const shown = inWindow(nodes, edges, { left: 0, top: 0, right: 1000, bottom: 600 }, new Set(["farther"]));
    expect(shown.nodes.map((n) => n.id)).toEqual(["left", "right", "far", "farther"]);
    expect(shown.edges.map((e) => e.id)).toEqual(["across", "below"]);
  });
});
