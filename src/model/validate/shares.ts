/**
 * Rule: shares that split contacts between alternatives add up to 1 (within 1e-6):
 * outcomes of work and follow-up steps (also per contact type), route splits, and a
 * channel's contact type, priority and customer tier mixes. Each share lies in 0..1.
 */
import type { Node } from "../schema";
import { type Checker, formatNumber, isNumber, list, SHARE_TOLERANCE, sentence, stepName } from "./context";

/** Checks every group of shares of every step. */
export function checkShares(c: Checker): void {
  list(c.model.nodes).forEach((node, index) => {
    const base = `nodes[${index}]`;
    const check = (shares: unknown, field: string, what: string, empty: string) =>
      checkGroup(c, node, shares, `${base}.${field}`, what, empty);
    switch (node.kind) {
      case "work":
        check(node.outcomes, "outcomes", "Outcome shares", "outcomes");
        for (const [type, shares] of Object.entries(node.outcomesByType ?? {})) {
          check(shares, `outcomesByType.${type}`, `Outcome shares for contact type "${type}"`, "outcomes");
        }
        break;
      case "followUp":
        check(node.outcomes, "outcomes", "Outcome shares", "outcomes");
        break;
      case "route":
        if (node.split) check(node.split, "split", "Split shares", "split");
        break;
      case "channel":
        if (node.mix) check(node.mix, "mix", "Contact type shares", "contact type mix");
        if (node.priority) check(node.priority, "priority", "Priority shares", "priority mix");
        if (node.customerTier) check(node.customerTier, "customerTier", "Customer tier shares", "customer tier mix");
        break;
      case "selfService":
        checkDeflection(c, node, index);
        break;
      default:
        break;
    }
  });
}

// helpers

function checkGroup(c: Checker, node: Node, shares: unknown, path: string, what: string, empty: string): void {
  const place = { nodeId: node.id };
  if (shares === null || typeof shares !== "object") {
    c.error(path, `${sentence(stepName(node))} has no ${empty}; give at least one with its share.`, place);
    return;
  }
  const entries = Object.entries(shares as Record<string, unknown>);
  if (entries.length === 0) {
    c.error(path, `${sentence(stepName(node))} has no ${empty}; give at least one with its share.`, place);
    return;
  }
  let bad = false;
  for (const [name, share] of entries) {
    if (!isShare(share)) {
      bad = true;
      c.error(
        `${path}.${name}`,
        `${what} of ${stepName(node)}: "${name}" is ${String(share)}; a share must be a number from 0 to 1.`,
        place,
      );
    }
  }
  if (bad) return;
  const sum = entries.reduce((total, [, share]) => total + (share as number), 0);
  if (!(Math.abs(sum - 1) <= SHARE_TOLERANCE)) {
    c.error(path, `${what} of ${stepName(node)} add up to ${formatNumber(sum)}; they must add up to 1.`, place);
  }
}

function checkDeflection(c: Checker, node: Extract<Node, { kind: "selfService" }>, index: number): void {
  const path = `nodes[${index}].deflection`;
  const place = { nodeId: node.id };
  const { deflection } = node;
  if (typeof deflection === "number" || deflection === null || typeof deflection !== "object") {
    if (!isShare(deflection)) {
      c.error(path, `Deflection of ${stepName(node)} is ${String(deflection)}; it must be a share from 0 to 1.`, place);
    }
    return;
  }
  for (const [type, share] of Object.entries(deflection)) {
    if (!isShare(share)) {
      c.error(
        `${path}.${type}`,
        `Deflection of ${stepName(node)} for contact type "${type}" is ${String(share)}; it must be a share from 0 to 1.`,
        place,
      );
    }
  }
}

function isShare(value: unknown): boolean {
  return isNumber(value) && value >= 0 && value <= 1;
}
