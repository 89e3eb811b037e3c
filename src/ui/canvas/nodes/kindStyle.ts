/** How each node kind is named and tinted on the canvas: kind colours are used sparingly, on the badge and left rule only. */
import type { NodeKind } from "../../../model";

export const KIND_NAMES: Record<NodeKind, string> = {
  channel: "Channel",
  selfService: "Self-service",
  route: "Route",
  work: "Work",
  escalate: "Escalate",
  followUp: "Follow-up",
  delay: "Automated",
  end: "End",
};

/** Accent of each kind (badge dot, left rule, minimap). */
export const KIND_COLOURS: Record<NodeKind, string> = {
  channel: "#0284c7",
  selfService: "#65a30d",
  route: "#d97706",
  work: "#475569",
  escalate: "#dc2626",
  followUp: "#9333ea",
  delay: "#94a3b8",
  end: "#16a34a",
};
