/**
 * Turns a parsed Mermaid graph into an editable flow: each box becomes a node kind by its
 * shape, its words and its place in the graph (a box nothing leads to is where contacts
 * enter; a box that leads nowhere closes the ticket), decision branches become ports, and
 * sensible defaults fill the simulation parameters. Every guess is listed in the report so
 * the user knows which fields to check.
 */
import { type ModelFile, type NodeKind, parseModel } from "../../model";
import type { ParseResult } from "../../model/parse";
import { kindOfShape } from "./mermaidShapes";
import type { MermaidEdge, MermaidGraph, MermaidNode, MermaidProblem } from "./parseMermaid";

/** One field the import could not read from the diagram and filled with a default. */
export interface ImportGuess {
  /** The node concerned (absent for a team-wide guess). */
  nodeId?: string;
  teamId?: string;
  /** The field filled, e.g. "arrivals.perHour", "outcomes", "kind". */
  field: string;
  message: string;
}

export interface ImportReport {
  guessed: ImportGuess[];
  warnings: MermaidProblem[];
}

type NodeFile = ModelFile["nodes"] extends (infer N)[] | undefined ? N : never;
type TeamFile = NonNullable<ModelFile["teams"]>[number];

const DEFAULT_ARRIVALS_PER_HOUR = 20;
const DEFAULT_AGENTS = 5;

