/**
 * The canvas's one promise about connections, checked in the page: every edge of the model
 * is drawn as an SVG path whose first point sits on its source step's out-handle (the port's
 * handle) and whose last point sits on its target step's in-handle. Reads the model through
 * the canvas's `window.__flowcastCanvas` hook.
 */
import type { Page } from "playwright-core";

/** How far (screen px) a path end may sit outside its handle's box. */
const SLACK = 3;

/** Every way the drawn edges disagree with the model; [] when they agree. */
export async function drawnEdgeProblems(page: Page): Promise<string[]> {
  return page.evaluate((slack) => {
    type Hook = { model: () => { edges: { id: string; from: string; to: string; port?: string }[] } };
    const hook = (window as unknown as { __flowcastCanvas?: Hook }).__flowcastCanvas;
    if (!hook) return ["the canvas hook is missing"];
    const problems: string[] = [];
    const model = hook.model();
    const drawn = new Set(
      [...document.querySelectorAll(".react-flow__edge")].map((el) => el.getAttribute("data-id") ?? ""),
    );
    for (const edge of model.edges) {
      const group = document.querySelector(`.react-flow__edge[data-id="${CSS.escape(edge.id)}"]`);
      const path = group?.querySelector("path.react-flow__edge-path") as SVGPathElement | null;
      if (!path) {
        problems.push(`${edge.id}: not drawn`);
        continue;
      }
      drawn.delete(edge.id);
      const length = path.getTotalLength();
      const matrix = path.getScreenCTM();
      if (!matrix || !Number.isFinite(length)) {
        problems.push(`${edge.id}: path has no geometry`);
        continue;
      }
      const screen = (p: DOMPoint) => p.matrixTransform(matrix);
      const start = screen(path.getPointAtLength(0));
      const end = screen(path.getPointAtLength(length));
      const port = edge.port ?? "out";
      const node = (id: string) => document.querySelector(`[data-testid="node-${CSS.escape(id)}"]`);
      const out = node(edge.from)?.querySelector(`.react-flow__handle[data-handleid="${CSS.escape(port)}"]`);
      const into = node(edge.to)?.querySelector('.react-flow__handle[data-handleid="in"]');
      const near = (p: DOMPoint, el: Element | null | undefined) => {
        if (!el) return false;
        const r = el.getBoundingClientRect();
        return p.x >= r.left - slack && p.x <= r.right + slack && p.y >= r.top - slack && p.y <= r.bottom + slack;
      };
      if (!out) problems.push(`${edge.id}: ${edge.from} has no handle "${port}"`);
      else if (!near(start, out))
        problems.push(
          `${edge.id}: starts at ${Math.round(start.x)},${Math.round(start.y)}, off ${edge.from}'s "${port}" handle`,
        );
      if (!into) problems.push(`${edge.id}: ${edge.to} has no in-handle`);
      else if (!near(end, into))
        problems.push(`${edge.id}: ends at ${Math.round(end.x)},${Math.round(end.y)}, off ${edge.to}'s in-handle`);
    }
    for (const id of drawn) problems.push(`${id}: drawn but not in the model`);
    return problems;
  }, SLACK);
}
