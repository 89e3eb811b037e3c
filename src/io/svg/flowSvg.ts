/**
 * The picture of a whole flow as one self-contained SVG document: lanes per tier, a shape
 * per node kind with its label and key figure, edges with arrowheads and outcome/share
 * labels, a title and a legend; optionally coloured by the load of a simulation run. The
 * app and the CLI both draw with this renderer (PNG is this SVG rasterised), so a picture
 * looks the same wherever it was made. Node boxes, port rows and lanes are the canvas's
 * (layout/nodeSize, layout/lanes), so the picture matches what the user sees.
 * Pure: no DOM, no Node built-ins.
 */

import { edgeLabelTexts, LABEL_FONT_SIZE, type PlacedLabel, placeEdgeLabels } from "../../layout/edgeLabels";
import { computeLanes, type Lane } from "../../layout/lanes";
import { labelledPorts, nodeAnchors, nodeSize } from "../../layout/nodeSize";
import { type Point, roundedPath, routeEdges } from "../../layout/routeEdges";
import { type Model, type Node, type NodeKind, nodeLabel, portShare } from "../../model";
import type { Results } from "../../sim/results";
import { keyFigure, percent } from "../keyFigure";
import { escapeXml } from "../xml";
import { FONT_FAMILY, KIND_STYLES, loadColour } from "./nodeStyle";
import { textWidth, wrapText } from "./svgText";

export interface FlowSvgOptions {
  /** Title at the top; the flow's name when omitted. */
  title?: string;
  /** Whether to draw the legend of node kinds (default true). */
  legend?: boolean;
  /** A run of this flow: work steps are coloured by their team's utilisation. */
  load?: Results;
  /** Multiplies width and height (not the viewBox), e.g. 2 for a sharper raster. */
  scale?: number;
}

export type Positions = Record<string, { x: number; y: number }>;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const MARGIN = 28;
const TITLE_HEIGHT = 56;
const LEGEND_HEIGHT = 44;

