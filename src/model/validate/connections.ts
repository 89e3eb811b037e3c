/**
 * Rules on connections and ports: a connection joins two existing steps and leaves its
 * `from` step by a port that step has; every port but `abandoned` is connected; a port leads
 * to one step only; a route decides by rules or by a split, never both or neither.
 */
import { ABANDONED, edgePort, isOptionalPort, outPorts } from "../ports";
import type { Node } from "../schema";
import { type Checker, edgeName, list, listNames, sentence, stepName } from "./context";

/** Checks every connection's ends and port, then every step's ports. */
export function checkConnections(c: Checker): void {
  const edges = list(c.model.edges);
  edges.forEach((edge, index) => {
    const place = { edgeId: edge.id };
    const name = sentence(edgeName(edge, c.nodesById));
    const from = c.nodesById.get(edge.from);
    if (!from) c.error(`edges[${index}].from`, `${name} starts at a step that does not exist.`, place);
    if (!c.nodesById.has(edge.to)) c.error(`edges[${index}].to`, `${name} leads to a step that does not exist.`, place);
    if (from) checkEdgePort(c, from, edge.port, index, name, place);
  });
  checkPortsConnected(c);
}

/** A route needs rules or a split to decide where a contact goes (exactly one of them). */
export function checkRouteShape(c: Checker): void {
  list(c.model.nodes).forEach((node, index) => {
    if (node.kind !== "route") return;
    const place = { nodeId: node.id };
    if (node.rules && node.split) {
      c.error(
        `nodes[${index}]`,
        `${sentence(stepName(node))} has both rules and a split; decide by rules (first match wins) or by a split (shares), not both.`,
        place,
      );
    } else if (!node.rules && !node.split) {
      c.error(
        `nodes[${index}]`,
        `${sentence(stepName(node))} has neither rules nor a split, so it cannot decide where contacts go; add rules or a split.`,
        place,
      );
    }
  });
}

// helpers

function checkEdgePort(
  c: Checker,
  from: Node,
  port: string | undefined,
  index: number,
  name: string,
  place: { edgeId: string },
): void {
  const ports = outPorts(from);
  const used = port ?? "out";
  if (ports.includes(used)) return;
  if (from.kind === "end") {
    c.error(`edges[${index}].from`, `${name} leaves an end step; nothing leaves an end step.`, place);
  } else if (port === undefined) {
    c.error(
      `edges[${index}].port`,
      `${name} does not say which way out of ${stepName(from)} it takes; set its port to one of ${listNames(ports)}.`,
      place,
    );
  } else {
    c.error(
      `edges[${index}].port`,
      `${name} leaves by port "${port}", which ${stepName(from)} does not have; ${ports.length === 1 ? "its only port is" : "its ports are"} ${listNames(ports)}.`,
      place,
    );
  }
}

/** Every port but `abandoned` leads somewhere, and to one step only. */
function checkPortsConnected(c: Checker): void {
  const byPort = new Map<string, number[]>();
  list(c.model.edges).forEach((edge, index) => {
    const key = `${edge.from}\u0000${edgePort(edge)}`;
    const found = byPort.get(key);
    if (found) found.push(index);
    else byPort.set(key, [index]);
  });
  const seen = new Set<string>();
  list(c.model.nodes).forEach((node, index) => {
    if (seen.has(node.id)) return; // a duplicate id is reported once, by ids.ts
    seen.add(node.id);
    for (const port of outPorts(node)) {
      const edges = byPort.get(`${node.id}\u0000${port}`) ?? [];
      if (edges.length === 0 && !isOptionalPort(port)) {
        c.error(portPath(node, index, port), describeOpenPort(node, port), { nodeId: node.id });
      }
      if (edges.length > 1) {
        const ids = edges.map((i) => `"${c.model.edges[i]?.id}"`);
        for (const edgeIndex of edges.slice(1)) {
          c.error(
            `edges[${edgeIndex}].port`,
            `${sentence(stepName(node))} has ${edges.length} connections on its "${port}" port (${listNames(ids)}); a port leads to one step only, so it is ambiguous which one a contact takes. Use a route step to split contacts.`,
            { nodeId: node.id, edgeId: c.model.edges[edgeIndex]?.id },
          );
        }
      }
    }
  });
}

function describeOpenPort(node: Node, port: string): string {
  if (port === "out" && outPorts(node).length === 1) {
    return `${sentence(stepName(node))} is not connected to a next step; connect its way out.`;
  }
  return `${sentence(stepName(node))} has nothing connected to its "${port}" port, so contacts that leave that way go nowhere; connect it to the next step.`;
}

/** The path of the field that creates a port, so an editor can point at it. */
function portPath(node: Node, index: number, port: string): string {
  const base = `nodes[${index}]`;
  switch (node.kind) {
    case "work":
      if (port in node.outcomes) return `${base}.outcomes.${port}`;
      if (port === ABANDONED) return `${base}.queue.patience`;
      for (const [type, shares] of Object.entries(node.outcomesByType ?? {})) {
        if (port in shares) return `${base}.outcomesByType.${type}.${port}`;
      }
      return base;
    case "followUp":
      return `${base}.outcomes.${port}`;
    case "route": {
      if (node.split) return `${base}.split.${port}`;
      const rule = (node.rules ?? []).findIndex((r) => r.port === port);
      return rule >= 0 ? `${base}.rules[${rule}].port` : base;
    }
    default:
      return base;
  }
}
