/**
 * The one-line key figure shown under a node's label in pictures and the runbook: what a
 * trainer most needs to know about the step ("AHT 6 min · SLA 20 s", "120 /h · phone").
 */
import { assertNever, describeSeconds, distMean, type Node } from "../model";

/** A short key figure of a node, e.g. "AHT 6 min · SLA 20 s". */
export function keyFigure(node: Node): string {
  switch (node.kind) {
    case "channel":
      return `${formatNumber(node.arrivals.perHour)} /h · ${node.channel}`;
    case "selfService":
      return typeof node.deflection === "number" ? `${percent(node.deflection)} self-served` : "self-service by type";
    case "route":
      return node.split ? "split" : `${node.rules?.length ?? 0} rule${node.rules?.length === 1 ? "" : "s"}`;
    case "work": {
      const parts = [`AHT ${describeSeconds(distMean(node.handleTime))}`];
      if (node.queue.slaSeconds !== undefined) parts.push(`SLA ${describeSeconds(node.queue.slaSeconds)}`);
      return parts.join(" · ");
    }
    case "escalate":
      return node.handoff === "structured" ? `note ${describeSeconds(distMean(node.noteTime))}` : "no hand-off note";
    case "followUp":
      return `wait ${describeSeconds(distMean(node.wait))}`;
    case "delay":
      return `takes ${describeSeconds(distMean(node.duration))}`;
    case "end":
      return node.status;
    default:
      return assertNever(node);
  }
}

/** A share as a whole percent when it is one ("72%"), else with one decimal ("12.5%"). */
export function percent(share: number): string {
  const value = share * 100;
  return `${Number.isInteger(Math.round(value * 10) / 10) ? Math.round(value) : value.toFixed(1)}%`;
}

// helpers

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