/** Builds a flow (without layout) and the report of what was guessed. */
export function guessFlow(graph: MermaidGraph): { model: ParseResult; report: ImportReport } {
  const report: ImportReport = { guessed: [], warnings: [...graph.warnings] };
  const ids = assignIds(graph.nodes);
  const outs = new Map<string, MermaidEdge[]>();
  const ins = new Map<string, MermaidEdge[]>();
  for (const node of graph.nodes) {
    outs.set(node.id, []);
    ins.set(node.id, []);
  }
  for (const edge of graph.edges) {
    outs.get(edge.from)!.push(edge);
    ins.get(edge.to)!.push(edge);
  }
  const teams = new Map<string, TeamFile>();
  const nodes: NodeFile[] = [];
  const edges: NonNullable<ModelFile["edges"]> = [];
  const guess = (nodeId: string, field: string, message: string) => report.guessed.push({ nodeId, field, message });

  for (const source of graph.nodes) {
    const id = ids.get(source.id)!;
    const out = outs.get(source.id)!;
    const inbound = ins.get(source.id)!;
    if (out.length === 0 && inbound.length === 0) {
      report.warnings.push({
        line: source.line,
        column: 1,
        message: `"${source.label}" (${source.id}) is not connected to anything and was left out`,
      });
      continue;
    }
    const kind = chooseKind(source, out, inbound);
    const base = { id, ...(source.label !== source.id ? { label: source.label } : {}) };
    const ports = portsOf(kind, out, graph, ids);
    const shares = sharesOf(ports);
    const name = `"${source.label}" (${id})`;
    switch (kind) {
      case "channel": {
        const channel = channelType(source.label);
        nodes.push({ ...base, kind, channel: channel.value, arrivals: { perHour: DEFAULT_ARRIVALS_PER_HOUR } });
        guess(
          id,
          "arrivals.perHour",
          `${name}: contacts arrive at ${DEFAULT_ARRIVALS_PER_HOUR} per hour (a placeholder: enter your volume)`,
        );
        if (channel.guessed) guess(id, "channel", `${name}: channel taken to be ${channel.value}`);
        if (out.length > 1) {
          // A channel has one exit: a split right after it keeps the diagram's branches.
          const splitId = uniqueId(`${id}-split`, ids);
          nodes.push({ id: splitId, kind: "route", label: `${source.label} split`, split: shares.values });
          guess(splitId, "split", `${name} leads to ${out.length} places: added a split with equal shares`);
          edges.push({ id: `e${edges.length + 1}`, from: id, to: splitId });
          for (const port of ports)
            edges.push({ id: `e${edges.length + 1}`, from: splitId, port: port.name, to: port.to });
          continue;
        }
        break;
      }
      case "end": {
        const unresolved = /unresolved|not resolved|escalat|re-?open|fail|abandon|lost|cancel/i.test(source.label);
        nodes.push({ ...base, kind, status: unresolved ? "unresolved" : "resolved" });
        if (!/\b(closed?|resolved|done|end|finish(ed)?|complete[d]?)\b/i.test(source.label) || unresolved) {
          guess(
            id,
            "status",
            `${name} leads nowhere, so the ticket ends here as ${unresolved ? "unresolved" : "resolved"}`,
          );
        }
        break;
      }
      case "selfService": {
        const resolvedShare = shares.given ? shares.values.resolved : undefined;
        nodes.push({ ...base, kind, deflection: resolvedShare ?? 0.3 });
        if (resolvedShare === undefined)
          guess(id, "deflection", `${name}: 30% of contacts taken to be resolved by self-service`);
        break;
      }
      case "route":
        nodes.push({ ...base, kind, split: shares.values });
        if (!shares.given) guess(id, "split", `${name}: branches ${listPorts(ports)} get equal shares`);
        break;
      case "followUp":
        nodes.push({ ...base, kind, wait: "1d", outcomes: shares.values });
        guess(id, "wait", `${name}: waits 1 day for the customer`);
        if (!shares.given && ports.length > 1)
          guess(id, "outcomes", `${name}: outcomes ${listPorts(ports)} get equal shares`);
        break;
      case "work": {
        const team = teamFor(source, graph, teams);
        nodes.push({
          ...base,
          kind,
          team: team.id,
          handleTime: { dist: "lognormal", mean: "6m", sd: "4m" },
          outcomes: shares.values,
        });
        guess(id, "handleTime", `${name}: handle time 6 min on average (sd 4 min)`);
        guess(id, "team", `${name}: handled by team "${team.name}" (tier ${team.tier}, ${team.agents} agents)`);
        if (!shares.given && ports.length > 1)
          guess(id, "outcomes", `${name}: outcomes ${listPorts(ports)} get equal shares`);
        break;
      }
      case "delay":
        nodes.push({ ...base, kind, duration: "1m" });
        guess(id, "duration", `${name}: an automated step taking 1 min`);
        break;
      case "escalate":
        nodes.push({ ...base, kind, handoff: "structured" });
        break;
    }
    if (kindWasGuessed(source, kind)) guess(id, "kind", `${name} taken to be ${KIND_WORDS[kind]}`);
    for (const port of ports) {
      edges.push({
        id: `e${edges.length + 1}`,
        from: id,
        to: port.to,
        ...(port.name !== "out" ? { port: port.name } : {}),
      });
    }
  }
  const file: ModelFile = {
    format: "flowcast/v1",
    name: graph.title ?? "Imported flowchart",
    teams: [...teams.values()],
    nodes,
    edges,
  };
  return { model: parseModel(file), report };
}

// helpers

const KIND_WORDS: Record<NodeKind, string> = {
  channel: "a channel where contacts enter",
  selfService: "a self-service step",
  route: "a routing decision",
  work: "a work step",
  escalate: "an escalation",
  followUp: "a follow-up",
  delay: "an automated step",
  end: "the close of the ticket",
};

const SELF_SERVICE = /self[- ]?serv|knowledge ?base|\bkb\b|faq|chat ?bot|\bbot\b|help ?cent|\bivr\b/i;
const FOLLOW_UP = /confirm|follow|wait for|check back|customer repl/i;
const ESCALATE = /escalat/i;
const CLOSED = /\b(closed?|resolved|done|finish(ed)?)\b/i;
const AUTOMATED = /\bauto|automat|\bcreated\b|\bsent\b|notif|acknowledg|\bsurvey\b/i;

interface Port {
  name: string;
  to: string;
  share?: number;
}

