/**
 * Export of a flow as BPMN 2.0 XML with diagram interchange, written with bpmn-moddle. One
 * pool holds the flow, one lane per escalation tier (Intake, L1, L2 ...) names its teams;
 * channels are start events, work steps user tasks, self-service service tasks, routes
 * exclusive gateways, hand-offs escalation throw events, delays and follow-up waits timer
 * catch events, ends end events. A step with several outcomes is followed by an exclusive
 * gateway whose sequence flows carry the outcome and its share. Every simulation parameter
 * travels as JSON in `flowcast:data` extension elements, so fromBpmn gives back the same flow.
 */
import { computeLanes } from "../../layout/lanes";
import {
  assertNever,
  distMean,
  edgePort,
  encodeModel,
  type Model,
  type Node,
  nodeLabel,
  OTHERWISE,
  portShare,
} from "../../model";
import { describeCondition } from "../runbook/describeRule";
import { type Bounds, hasSplitGateway, mainBounds, splitBounds } from "./geometry";
import { bpmnIds } from "./ids";
import { toIsoDuration } from "./isoDuration";
import { type BpmnElement, bpmnText, createModdle, type Moddle, writeData } from "./moddle";

type Positions = Record<string, { x: number; y: number }>;

/** Width of the pool's name band on its left (px). */
const POOL_HEADER = 30;

/**
 * The BPMN 2.0 XML of `model`, drawn at `positions` (node top-left corners, px: the flow's
 * layout, or an automatic one for the steps it does not place).
 */
export async function toBpmn(model: Model, positions: Positions): Promise<string> {
  const moddle = createModdle();
  const file = encodeModel(model);
  const { nodes: fileNodes = [], edges: fileEdges = [], ...flowFields } = file;
  const ids = bpmnIds(model);
  const process = moddle.create("bpmn:Process", {
    id: ids.process,
    name: bpmnText(model.name),
    isExecutable: false,
    extensionElements: writeData(moddle, "flow", flowFields),
  });
  const escalation = moddle.create("bpmn:Escalation", { id: ids.escalation, name: "Hand-off to the next tier" });
  const elements = new Map<string, BpmnElement>();
  const exits = new Map<string, BpmnElement>();
  const shapes: { element: BpmnElement; bounds: Bounds }[] = [];
  const flowElements: BpmnElement[] = [];
  model.nodes.forEach((node, index) => {
    const at = positions[node.id] ?? { x: 0, y: 0 };
    const element = createStep(moddle, node, ids.node(node.id), escalation);
    // Where the step was drawn: the importer keeps the flow's layout unless the shape was moved.
    element.extensionElements = writeData(moddle, "node", { node: fileNodes[index], drawnAt: at });
    const documentation = describeStep(node, model);
    if (documentation)
      element.documentation = [
        moddle.create("bpmn:Documentation", {
          text: bpmnText(documentation.replace(/\n/g, "\u2028")).replace(/\u2028/g, "\n"),
        }),
      ];
    elements.set(node.id, element);
    flowElements.push(element);
    shapes.push({ element, bounds: mainBounds(node, at) });
    exits.set(node.id, element);
    if (hasSplitGateway(node)) {
      const gateway = moddle.create("bpmn:ExclusiveGateway", {
        id: ids.split(node.id),
        extensionElements: writeData(moddle, "split", { node: node.id }),
      });
      flowElements.push(gateway);
      shapes.push({ element: gateway, bounds: splitBounds(node, at) });
      exits.set(node.id, gateway);
      const link = moddle.create("bpmn:SequenceFlow", {
        id: ids.splitFlow(node.id),
        sourceRef: element,
        targetRef: gateway,
      });
      connect(link);
      flowElements.push(link);
    }
  });
  const byId = new Map(model.nodes.map((node) => [node.id, node]));
  model.edges.forEach((edge, index) => {
    const source = exits.get(edge.from);
    const target = elements.get(edge.to);
    if (!source || !target) return; // an edge to a missing step: validation names it; BPMN cannot draw it
    const from = byId.get(edge.from) as Node;
    const port = edgePort(edge);
    const flow = moddle.create("bpmn:SequenceFlow", {
      id: ids.edge(edge.id),
      sourceRef: source,
      targetRef: target,
      extensionElements: writeData(moddle, "edge", fileEdges[index]),
    });
    const name = flowName(from, port);
    if (name) flow.name = bpmnText(name);
    const condition = conditionText(from, port, model);
    if (condition) flow.conditionExpression = moddle.create("bpmn:FormalExpression", { body: bpmnText(condition) });
    if (from.kind === "route" && port === OTHERWISE && !from.split) source.default = flow;
    connect(flow);
    flowElements.push(flow);
  });
  process.flowElements = flowElements;
  const lanes = laneShapes(moddle, model, positions, elements, exits, ids);
  if (lanes.length > 0)
    process.laneSets = [moddle.create("bpmn:LaneSet", { id: ids.laneSet, lanes: lanes.map((l) => l.element) })];
  const pool = poolBounds(
    lanes.map((l) => l.bounds),
    shapes.map((s) => s.bounds),
  );
  const participant = moddle.create("bpmn:Participant", {
    id: ids.participant,
    name: bpmnText(model.name),
    processRef: process,
  });
  const collaboration = moddle.create("bpmn:Collaboration", { id: ids.collaboration, participants: [participant] });
  const planeElement: BpmnElement[] = [
    shape(moddle, participant, pool, true),
    ...lanes.map((lane) =>
      shape(moddle, lane.element, { ...lane.bounds, x: pool.x + POOL_HEADER, width: pool.width - POOL_HEADER }, true),
    ),
    ...shapes.map((s) => shape(moddle, s.element, s.bounds)),
  ];
  const boundsOf = new Map(shapes.map((s) => [s.element, s.bounds]));
  const bottom = pool.y + pool.height;
  for (const element of flowElements) {
    if (element.$type !== "bpmn:SequenceFlow") continue;
    const from = boundsOf.get(element.sourceRef as BpmnElement);
    const to = boundsOf.get(element.targetRef as BpmnElement);
    if (!from || !to) continue;
    const waypoint = route(from, to, bottom).map((p) => moddle.create("dc:Point", p));
    planeElement.push(moddle.create("bpmndi:BPMNEdge", { id: `${element.id}_di`, bpmnElement: element, waypoint }));
  }
  const diagram = moddle.create("bpmndi:BPMNDiagram", {
    id: ids.diagram,
    plane: moddle.create("bpmndi:BPMNPlane", { id: ids.plane, bpmnElement: collaboration, planeElement }),
  });
  const definitions = moddle.create("bpmn:Definitions", {
    id: ids.definitions,
    targetNamespace: "https://flowcast.dev/bpmn",
    exporter: "Flowcast",
    exporterVersion: "1",
    rootElements: [collaboration, process, escalation],
    diagrams: [diagram],
  });
  const { xml } = await moddle.toXML(definitions, { format: true });
  return `${xml}\n`;
}

