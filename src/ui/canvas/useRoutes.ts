/**
 * The routes of the canvas's edges around the steps, recomputed only when something that
 * shapes them changes (positions, step sizes and ports, connections), not when a label or a
 * figure is typed. Flows above ROUTE_LIMIT steps are drawn with plain elbows: routing them
 * takes longer than an edit should wait.
 */
import { useMemo } from "react";
import { edgeLabelTexts, type PlacedLabel, placeEdgeLabels, stepBoxes } from "../../layout/edgeLabels";
import { labelledPorts, nodeSize } from "../../layout/nodeSize";
import { type Point, routeEdges } from "../../layout/routeEdges";
import type { Model } from "../../model";

/** Largest flow (steps) routed on the canvas. */
export const ROUTE_LIMIT = 150;

export function useRoutes(model: Model): Map<string, Point[]> | undefined {
  // Above the limit nothing is routed: not even the key is worth building.
  const key = model.nodes.length <= ROUTE_LIMIT ? routingKey(model) : "";
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for everything routing reads from `model`
  return useMemo(() => (model.nodes.length <= ROUTE_LIMIT ? routeEdges(model, model.layout) : undefined), [key]);
}

/**
 * Where each edge's share label goes along its route (clear of steps and other labels), the
 * same spots the exported picture uses; recomputed when the routes or the label texts change.
 */
export function useEdgeLabels(
  model: Model,
  routes: Map<string, Point[]> | undefined,
): Map<string, PlacedLabel> | undefined {
  // Labels are placed only along routes (small flows): no texts to key on without them.
  const texts = routes ? edgeLabelTexts(model) : new Map<string, string>();
  const textKey = [...texts].join("|");
  // biome-ignore lint/correctness/useExhaustiveDependencies: `routes` and `textKey` stand for everything placement reads
  return useMemo(
    () => (routes ? placeEdgeLabels(routes, texts, stepBoxes(model, model.layout)) : undefined),
    [routes, textKey],
  );
}

/** A string that changes exactly when the routes of `model` may change. */
export function routingKey(model: Model): string {
  const parts: string[] = [];
  for (const node of model.nodes) {
    const at = model.layout[node.id];
    const size = nodeSize(node);
    parts.push(`${node.id}@${at?.x},${at?.y}:${size.height}:${labelledPorts(node).join("|")}`);
  }
  for (const edge of model.edges) parts.push(`${edge.id}:${edge.from}.${edge.port ?? ""}>${edge.to}`);
  return parts.join("\n");
}
