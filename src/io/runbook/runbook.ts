/**
 * The runbook of a flow, as structured content that the Markdown and HTML writers share:
 * the teams, the escalation triggers, and per channel the path a contact takes, step by
 * step, with the owning team and tier, target times, SLAs, routing rules in words and what
 * a hand-off note must contain. Generated from the model only, so it never drifts from it.
 */
import {
  assertNever,
  describeSeconds,
  distMean,
  edgePort,
  type Model,
  type Node,
  nodeLabel,
  outPorts,
  ownNumber,
} from "../../model";
import { percent } from "../keyFigure";
import { describeCondition } from "./describeRule";

export interface RunbookStep {
  id: string;
  title: string;
  kind: Node["kind"];
  /** Sentences about the step: who does it, how long, the targets. */
  facts: string[];
  /** A titled list, e.g. the hand-off checklist or the routing rules. */
  lists: { title: string; items: string[] }[];
  /** Where the contact goes next: "resolved (72%) → Resolved". */
  next: string[];
}

export interface RunbookChannel {
  id: string;
  title: string;
  intro: string;
  steps: RunbookStep[];
}

export interface Runbook {
  title: string;
  description?: string;
  teams: { name: string; tier: number; agents: string; cost: string }[];
  /** Every escalation trigger in words ("Triage: refund above 500 → Hand off to L2"). */
  triggers: string[];
  channels: RunbookChannel[];
}

/** Builds the runbook content of a flow. */
export function buildRunbook(model: Model): Runbook {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const channels = model.nodes
    .filter((n) => n.kind === "channel")
    .map((channel) => ({
      id: channel.id,
      title: nodeLabel(channel),
      intro: `${describeChannel(channel)} The path below lists every step a contact from here can reach, in the order it first meets them.`,
      // A connection to a step that does not exist (an invalid flow can still be exported) is skipped.
      steps: reachable(model, channel.id).flatMap((id) => {
        const node = byId.get(id);
        return node ? [describeStep(node, model)] : [];
      }),
    }));
  return {
    title: `${model.name} — runbook`,
    ...(model.description ? { description: model.description } : {}),
    teams: [...model.teams]
      .sort((a, b) => a.tier - b.tier)
      .map((team) => ({
        name: team.name || team.id,
        tier: team.tier,
        agents: team.schedule ? `${team.agents} (shifts)` : String(team.agents),
        cost: team.costPerHour > 0 ? `${team.costPerHour} per hour` : "—",
      })),
    triggers: escalationTriggers(model),
    channels,
  };
}

/**
 * Every rule that sends a contact to an escalation (or straight past tier 1), and every
 * work outcome that escalates, in words, with where it sends the contact.
 */
export function escalationTriggers(model: Model): string[] {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const target = (from: string, port: string) => {
    const edge = model.edges.find((e) => e.from === from && edgePort(e) === port);
    const to = edge ? byId.get(edge.to) : undefined;
    return to ? nodeLabel(to) : "(not connected)";
  };
  const triggers: string[] = [];
  for (const node of model.nodes) {
    if (node.kind === "route") {
      for (const rule of node.rules ?? []) {
        if (!isEscalation(model, node.id, rule.port)) continue;
        triggers.push(`${nodeLabel(node)}: ${describeCondition(rule.if, model)} → ${target(node.id, rule.port)}`);
      }
    }
    if (node.kind === "work") {
      for (const port of outPorts(node)) {
        const to = model.edges.find((e) => e.from === node.id && edgePort(e) === port);
        if (to && byId.get(to.to)?.kind === "escalate") {
          const share = ownNumber(node.outcomes, port);
          triggers.push(
            `${nodeLabel(node)}: the agent cannot resolve it (${share !== undefined ? percent(share) : "some"} of contacts) → ${target(node.id, port)}`,
          );
        }
      }
    }
  }
  return triggers;
}

// helpers

/** Whether leaving `from` by `port` leads to an escalate step or to a team above tier 1. */
function isEscalation(model: Model, from: string, port: string): boolean {
  const edge = model.edges.find((e) => e.from === from && edgePort(e) === port);
  const to = edge ? model.nodes.find((n) => n.id === edge.to) : undefined;
  if (!to) return false;
  if (to.kind === "escalate") return true;
  const tier = to.kind === "work" ? model.teams.find((t) => t.id === to.team)?.tier : undefined;
  return tier !== undefined && tier > 1;
}