// helpers

function createStep(moddle: Moddle, node: Node, id: string, escalation: BpmnElement): BpmnElement {
  const name = bpmnText(nodeLabel(node));
  switch (node.kind) {
    case "channel":
      return moddle.create("bpmn:StartEvent", { id, name });
    case "selfService":
      return moddle.create("bpmn:ServiceTask", { id, name });
    case "route":
      return moddle.create("bpmn:ExclusiveGateway", { id, name });
    case "work":
      return moddle.create("bpmn:UserTask", { id, name });
    case "escalate":
      return moddle.create("bpmn:IntermediateThrowEvent", {
        id,
        name,
        eventDefinitions: [moddle.create("bpmn:EscalationEventDefinition", { escalationRef: escalation })],
      });
    case "followUp":
    case "delay": {
      const seconds = distMean(node.kind === "delay" ? node.duration : node.wait);
      const timer = moddle.create("bpmn:TimerEventDefinition", {
        timeDuration: moddle.create("bpmn:FormalExpression", { body: toIsoDuration(seconds) }),
      });
      return moddle.create("bpmn:IntermediateCatchEvent", { id, name, eventDefinitions: [timer] });
    }
    case "end":
      return moddle.create("bpmn:EndEvent", { id, name });
    default:
      return assertNever(node);
  }
}

/** A line or two a designer reads in the BPMN editor's documentation field. */
function describeStep(node: Node, model: Model): string {
  const lines: string[] = [];
  if (node.kind === "work") {
    const team = model.teams.find((t) => t.id === node.team);
    lines.push(
      `Team: ${team?.name || node.team} (tier ${team?.tier ?? "?"}); mean handle time ${toIsoDuration(distMean(node.handleTime))}.`,
    );
  }
  if (node.kind === "channel") lines.push(`Channel: ${node.channel}, ${node.arrivals.perHour} contacts an hour.`);
  if (node.kind === "end") lines.push(`Status: ${node.status}.`);
  if (node.notes) lines.push(node.notes);
  return lines.join("\n");
}

