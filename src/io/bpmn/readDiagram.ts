/**
 * Maps any BPMN 2.0 process onto Flowcast steps: start events become channels, tasks work
 * steps (their team from the lane), diverging gateways routes with equal shares, timer
 * events delays, escalation events hand-offs, end events ends. Converging gateways, plain
 * intermediate events and link events are passed through; sub-processes are flattened.
 * What has no Flowcast meaning (message flows, boundary events, compensation, event
 * sub-processes) is listed in `unmapped`; every default is listed in `guessed`.
 */
import type { ImportGuess } from "../mermaid/guessFlow";
import { collectSteps, type Step } from "./collectSteps";
import { describe, diagramShapes, list } from "./diagramShapes";
import type { Bounds } from "./geometry";
import { parseIsoDuration } from "./isoDuration";
import { laneTeams } from "./laneTeams";
import type { BpmnElement } from "./moddle";

type FileNode = Record<string, unknown> & { id: string; kind: string };

const DEFAULT_ARRIVALS_PER_HOUR = 10;
const DEFAULT_HANDLE_TIME = { dist: "lognormal", mean: "6m", sd: "3m" };
const DEFAULT_DELAY = "1h";

export interface DiagramRead {
  file: Record<string, unknown>;
  guessed: ImportGuess[];
  notes: string[];
  unmapped: string[];
}

export function readDiagram(definitions: BpmnElement): DiagramRead | { error: string } {
  const guessed: ImportGuess[] = [];
  const notes: string[] = [];
  const unmapped: string[] = [];
  const roots = list(definitions.rootElements);
  const processes = roots.filter((e) => e.$type === "bpmn:Process");
  const participants = roots.filter((e) => e.$type === "bpmn:Collaboration").flatMap((c) => list(c.participants));
  for (const collaboration of roots.filter((e) => e.$type === "bpmn:Collaboration")) {
    for (const message of list(collaboration.messageFlows)) {
      unmapped.push(
        `message flow ${describe(message)} between ${describe(message.sourceRef as BpmnElement)} and ${describe(message.targetRef as BpmnElement)}: Flowcast follows a ticket along sequence flows only`,
      );
    }
  }
  const graph = collectSteps(processes, { notes, unmapped });
  if (graph.steps.length === 0) return { error: "the diagram has no tasks, events or gateways to import" };
  const teams = laneTeams(processes, graph.steps, guessed);
  const nodes: FileNode[] = [];
  const edges: { id: string; from: string; to: string; port?: string }[] = [];
  const guess = (nodeId: string, field: string, message: string) => guessed.push({ nodeId, field, message });
  const shapes = diagramShapes(definitions);
  const layout: Record<string, { x: number; y: number }> = Object.create(null);
  const edgeIds = new Set<string>();
  const addEdge = (from: string, to: string, port: string | undefined, hint: string) => {
    let id = `${hint}`;
    for (let n = 2; edgeIds.has(id); n++) id = `${hint}-${n}`;
    edgeIds.add(id);
    edges.push({ id, from, to, ...(port && port !== "out" ? { port } : {}) });
  };
  for (const step of graph.steps) {
    if (step.kind === "pass") continue;
    const label = step.name;
    const base = { id: step.id, ...(label && label !== step.id ? { label } : {}) };
    const outs = graph.targets(step);
    const node = buildNode(step, base, outs.length, teams.teamOf(step), guess);
    nodes.push(node);
    const bounds = step.element.id ? shapes.get(step.element.id) : undefined;
    if (bounds) layout[step.id] = position(bounds);
    if (step.kind === "end") {
      if (outs.length > 0) notes.push(`end event ${describe(step.element)} has outgoing flows; they were left out`);
      continue;
    }
    if (outs.length === 0) {
      const endId = unique(`${step.id}-end`, graph.ids);
      nodes.push({ id: endId, kind: "end", label: "End" });
      notes.push(`${describe(step.element)} leads nowhere in the diagram: an end step "${endId}" was added after it`);
      addEdge(step.id, endId, portsOf(node)[0], `${step.id}-to-end`);
      continue;
    }
    const ports = portsOf(node);
    if (ports.length === 1 && outs.length > 1) {
      // A channel, hand-off or delay with several ways out: a route step splits the contacts.
      const routeId = unique(`${step.id}-paths`, graph.ids);
      const routePorts = portNames(outs.map((o) => o.name || o.target.name || o.target.id));
      nodes.push({ id: routeId, kind: "route", label: `${label || step.id}: paths`, split: equalShares(routePorts) });
      guess(
        routeId,
        "split",
        `${describe(step.element)} has ${outs.length} ways out: a route step splits its contacts equally`,
      );
      addEdge(step.id, routeId, ports[0], `${step.id}-to-paths`);
      outs.forEach((out, i) => {
        addEdge(routeId, out.target.id, routePorts[i], out.flowId);
      });
      continue;
    }
    outs.forEach((out, i) => {
      addEdge(step.id, out.target.id, ports[Math.min(i, ports.length - 1)], out.flowId);
    });
  }
  const reached = reachable(nodes, edges);
  const kept = nodes.filter((node) => reached.has(node.id));
  for (const node of nodes) {
    if (reached.has(node.id)) continue;
    const step = graph.steps.find((s) => s.id === node.id);
    unmapped.push(
      `${step ? describe(step.element) : `"${node.id}"`}: no start event leads to it (only a boundary event or nothing does); left out`,
    );
  }
  const keptEdges = edges.filter((edge) => reached.has(edge.from));
  for (const id of Object.keys(layout)) if (!reached.has(id)) delete layout[id];
  const name = participants.find((p) => p.name)?.name ?? processes.find((p) => p.name)?.name ?? definitions.name;
  return {
    file: {
      format: "flowcast/v1",
      name: typeof name === "string" && name.trim() ? name.trim() : "Imported BPMN diagram",
      teams: teams.teams.filter((team) => kept.some((node) => node.team === team.id)),
      nodes: kept,
      edges: keptEdges,
      layout,
    },
    guessed,
    notes,
    unmapped,
  };
}