function describeChannel(channel: Extract<Node, { kind: "channel" }>): string {
  return `Contacts arrive by ${channel.channel}, about ${channel.arrivals.perHour} per hour on average.`;
}

/** Node ids reachable from `start`, breadth first (each once). */
function reachable(model: Model, start: string): string[] {
  const next = new Map<string, string[]>();
  for (const edge of model.edges) {
    const list = next.get(edge.from);
    if (list) list.push(edge.to);
    else next.set(edge.from, [edge.to]);
  }
  const seen = new Set([start]);
  const order = [start];
  for (let i = 0; i < order.length; i++) {
    for (const to of next.get(order[i] as string) ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        order.push(to);
      }
    }
  }
  return order;
}

function describeStep(node: Node, model: Model): RunbookStep {
  const step: RunbookStep = { id: node.id, title: nodeLabel(node), kind: node.kind, facts: [], lists: [], next: [] };
  const shareOf = (port: string): number | undefined => {
    if (node.kind === "work" || node.kind === "followUp") return ownNumber(node.outcomes, port);
    if (node.kind === "route") return ownNumber(node.split, port);
    if (node.kind === "selfService" && typeof node.deflection === "number") {
      return port === "resolved" ? node.deflection : 1 - node.deflection;
    }
    return undefined;
  };
  for (const port of outPorts(node)) {
    const edge = model.edges.find((e) => e.from === node.id && edgePort(e) === port);
    const to = edge ? model.nodes.find((n) => n.id === edge.to) : undefined;
    const share = shareOf(port);
    const label = port === "out" ? "next" : share !== undefined ? `${port} (${percent(share)})` : port;
    step.next.push(
      `${label} → ${to ? nodeLabel(to) : port === "abandoned" ? "the customer hangs up (contact lost)" : "(not connected)"}`,
    );
  }
  switch (node.kind) {
    case "channel":
      step.facts.push(describeChannel(node));
      break;
    case "selfService":
      step.facts.push(
        `Self-service (knowledge base, bot or automated flow), about ${describeSeconds(distMean(node.duration))}.`,
        typeof node.deflection === "number"
          ? `${percent(node.deflection)} of contacts are resolved here; the rest contact an agent.`
          : "The share resolved here depends on the contact type.",
      );
      break;
    case "route":
      if (node.split) step.facts.push("Contacts are split between the branches by the shares below.");
      else {
        step.facts.push("Routing rules, checked in order; the first that matches decides.");
        step.lists.push({
          title: "Rules",
          items: [
            ...(node.rules ?? []).map((rule) => `${describeCondition(rule.if, model)} → ${rule.port}`),
            "anything else → otherwise",
          ],
        });
      }
      break;
    case "work": {
      const team = model.teams.find((t) => t.id === node.team);
      step.facts.push(
        team
          ? `Owner: ${team.name || team.id} (tier ${team.tier}).`
          : `Owner: team ${node.team} (not defined in the flow).`,
        `Target handle time: ${describeSeconds(distMean(node.handleTime))} on average.`,
      );
      if (node.queue.slaSeconds !== undefined) {
        step.facts.push(`SLA: answer within ${describeSeconds(node.queue.slaSeconds)}.`);
      }
      if (node.queue.patience) {
        step.facts.push(`Customers give up after about ${describeSeconds(distMean(node.queue.patience))} of waiting.`);
      }
      if (node.queue.discipline === "priority") step.facts.push("Higher priority contacts are answered first.");
      break;
    }
    case "escalate":
      if (node.handoff === "structured") {
        step.facts.push(
          `Structured hand-off: write a context note (about ${describeSeconds(distMean(node.noteTime))}) so the customer never repeats themselves.`,
        );
      } else {
        step.facts.push(
          `No hand-off note: the next agent spends about ${describeSeconds(distMean(node.reexplainTime))} while the customer re-explains.`,
        );
      }
      if (node.checklist && node.checklist.length > 0)
        step.lists.push({ title: "The hand-off note must contain", items: node.checklist });
      break;
    case "followUp":
      step.facts.push(`Wait for the customer (or a scheduled check) for ${describeSeconds(distMean(node.wait))}.`);
      break;
    case "delay":
      step.facts.push(`Automated step, no agent: about ${describeSeconds(distMean(node.duration))}.`);
      break;
    case "end":
      step.facts.push(node.status === "resolved" ? "The ticket closes as resolved." : "The ticket closes unresolved.");
      break;
    default:
      assertNever(node);
  }
  if (node.notes) step.facts.push(`What to do: ${node.notes}`);
  return step;
}