/** Renders the whole flow as an SVG document string (positions are node top-left corners, px). */
export function renderFlowSvg(model: Model, positions: Positions, options: FlowSvgOptions = {}): string {
  const boxes = nodeBoxes(model, positions);
  const placed: Positions = {};
  for (const [id, box] of boxes) placed[id] = { x: box.x, y: box.y };
  const lanes = computeLanes(model, placed);
  // Edges follow the same routes around the steps as on the canvas.
  const routes = routeEdges(model, placed);
  const routeBounds = [...routes.values()].flat().map((p) => ({ x: p.x, y: p.y, width: 0, height: 0 }));
  // Share labels sit where the canvas puts them: on the route, clear of steps and each other.
  const texts = edgeLabelTexts(model);
  const labels = placeEdgeLabels(routes, texts, [...boxes.values()]);
  const all = [...boxes.values(), ...lanes, ...routeBounds, ...[...labels.values()].map((l) => l.box)];
  const minX = all.length ? Math.min(...all.map((b) => b.x)) : 0;
  const minY = all.length ? Math.min(...all.map((b) => b.y)) : 0;
  const maxX = all.length ? Math.max(...all.map((b) => b.x + b.width)) : 200;
  const maxY = all.length ? Math.max(...all.map((b) => b.y + b.height)) : 100;
  const title = options.title ?? model.name;
  const kinds = [...new Set(model.nodes.map((n) => n.kind))];
  const showLegend = options.legend !== false && kinds.length > 0;
  const loopRoom = 12; // room under the lowest route
  const width = Math.ceil(
    Math.max(maxX - minX + 2 * MARGIN, textWidth(title, 20) + 2 * MARGIN, legendWidth(kinds) + 2 * MARGIN),
  );
  const height = Math.ceil(maxY - minY + TITLE_HEIGHT + MARGIN + loopRoom + (showLegend ? LEGEND_HEIGHT : 0));
  const dx = MARGIN - minX;
  const dy = TITLE_HEIGHT - minY;
  const scale = options.scale ?? 1;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${round(width * scale)}" height="${round(height * scale)}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<defs><marker id="fc-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#475569"/></marker></defs>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="34" font-size="20" font-weight="700" fill="#0f172a">${escapeXml(title)}</text>`,
    `<g transform="translate(${round(dx)} ${round(dy)})">`,
    ...lanes.map((lane) => drawLane(lane, model)),
    ...drawEdges(model, routes, options.load),
    ...model.nodes.map((node) => drawNode(node, boxes.get(node.id)!, options.load)),
    ...[...labels].map(([id, label]) => drawEdgeLabel(id, texts.get(id) ?? "", label)),
    "</g>",
  ];
  if (showLegend) parts.push(drawLegend(kinds, MARGIN, height - LEGEND_HEIGHT + 14));
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}

// helpers

function nodeBoxes(model: Model, positions: Positions): Map<string, Box> {
  const boxes = new Map<string, Box>();
  model.nodes.forEach((node, index) => {
    const at = positions[node.id] ?? model.layout[node.id] ?? { x: (index % 5) * 240, y: Math.floor(index / 5) * 140 };
    boxes.set(node.id, { x: at.x, y: at.y, ...nodeSize(node) });
  });
  return boxes;
}

function drawLane(lane: Lane, model: Model): string {
  const teams = model.teams.filter((t) => t.tier === lane.key).map((t) => t.name || t.id);
  const fill = lane.key % 2 === 0 ? "#f8fafc" : "#f1f5f9";
  const title = lane.key === 0 ? "INTAKE" : `TIER ${lane.key}`;
  const names = teams.length > 0 ? ` · ${teams.join(", ")}` : "";
  return [
    `<g>`,
    `<rect x="${lane.x}" y="${lane.y}" width="${lane.width}" height="${lane.height}" rx="8" fill="${fill}" stroke="#e2e8f0"/>`,
    `<text x="${lane.x + 10}" y="${lane.y + 17}" font-size="11" fill="#64748b"><tspan font-weight="700" letter-spacing="0.6">${escapeXml(title)}</tspan>${escapeXml(names)}</text>`,
    `</g>`,
  ].join("");
}

function drawNode(node: Node, box: Box, load?: Results): string {
  const style = KIND_STYLES[node.kind];
  let fill = node.kind === "end" && node.status === "unresolved" ? "#ffe4e6" : style.fill;
  let figure = keyFigure(node);
  if (load && node.kind === "work") {
    const utilization = load.teams[node.team]?.utilization.mean;
    if (utilization !== undefined) {
      fill = loadColour(utilization);
      figure = `${percent(utilization)} busy · wait ${Math.round(load.nodes[node.id]?.waitMean?.mean ?? 0)} s`;
    }
  }
  const ports = labelledPorts(node);
  const headerHeight = ports.length === 0 ? box.height : HEADER_HEIGHT;
  const inset = node.kind === "channel" || node.kind === "end" || node.kind === "delay" ? 24 : 14;
  // Steps are narrow (the canvas's compact boxes): the label takes up to three lines.
  const lines = wrapText(nodeLabel(node), box.width - 2 * inset, 12.5, 3);
  const cx = box.x + box.width / 2;
  const firstBaseline = box.y + headerHeight / 2 - (lines.length - 1) * 7.5 - 1;
  const texts = lines.map(
    (line, i) =>
      `<text x="${cx}" y="${firstBaseline + i * 15}" text-anchor="middle" font-size="12.5" font-weight="600" fill="#0f172a">${escapeXml(line)}</text>`,
  );
  const figureLine = wrapText(figure, box.width - 16, 10, 1)[0] ?? "";
  texts.push(
    `<text x="${cx}" y="${firstBaseline + lines.length * 15}" text-anchor="middle" font-size="10" fill="#475569">${escapeXml(figureLine)}</text>`,
  );
  const anchors = nodeAnchors(node).out;
  for (const port of ports) {
    const y = box.y + (anchors.get(port)?.y ?? box.height / 2);
    const text = portText(node, port);
    texts.push(
      `<line x1="${box.x + 10}" y1="${y - 10}" x2="${box.x + box.width - 10}" y2="${y - 10}" stroke="${style.stroke}" stroke-opacity="0.18"/>`,
      `<text x="${box.x + box.width - 12}" y="${y + 4}" text-anchor="end" font-size="10.5" fill="#334155">${escapeXml(text)}</text>`,
      `<circle cx="${box.x + box.width}" cy="${y}" r="3" fill="${style.stroke}"/>`,
    );
  }
  return `<g data-id="${escapeXml(node.id)}">${nodeShape(node.kind, box, fill, style.stroke)}${texts.join("")}</g>`;
}

/** Height of the label and key-figure rows above the port rows (px, as on the canvas). */
const HEADER_HEIGHT = 84;

function nodeShape(kind: NodeKind, b: Box, fill: string, stroke: string, strokeWidth = 1.5): string {
  const paint = `fill="${fill}" stroke="${stroke}" stroke-width="${kind === "end" ? strokeWidth + 1 : strokeWidth}"`;
  const { x, y, width: w, height: h } = b;
  switch (kind) {
    case "channel":
    case "end":
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${Math.min(h / 2, 34)}" ${paint}/>`;
    case "route": {
      const c = Math.min(14, h / 3);
      return `<polygon points="${x + c},${y} ${x + w - c},${y} ${x + w},${y + c} ${x + w},${y + h - c} ${x + w - c},${y + h} ${x + c},${y + h} ${x},${y + h - c} ${x},${y + c}" ${paint}/>`;
    }
    case "selfService": {
      const c = Math.min(14, w / 4);
      return `<polygon points="${x + c},${y} ${x + w - c},${y} ${x + w},${y + Math.min(h / 2, 32)} ${x + w},${y + h - Math.min(h / 2, 32)} ${x + w - c},${y + h} ${x + c},${y + h} ${x},${y + h - Math.min(h / 2, 32)} ${x},${y + Math.min(h / 2, 32)}" ${paint}/>`;
    }
    case "escalate":
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="4" ${paint}/><path d="M${x + 8},${y} V${y + h} M${x + w - 8},${y} V${y + h}" stroke="${stroke}" stroke-width="1.2"/>`;
    case "followUp":
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="10" ${paint} stroke-dasharray="6 3"/>`;
    case "delay":
      return `<polygon points="${x + 14},${y} ${x + w},${y} ${x + w - 14},${y + h} ${x},${y + h}" ${paint}/>`;
    case "work":
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="8" ${paint}/>`;
  }
}

function drawEdges(model: Model, routes: Map<string, Point[]>, load?: Results): string[] {
  const maxFlow = load ? Math.max(1, ...Object.values(load.edges ?? {}).map((e) => e.mean)) : 1;
  const paths: string[] = [];
  for (const edge of model.edges) {
    const route = routes.get(edge.id);
    if (!route || route.length < 2) continue;
    const flow = load?.edges?.[edge.id]?.mean;
    const strokeWidth = flow === undefined ? 1.5 : 1.2 + 4 * (flow / maxFlow);
    // The arrowhead's tip sits on the in-handle: stop the line just short of it.
    const points = route.slice();
    const last = points[points.length - 1] as Point;
    points[points.length - 1] = { x: last.x - 2, y: last.y };
    paths.push(
      `<path data-edge="${escapeXml(edge.id)}" d="${roundedPath(points)}" fill="none" stroke="#64748b" stroke-width="${round(strokeWidth)}" stroke-linejoin="round" marker-end="url(#fc-arrow)"/>`,
    );
  }
  return paths;
}

function drawEdgeLabel(id: string, text: string, label: PlacedLabel): string {
  const { box, at } = label;
  return [
    `<rect x="${round(box.x)}" y="${round(box.y)}" width="${round(box.width)}" height="${round(box.height)}" rx="2" fill="#ffffff"/>`,
    `<text data-edge-label="${escapeXml(id)}" x="${round(at.x)}" y="${round(at.y)}" text-anchor="middle" dominant-baseline="central" font-size="${LABEL_FONT_SIZE}" font-weight="600" fill="#475569">${escapeXml(text)}</text>`,
  ].join("");
}

function portText(node: Node, port: string): string {
  const share = portShare(node, port);
  return share === undefined ? port : `${port} ${percent(share)}`;
}

function drawLegend(kinds: NodeKind[], x: number, y: number): string {
  const items: string[] = [];
  let at = x;
  for (const kind of kinds) {
    const style = KIND_STYLES[kind];
    items.push(nodeShape(kind, { x: at, y: y - 9, width: 26, height: 14 }, style.fill, style.stroke, 1));
    items.push(`<text x="${at + 32}" y="${y + 2}" font-size="11" fill="#334155">${escapeXml(style.name)}</text>`);
    at += legendItemWidth(kind);
  }
  return `<g>${items.join("")}</g>`;
}

function legendItemWidth(kind: NodeKind): number {
  return 32 + textWidth(KIND_STYLES[kind].name, 11) + 18;
}

function legendWidth(kinds: NodeKind[]): number {
  return kinds.reduce((sum, k) => sum + legendItemWidth(k), 0);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