function flowName(node: Node, port: string): string | undefined {
  const share = portShare(node, port);
  if (share !== undefined) return `${port} ${Number((share * 100).toFixed(4))}%`;
  return port === "out" ? undefined : port;
}

/** The routing rules that send contacts out by `port`, in words. */
function conditionText(node: Node, port: string, model: Model): string | undefined {
  if (node.kind !== "route" || node.split) return undefined;
  const rules = (node.rules ?? []).filter((rule) => rule.port === port);
  if (rules.length === 0) return undefined;
  return rules.map((rule) => describeCondition(rule.if, model)).join(" or ");
}

function connect(flow: BpmnElement): void {
  const source = flow.sourceRef as BpmnElement;
  const target = flow.targetRef as BpmnElement;
  source.outgoing = [...((source.outgoing as BpmnElement[] | undefined) ?? []), flow];
  target.incoming = [...((target.incoming as BpmnElement[] | undefined) ?? []), flow];
}

function laneShapes(
  moddle: Moddle,
  model: Model,
  positions: Positions,
  elements: Map<string, BpmnElement>,
  exits: Map<string, BpmnElement>,
  ids: ReturnType<typeof bpmnIds>,
): { element: BpmnElement; bounds: Bounds }[] {
  const bands = computeLanes(model, positions);
  return bands.map((lane, index) => {
    const teams = model.teams.filter((team) => team.tier === lane.key).map((team) => team.name || team.id);
    const name = lane.key === 0 ? "Intake" : teams.length > 0 ? `${lane.label}: ${teams.join(", ")}` : lane.label;
    const refs: BpmnElement[] = [];
    for (const id of lane.nodeIds) {
      const element = elements.get(id);
      if (element) refs.push(element);
      const exit = exits.get(id);
      if (exit && exit !== element) refs.push(exit);
    }
    const element = moddle.create("bpmn:Lane", { id: ids.lane(lane.key), name: bpmnText(name), flowNodeRef: refs });
    // BPMN lanes tile their pool: each reaches down to the next one.
    const next = bands[index + 1];
    const height = next && next.y > lane.y + lane.height ? next.y - lane.y : lane.height;
    return { element, bounds: { x: lane.x, y: lane.y, width: lane.width, height } };
  });
}

function poolBounds(lanes: Bounds[], shapes: Bounds[]): Bounds {
  const all = [...lanes, ...shapes];
  if (all.length === 0) return { x: 0, y: 0, width: 600, height: 250 };
  const left = Math.min(...all.map((b) => b.x)) - POOL_HEADER;
  const top = Math.min(...all.map((b) => b.y));
  const right = Math.max(...all.map((b) => b.x + b.width));
  const bottom = Math.max(...all.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function shape(moddle: Moddle, element: BpmnElement, bounds: Bounds, horizontal?: boolean): BpmnElement {
  return moddle.create("bpmndi:BPMNShape", {
    id: `${element.id}_di`,
    bpmnElement: element,
    ...(horizontal ? { isHorizontal: true } : {}),
    bounds: moddle.create("dc:Bounds", { ...bounds }),
  });
}

/**
 * Orthogonal waypoints from the right of `from` to the left of `to`; from a gateway to a step
 * above or below, out of its top or bottom corner, as BPMN editors draw it; a way back goes
 * under the pool.
 */
function route(from: Bounds, to: Bounds, bottom: number): { x: number; y: number }[] {
  const end = { x: to.x, y: to.y + to.height / 2 };
  const centreX = from.x + from.width / 2;
  const centreY = from.y + from.height / 2;
  if (isGateway(from) && Math.abs(end.y - centreY) > from.height / 2 && end.x - centreX >= 20) {
    const start = { x: centreX, y: end.y > centreY ? from.y + from.height : from.y };
    return [start, { x: centreX, y: end.y }, end];
  }
  const start = { x: from.x + from.width, y: centreY };
  if (end.x - start.x >= 20) {
    if (start.y === end.y) return [start, end];
    const middle = (start.x + end.x) / 2;
    return [start, { x: middle, y: start.y }, { x: middle, y: end.y }, end];
  }
  const below = bottom - 12;
  return [
    start,
    { x: start.x + 12, y: start.y },
    { x: start.x + 12, y: below },
    { x: end.x - 12, y: below },
    { x: end.x - 12, y: end.y },
    end,
  ];
}

function isGateway(bounds: Bounds): boolean {
  return bounds.width === 50 && bounds.height === 50;
}
