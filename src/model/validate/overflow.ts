/**
 * Rules on overflow between pools (`queue.overflow`): the step a queue overflows to is an
 * existing work step other than itself, and following overflows never comes back to where
 * it started (a contact could otherwise circle between pools for ever).
 */
import type { Node } from "../schema";
import { type Checker, list, listNames, sentence, stepName } from "./context";

type Work = Extract<Node, { kind: "work" }>;

/** Checks each work step's overflow target and that overflows form no cycle. */
export function checkOverflow(c: Checker): void {
  const nodes = list(c.model.nodes);
  const workSteps = nodes.filter((n): n is Work => n?.kind === "work");
  const targetOf = new Map<string, string>();
  nodes.forEach((node, index) => {
    if (node?.kind !== "work" || !node.queue?.overflow) return;
    const to = node.queue.overflow.to;
    const path = `nodes[${index}].queue.overflow.to`;
    const place = { nodeId: node.id };
    const target = c.nodesById.get(to);
    if (to === node.id) {
      c.error(path, `${sentence(stepName(node))} overflows to itself; name another work step.`, place);
    } else if (!target) {
      const others = workSteps.filter((w) => w.id !== node.id).map((w) => `"${w.id}"`);
      c.error(
        path,
        `${sentence(stepName(node))} overflows to step "${to}", which does not exist; work steps: ${listNames(others)}.`,
        place,
      );
    } else if (target.kind !== "work") {
      c.error(
        path,
        `${sentence(stepName(node))} overflows to ${stepName(target)}, which is not a work step; a queue can only overflow to a work step.`,
        place,
      );
    } else targetOf.set(node.id, to);
  });
  const reported = new Set<string>();
  for (const start of targetOf.keys()) {
    const chain = [start];
    for (let at = targetOf.get(start); at !== undefined; at = targetOf.get(at)) {
      if (at === start) {
        const key = [...chain].sort().join("\u0000");
        if (reported.has(key)) break;
        reported.add(key);
        const names = [...chain, start].map((id) => stepName(c.nodesById.get(id) ?? { id }));
        const index = nodes.findIndex((n) => n?.id === start);
        c.error(
          `nodes[${index}].queue.overflow.to`,
          `Overflow goes round in a circle: ${names.join(" -> ")}; a contact would move between these queues for ever. Remove one of these overflows.`,
          { nodeId: start },
        );
        break;
      }
      if (chain.includes(at)) break; // a cycle that does not pass through start: reported from its own members
      chain.push(at);
    }
  }
}