function chooseKind(node: MermaidNode, out: MermaidEdge[], inbound: MermaidEdge[]): NodeKind {
  if (out.length === 0) return "end";
  if (inbound.length === 0) return "channel";
  const byShape = kindOfShape(node.shape);
  const single = out.length === 1;
  if (byShape === "selfService" && selfServiceBranches(out)) return "selfService";
  if (byShape === "followUp") return "followUp";
  if ((byShape === "escalate" || byShape === "delay") && single) return byShape;
  if (node.shape === "rhombus") {
    if (SELF_SERVICE.test(node.label) && selfServiceBranches(out)) return "selfService";
    if (FOLLOW_UP.test(node.label)) return "followUp";
    return "route";
  }
  if (single && ESCALATE.test(node.label)) return "escalate";
  if (single && (CLOSED.test(node.label) || AUTOMATED.test(node.label))) return "delay";
  return "work";
}

/** Whether the shape or words alone did not decide the kind. */
function kindWasGuessed(node: MermaidNode, kind: NodeKind): boolean {
  return kindOfShape(node.shape) !== kind && !(kind === "route" && node.shape === "rhombus");
}

/** Maps a self-service decision's branches to its resolved / contact ports, or undefined. */
function selfServiceBranches(out: MermaidEdge[]): Map<MermaidEdge, string> | undefined {
  if (out.length !== 2) return undefined;
  const named = out.map((edge) => selfServicePort(stripShare(edge.label ?? "").name));
  if (named[0] === undefined && named[1] !== undefined) named[0] = named[1] === "resolved" ? "contact" : "resolved";
  if (named[1] === undefined && named[0] !== undefined) named[1] = named[0] === "resolved" ? "contact" : "resolved";
  if (!named[0] || !named[1] || named[0] === named[1]) return undefined;
  return new Map(out.map((edge, i) => [edge, named[i]!]));
}

function selfServicePort(label: string): string | undefined {
  if (/\b(no|not|contact|fail(ed|s)?|agent|human|escalat\w*)\b/i.test(label)) return "contact";
  if (/\b(yes|resolved|solved|deflected|success|found|ok)\b/i.test(label)) return "resolved";
  return undefined;
}

function portsOf(kind: NodeKind, out: MermaidEdge[], graph: MermaidGraph, ids: Map<string, string>): Port[] {
  if (kind === "end") return [];
  if (kind === "selfService") {
    const names = selfServiceBranches(out)!;
    return out.map((edge) => ({ name: names.get(edge)!, to: ids.get(edge.to)!, ...shareOf(edge) }));
  }
  if ((kind === "delay" || kind === "escalate") && out.length === 1) return [{ name: "out", to: ids.get(out[0]!.to)! }];
  const used = new Set<string>();
  return out.map((edge, index) => {
    const { name, share } = stripShare(edge.label ?? "");
    let port = name || (kind === "channel" ? `branch ${index + 1}` : defaultPort(kind, edge, graph, index));
    for (let n = 2; used.has(port); n++) port = `${name || port} ${n}`;
    used.add(port);
    return {
      name: kind === "channel" && out.length === 1 ? "out" : port,
      to: ids.get(edge.to)!,
      ...(share !== undefined ? { share } : {}),
    };
  });
}

function defaultPort(kind: NodeKind, edge: MermaidEdge, graph: MermaidGraph, index: number): string {
  if (kind === "route") return `branch ${index + 1}`;
  const target = nodeById(graph).get(edge.to);
  if (target && ESCALATE.test(target.label)) return "escalate";
  if (target && CLOSED.test(target.label)) return "resolved";
  return "done";
}

const nodeMaps = new WeakMap<MermaidGraph, Map<string, MermaidNode>>();

/** The graph's nodes by id, built once per graph: a search per edge is quadratic. */
function nodeById(graph: MermaidGraph): Map<string, MermaidNode> {
  let map = nodeMaps.get(graph);
  if (!map) {
    map = new Map(graph.nodes.map((n) => [n.id, n]));
    nodeMaps.set(graph, map);
  }
  return map;
}

