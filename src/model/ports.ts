/**
 * Out ports of each node kind (DESIGN.md, "Node kinds and their ports"). An edge leaves a
 * node by one of these; every port but `abandoned` must be connected.
 */
import { assertNever } from "./distribution";
import type { Edge, Node } from "./schema";

export const ABANDONED = "abandoned";
export const OTHERWISE = "otherwise";
export const DEFAULT_PORT = "out";

/** The out ports of a node, in display order. */
export function outPorts(node: Node): string[] {
  switch (node.kind) {
    case "channel":
    case "escalate":
    case "delay":
      return [DEFAULT_PORT];
    case "selfService":
      return ["resolved", "contact"];
    case "route":
      if (node.split) return Object.keys(node.split);
      return unique([...(node.rules ?? []).map((rule) => rule.port), OTHERWISE]);
    case "work": {
      const ports = Object.keys(node.outcomes);
      for (const shares of Object.values(node.outcomesByType ?? {})) ports.push(...Object.keys(shares));
      if (node.queue.patience) ports.push(ABANDONED);
      return unique(ports);
    }
    case "followUp":
      return Object.keys(node.outcomes);
    case "end":
      return [];
    default:
      return assertNever(node);
  }
}

/** Whether a port may be left unconnected (the contact is then lost). */
export function isOptionalPort(port: string): boolean {
  return port === ABANDONED;
}

/** The out port an edge leaves by. */
export function edgePort(edge: Edge): string {
  return edge.port ?? DEFAULT_PORT;
}

/** How a node is named to a person: its label and id, e.g. `"L1 answers" (l1-phone)`. */
export function nodeName(node: { id: string; label?: string }): string {
  return node.label && node.label !== node.id ? `"${node.label}" (${node.id})` : `"${node.id}"`;
}

/** A node's display label. */
export function nodeLabel(node: { id: string; label?: string }): string {
  return node.label || node.id;
}

/**
 * The share of contacts leaving `node` by `port`, where the model states one: outcome shares
 * of work and follow-up steps, a route's split, a self-service's deflection. Undefined
 * otherwise (a single `out`, rule ports, per-type deflection).
 */
export function portShare(node: Node, port: string): number | undefined {
  switch (node.kind) {
    case "work":
    case "followUp":
      return ownNumber(node.outcomes, port);
    case "route":
      return ownNumber(node.split, port);
    case "selfService":
      if (typeof node.deflection !== "number") return undefined;
      return port === "resolved" ? node.deflection : port === "contact" ? 1 - node.deflection : undefined;
    default:
      return undefined;
  }
}

/**
 * A record's own value under a user-given key: `outcomes["constructor"]` is Object's
 * constructor function, not a share, unless the file really has that key.
 */
export function ownNumber(record: Record<string, number> | undefined, key: string): number | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

// helpers

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