// helpers

/** Ids of the steps some channel leads to (channels included). */
function reachable(nodes: FileNode[], edges: { from: string; to: string }[]): Set<string> {
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const seen = new Set(nodes.filter((node) => node.kind === "channel").map((node) => node.id));
  const queue = [...seen];
  for (let head = 0; head < queue.length; head++) {
    for (const to of next.get(queue[head] as string) ?? []) {
      if (seen.has(to)) continue;
      seen.add(to);
      queue.push(to);
    }
  }
  return seen;
}

function buildNode(
  step: Step,
  base: { id: string; label?: string },
  outs: number,
  team: string,
  guess: (nodeId: string, field: string, message: string) => void,
): FileNode {
  const where = describe(step.element);
  switch (step.kind) {
    case "channel": {
      const channel = guessChannel(step);
      guess(
        step.id,
        "arrivals.perHour",
        `${where}: ${DEFAULT_ARRIVALS_PER_HOUR} contacts an hour by ${channel} (BPMN has no volumes)`,
      );
      return { ...base, kind: "channel", channel, arrivals: { perHour: DEFAULT_ARRIVALS_PER_HOUR } };
    }
    case "work": {
      guess(step.id, "handleTime", `${where}: handle time about 6 minutes`);
      const ports = portNames(step.outNames.length > 0 ? step.outNames.map((n) => n || "done") : ["done"]);
      if (ports.length > 1) guess(step.id, "outcomes", `${where}: ${ports.length} outcomes in equal shares`);
      return { ...base, kind: "work", team, handleTime: DEFAULT_HANDLE_TIME, outcomes: equalShares(ports) };
    }
    case "route": {
      const ports = portNames(step.outNames);
      const conditions = step.conditions.length > 0 ? ` (conditions: ${step.conditions.join("; ")})` : "";
      if (outs > 1) guess(step.id, "split", `${where}: ${ports.length} paths in equal shares${conditions}`);
      return { ...base, kind: "route", split: equalShares(ports) };
    }
    case "delay": {
      const seconds = step.timer !== undefined ? parseIsoDuration(step.timer) : undefined;
      if (seconds === undefined)
        guess(
          step.id,
          "duration",
          `${where}: waits ${DEFAULT_DELAY}${step.timer ? ` (timer "${step.timer}" is not a duration)` : ""}`,
        );
      return { ...base, kind: "delay", duration: seconds ?? DEFAULT_DELAY };
    }
    case "escalate":
      return { ...base, kind: "escalate" };
    case "end": {
      const status = step.unresolved ? "unresolved" : "resolved";
      return { ...base, kind: "end", status };
    }
    default:
      throw new Error(`a pass-through step has no node: ${step.id}`);
  }
}

/** The out ports a built node has, in order. */
function portsOf(node: FileNode): string[] {
  if (node.kind === "work") return Object.keys(node.outcomes as object);
  if (node.kind === "route") return Object.keys(node.split as object);
  return ["out"];
}

function guessChannel(step: Step): string {
  const text = `${step.name} ${step.element.id ?? ""}`.toLowerCase();
  if (/phone|call|hotline|voice/.test(text)) return "phone";
  if (/chat/.test(text)) return "chat";
  if (/e-?mail|mail/.test(text)) return "email";
  if (/web|form|portal|site/.test(text)) return "webform";
  if (/social|twitter|facebook|instagram/.test(text)) return "social";
  if (/message|sms|whatsapp|text/.test(text) || step.message) return "messaging";
  return "phone";
}

/** Port names from flow names: trimmed, never empty, never "__proto__", unique. */
function portNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    let name = raw.replace(/\s+/g, " ").trim() || `path ${i + 1}`;
    if (name === "__proto__") name = "proto";
    let candidate = name;
    for (let n = 2; used.has(candidate); n++) candidate = `${name} (${n})`;
    used.add(candidate);
    return candidate;
  });
}

/** Equal shares that add up to exactly 1 (the last takes the rounding). */
function equalShares(ports: string[]): Record<string, number> {
  const share = Number((1 / ports.length).toFixed(6));
  return Object.fromEntries(
    ports.map((port, i) => [port, i === ports.length - 1 ? Number((1 - share * i).toFixed(6)) : share]),
  );
}

/**
 * A step's box from its BPMN shape: Flowcast boxes are about twice as wide as BPMN tasks,
 * so the drawing is spread out (twice as far apart) to keep boxes from overlapping.
 */
function position(bounds: Bounds): { x: number; y: number } {
  const centreX = bounds.x + bounds.width / 2;
  const centreY = bounds.y + bounds.height / 2;
  return { x: Math.round(centreX * 2 - 104), y: Math.round(centreY * 2 - 40) };
}

function unique(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
  used.add(candidate);
  return candidate;
}
