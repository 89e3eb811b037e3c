/**
 * Rules on the shape of the flow as a graph: it has a channel and an end; every step can
 * be reached from a channel (along connections or a queue's overflow); from every step an
 * end can be reached. Loops (reopen, repeat
 * contact) are fine as long as some way leads out of them. An unconnected `abandoned` port
 * is a way out too (the contact is lost), but never the only one: a step's other ports must
 * still lead to an end.
 */
import { edgePort, isOptionalPort, outPorts } from "../ports";
import { type Checker, list, sentence, stepName } from "./context";

/** Checks that the flow has a channel and an end, and that contacts can get from one to the other. */
export function checkReachability(c: Checker): void {
  const nodes = list(c.model.nodes);
  const hasChannel = nodes.some((n) => n.kind === "channel");
  const hasEnd = nodes.some((n) => n.kind === "end");
  if (!hasChannel) {
    c.error(
      "nodes",
      "The flow has no channel step, so no contact ever arrives; add a channel (phone, chat, email, ...).",
    );
  }
  if (!hasEnd) {
    c.error(
      "nodes",
      "The flow has no end step, so no ticket can ever close; add an end step (resolved or unresolved).",
    );
  }
  const forward = new Map<string, string[]>();
  const backward = new Map<string, string[]>();
  const connected = new Set<string>();
  for (const edge of list(c.model.edges)) {
    const from = c.nodesById.get(edge.from);
    if (!from || !c.nodesById.has(edge.to) || !outPorts(from).includes(edgePort(edge))) continue;
    connected.add(`${edge.from}\u0000${edgePort(edge)}`);
    push(forward, edge.from, edge.to);
    push(backward, edge.to, edge.from);
  }
  // a queue's overflow is a way into its target step too
  for (const node of nodes) {
    const to = node?.kind === "work" ? node.queue?.overflow?.to : undefined;
    if (to === undefined || to === node.id || c.nodesById.get(to)?.kind !== "work") continue;
    push(forward, node.id, to);
    push(backward, to, node.id);
  }
  const fromChannel = spread(
    nodes.filter((n) => n.kind === "channel").map((n) => n.id),
    forward,
  );
  const toEnd = spread(
    nodes.filter((n) => n.kind === "end").map((n) => n.id),
    backward,
  );
  checkReopenOutcomes(c, forward);
  const seen = new Set<string>();
  nodes.forEach((node, index) => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    const place = { nodeId: node.id };
    const reachable = fromChannel.has(node.id);
    if (hasChannel && !reachable) {
      c.error(
        `nodes[${index}]`,
        `${sentence(stepName(node))} cannot be reached from any channel, so no contact ever gets there; connect a step to it or remove it.`,
        place,
      );
    }
    // An unreachable step, or one with a port left open, already has an error that says
    // what to do; say "no way to an end" only of the other steps contacts reach.
    const open = outPorts(node).some((p) => !isOptionalPort(p) && !connected.has(`${node.id}\u0000${p}`));
    if (hasEnd && reachable && !open && !toEnd.has(node.id)) {
      c.error(
        `nodes[${index}]`,
        `From ${stepName(node)} no path leads to an end step, so its contacts can never close; connect its ways out so that they lead to an end.`,
        place,
      );
    }
  });
}

/**
 * A follow-up outcome named as a reopen ("reopened", "Reopen") counts in `reopenRate` only
 * when it leads back to a step the ticket has been to in its contact, that is to a step from
 * which the follow-up can be reached. Led anywhere else (a step seen for the first time), it
 * is a hand-on, not a reopen: say so, so the word on the canvas means what the metric counts.
 */
function checkReopenOutcomes(c: Checker, forward: ReadonlyMap<string, string[]>): void {
  list(c.model.edges).forEach((edge, index) => {
    const from = c.nodesById.get(edge.from);
    const to = c.nodesById.get(edge.to);
    if (from?.kind !== "followUp" || !to || !/reopen/i.test(edgePort(edge))) return;
    if (spread([to.id], forward).has(from.id)) return;
    c.warning(
      `edges[${index}]`,
      `Outcome "${edgePort(edge)}" of ${stepName(from)} leads to ${stepName(to)}, which a ticket has not been to before that follow-up, so it is not counted as a reopen (the reopen rate counts contacts that come back to a step already visited); connect it back to the step that handled the ticket, or rename the outcome for where it goes.`,
      { nodeId: from.id, edgeId: edge.id },
    );
  });
}

// helpers

function push(map: Map<string, string[]>, key: string, value: string): void {
  const found = map.get(key);
  if (found) found.push(value);
  else map.set(key, [value]);
}

/** Every id reachable from `start` along `links` (breadth first). */
function spread(start: string[], links: ReadonlyMap<string, string[]>): Set<string> {
  const seen = new Set(start);
  const queue = [...start];
  for (let i = 0; i < queue.length; i++) {
    for (const next of links.get(queue[i] as string) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}