function shareOf(edge: MermaidEdge): { share?: number } {
  const { share } = stripShare(edge.label ?? "");
  return share !== undefined ? { share } : {};
}

/** "resolved 72%" -> { name: "resolved", share: 0.72 }. */
function stripShare(label: string): { name: string; share?: number } {
  const match = /^(.*?)\s*\(?(\d+(?:\.\d+)?)\s*%\)?$/.exec(label.trim());
  if (!match) return { name: label.trim() };
  return { name: match[1]!.trim(), share: Number(match[2]) / 100 };
}

/** Shares by port: the diagram's when it gives them for every port (and they add up), else equal. */
function sharesOf(ports: Port[]): { values: Record<string, number>; given: boolean } {
  const total = ports.reduce((sum, p) => sum + (p.share ?? Number.NaN), 0);
  const given = ports.length > 0 && Math.abs(total - 1) < 0.01;
  const values: Record<string, number> = {};
  // Shares written as rounded percents may miss 1 by a little: spread the difference.
  const scale = Math.abs(total - 1) < 1e-9 ? 1 : 1 / total;
  for (const port of ports) values[port.name] = given ? port.share! * scale : 1 / ports.length;
  return { values, given };
}

function listPorts(ports: Port[]): string {
  return ports.map((p) => `"${p.name}"`).join(", ");
}

function channelType(label: string): {
  value: "phone" | "chat" | "email" | "webform" | "social" | "messaging";
  guessed: boolean;
} {
  if (/phone|call/i.test(label)) return { value: "phone", guessed: false };
  if (/chat/i.test(label)) return { value: "chat", guessed: false };
  if (/e-?mail/i.test(label)) return { value: "email", guessed: false };
  if (/social|twitter|facebook|instagram/i.test(label)) return { value: "social", guessed: false };
  if (/whatsapp|sms|messag/i.test(label)) return { value: "messaging", guessed: false };
  if (/form|web/i.test(label)) return { value: "webform", guessed: false };
  return { value: "webform", guessed: true };
}

/** The team of a work step: its subgraph's, else a default team for the tier its words name. */
function teamFor(node: MermaidNode, graph: MermaidGraph, teams: Map<string, TeamFile>): TeamFile {
  const subgraph = graph.subgraphs.find((s) => s.id === node.subgraph);
  const hint = subgraph ? subgraph.title : node.label;
  const tier = Number(/tier\s*(\d+)|\bL([1-9])\b/i.exec(hint)?.slice(1).find(Boolean) ?? 1);
  const id = subgraph ? sanitizeId(subgraph.id.replace(/^team_/, "")) : `tier${tier}`;
  const name = subgraph ? subgraph.title.replace(/\s*\(tier \d+\)$/i, "") : `Tier ${tier} support`;
  let team = teams.get(id);
  if (!team) {
    team = { id, name, tier, agents: DEFAULT_AGENTS };
    teams.set(id, team);
  }
  return team;
}

/** Model ids for the diagram's ids (ids Flowcast exported with a trailing `_` get it back). */
function assignIds(nodes: MermaidNode[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const node of nodes) {
    const reserved = /^(end|graph|flowchart|subgraph|style|classDef|class|click|linkStyle|direction)_$/i.test(node.id);
    let id = reserved ? node.id.slice(0, -1) : sanitizeId(node.id);
    for (let n = 2; used.has(id); n++) id = `${sanitizeId(node.id)}-${n}`;
    used.add(id);
    ids.set(node.id, id);
  }
  return ids;
}

function uniqueId(wanted: string, ids: Map<string, string>): string {
  const used = new Set(ids.values());
  let id = wanted;
  for (let n = 2; used.has(id); n++) id = `${wanted}-${n}`;
  ids.set(`\u0000${id}`, id);
  return id;
}

function sanitizeId(id: string): string {
  const clean = id.replace(/[^A-Za-z0-9_-]/g, "_").replace(/^-/, "_");
  return clean || "node";
}
