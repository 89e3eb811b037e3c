/**
 * An edge drawn along the route the edge router found around the steps (layout/routeEdges),
 * the same path the exported picture draws. The route's ends are pinned to the handles React
 * Flow reports; when they no longer match (a step is being dragged, the route is not computed
 * yet), the edge falls back to a plain orthogonal elbow until the route catches up. Its label
 * sits where layout/edgeLabels placed it along the route.
 */
import { BaseEdge, type Edge, type EdgeProps, getSmoothStepPath } from "@xyflow/react";
import { memo } from "react";
import { labelPoint, type Point, roundedPath } from "../../layout/routeEdges";

/** `labelAt`: the label's centre placed along the route, clear of steps and other labels (layout/edgeLabels). */
export type RoutedEdgeData = { port: string; route?: Point[]; labelAt?: Point };
export type RoutedFlowEdge = Edge<RoutedEdgeData, "routed">;

/** How far (px) a route's end may sit from the handle before the route counts as stale. */
const PIN_SLACK = 2;

export const RoutedEdge = memo(function RoutedEdge(props: EdgeProps<RoutedFlowEdge>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const pinned = pinRoute(data?.route, { x: sourceX, y: sourceY }, { x: targetX, y: targetY });
  let path: string;
  let labelAt: Point;
  if (pinned) {
    path = roundedPath(pinned);
    labelAt = data?.labelAt ?? labelPoint(pinned);
  } else {
    const [elbow, x, y] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
    path = elbow;
    labelAt = { x, y };
  }
  return (
    <BaseEdge
      id={props.id}
      path={path}
      labelX={labelAt.x}
      labelY={labelAt.y}
      label={props.label}
      labelStyle={props.labelStyle}
      labelShowBg={props.labelShowBg}
      labelBgStyle={props.labelBgStyle}
      labelBgPadding={props.labelBgPadding}
      labelBgBorderRadius={props.labelBgBorderRadius}
      markerEnd={props.markerEnd}
      markerStart={props.markerStart}
      style={props.style}
      interactionWidth={props.interactionWidth}
    />
  );
});

/** `route` with its ends moved onto the handles, if they are within PIN_SLACK px of them. */
export function pinRoute(route: Point[] | undefined, source: Point, target: Point): Point[] | undefined {
  if (!route || route.length < 2) return undefined;
  const first = route[0] as Point;
  const last = route[route.length - 1] as Point;
  const off = (a: Point, b: Point) => Math.abs(a.x - b.x) > PIN_SLACK || Math.abs(a.y - b.y) > PIN_SLACK;
  if (off(first, source) || off(last, target)) return undefined;
  const points = route.map((p) => ({ ...p }));
  // Keep the first and last segments level: move the neighbouring corner with the end.
  const second = points[1] as Point;
  if (points.length > 2 && Math.abs(second.y - first.y) < 0.01) second.y = source.y;
  const beforeLast = points[points.length - 2] as Point;
  if (points.length > 2 && Math.abs(beforeLast.y - last.y) < 0.01) beforeLast.y = target.y;
  points[0] = { ...source };
  points[points.length - 1] = { ...target };
  return points;
}
