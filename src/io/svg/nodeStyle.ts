/** How each node kind looks in exported pictures: fill, stroke and the name in the legend. */
import type { NodeKind } from "../../model";

export interface KindStyle {
  fill: string;
  stroke: string;
  /** Name of the kind in the legend. */
  name: string;
}

export const KIND_STYLES: Record<NodeKind, KindStyle> = {
  channel: { fill: "#e0f2fe", stroke: "#0369a1", name: "Channel" },
  selfService: { fill: "#ecfccb", stroke: "#4d7c0f", name: "Self-service" },
  route: { fill: "#fef3c7", stroke: "#b45309", name: "Route" },
  work: { fill: "#ffffff", stroke: "#334155", name: "Work" },
  escalate: { fill: "#fee2e2", stroke: "#b91c1c", name: "Escalate" },
  followUp: { fill: "#f3e8ff", stroke: "#7e22ce", name: "Follow-up" },
  delay: { fill: "#f1f5f9", stroke: "#64748b", name: "Automated" },
  end: { fill: "#dcfce7", stroke: "#15803d", name: "End" },
};

/** Font stack with a generic fallback, so text renders in any browser, editor or rasteriser. */
export const FONT_FAMILY = "Inter, 'Segoe UI', 'Helvetica Neue', Arial, 'DejaVu Sans', 'Liberation Sans', sans-serif";

/** Colour for a utilisation 0..1: green when relaxed, amber when busy, red when saturated. */
export function loadColour(utilization: number): string {
  if (utilization >= 0.95) return "#fecaca";
  if (utilization >= 0.85) return "#fed7aa";
  if (utilization >= 0.7) return "#fef08a";
  return "#bbf7d0";
}
