/**
 * Sensible defaults for a node added from the palette: a unique id and label, and values
 * that let a newcomer run the flow at once (a work step takes the first team of tier 1).
 * Out ports start unconnected; validation says which ones still need an edge.
 */
import type { Model, Node, NodeKind } from "../../model";

/** Every node kind in palette order, with its palette name and a one-line hint. */
export const PALETTE: readonly { kind: NodeKind; name: string; hint: string }[] = [
  { kind: "channel", name: "Channel", hint: "Where contacts arrive: phone, chat, email…" },
  { kind: "selfService", name: "Self-service", hint: "Knowledge base or chatbot that deflects contacts" },
  { kind: "route", name: "Route", hint: "Triage: rules or a split send contacts on" },
  { kind: "work", name: "Work", hint: "A team handles the contact: queue, then an agent" },
  { kind: "escalate", name: "Escalate", hint: "Hand-off to the next tier" },
  { kind: "followUp", name: "Follow-up", hint: "Wait on the customer; confirm or reopen" },
  { kind: "delay", name: "Automated step", hint: "Takes time but no agent" },
  { kind: "end", name: "End", hint: "The ticket closes" },
];

/** A new node of `kind` with an id not used in `model`. */
export function newNode(model: Model, kind: NodeKind): Node {
  const name = PALETTE.find((entry) => entry.kind === kind)?.name ?? kind;
  const id = uniqueId(model, kindSlug(kind));
  const count = model.nodes.filter((node) => node.kind === kind).length + 1;
  const label = `${name} ${count}`;
  switch (kind) {
    case "channel":
      return { id, label, kind, channel: "phone", arrivals: { perHour: 20 } };
    case "selfService":
      return { id, label, kind, deflection: 0.2, duration: { dist: "fixed", value: 120 } };
    case "route":
      return { id, label, kind, split: { a: 0.5, b: 0.5 } };
    case "work":
      return {
        id,
        label,
        kind,
        team: defaultTeam(model),
        handleTime: { dist: "lognormal", mean: 360, sd: 240 },
        queue: { discipline: "fifo" },
        outcomes: { resolved: 0.8, escalate: 0.2 },
      };
    case "escalate":
      return {
        id,
        label,
        kind,
        handoff: "structured",
        noteTime: { dist: "fixed", value: 120 },
        reexplainTime: { dist: "fixed", value: 180 },
      };
    case "followUp":
      return { id, label, kind, wait: { dist: "fixed", value: 86400 }, outcomes: { confirmed: 0.85, reopened: 0.15 } };
    case "delay":
      return { id, label, kind, duration: { dist: "fixed", value: 30 } };
    case "end":
      return { id, label: "Resolved", kind, status: "resolved" };
  }
}

/** `base`, or `base-2`, `base-3` … : the first id not used by a node or edge of `model`. */
export function uniqueId(model: Model, base: string, taken: Set<string> = new Set()): string {
  const used = new Set([...model.nodes.map((n) => n.id), ...model.edges.map((e) => e.id), ...taken]);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

// helpers

function kindSlug(kind: NodeKind): string {
  return kind === "selfService" ? "self-service" : kind === "followUp" ? "follow-up" : kind;
}

function defaultTeam(model: Model): string {
  const sorted = [...model.teams].sort((a, b) => a.tier - b.tier);
  return sorted[0]?.id ?? "";
}
