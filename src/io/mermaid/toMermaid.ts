/**
 * Export of a flow as a Mermaid `flowchart LR`: one node per step with a shape by kind,
 * edges labelled with their outcome port (and share, where the flow has one), work steps
 * grouped in one subgraph per team. fromMermaid reads all of this back.
 */
import { edgePort, type Model, type Node, nodeLabel, portShare } from "../../model";
import { KIND_SHAPE, wrapInShape } from "./mermaidShapes";

/** Mermaid words that cannot be used as node ids. */
const RESERVED = new Set([
  "end",
  "graph",
  "flowchart",
  "subgraph",
  "style",
  "classdef",
  "class",
  "click",
  "linkstyle",
  "direction",
]);

/** The Mermaid flowchart text of a flow. */
export function toMermaid(model: Model): string {
  const lines = ["---", `title: ${yamlTitle(model.name)}`, "---", "flowchart LR"];
  const teamOf = new Map<string, string>();
  for (const node of model.nodes) if (node.kind === "work") teamOf.set(node.id, node.team);
  for (const node of model.nodes) if (!teamOf.has(node.id)) lines.push(`  ${declare(node)}`);
  for (const team of model.teams) {
    const members = model.nodes.filter((n) => teamOf.get(n.id) === team.id);
    if (members.length === 0) continue;
    const title = `${team.name || team.id} (tier ${team.tier})`;
    lines.push(`  subgraph ${mermaidTeamId(team.id)}["${escapeLabel(title)}"]`);
    for (const node of members) lines.push(`    ${declare(node)}`);
    lines.push("  end");
  }
  // Work steps whose team is missing still need declaring.
  const known = new Set(model.teams.map((t) => t.id));
  for (const node of model.nodes) if (node.kind === "work" && !known.has(node.team)) lines.push(`  ${declare(node)}`);
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  for (const edge of model.edges) {
    const from = byId.get(edge.from);
    const label = from ? edgeLabel(from, edgePort(edge)) : undefined;
    const link = label ? `-->|"${escapeLabel(label)}"|` : "-->";
    lines.push(`  ${mermaidId(edge.from)} ${link} ${mermaidId(edge.to)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The Mermaid id of a node: its own id unless Mermaid reserves it (then with a trailing `_`). */
export function mermaidId(id: string): string {
  return RESERVED.has(id.toLowerCase()) ? `${id}_` : id;
}

/** The Mermaid subgraph id of a team. */
export function mermaidTeamId(teamId: string): string {
  return `team_${teamId}`;
}

/**
 * Escapes text for a quoted Mermaid label: quotes and the HTML characters < > & become
 * Mermaid entity codes (#quot;, #60;, #62;, #38;), so a label never reaches the renderer
 * as markup; a "#" that would read as an entity becomes #35;; a line break becomes <br>
 * and other control characters a space. fromMermaid decodes all of these.
 */
export function escapeLabel(text: string): string {
  return oneLine(text.replace(/\r\n?/g, "\n"), "\n")
    .replace(/#(?=\w+;)/g, "#35;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#60;")
    .replace(/>/g, "#62;")
    .replace(/&/g, "#38;")
    .replace(/\n/g, "<br>");
}

// helpers

/**
 * The flow's name as a double-quoted YAML scalar whose markup characters are \u escapes: the
 * file never holds a raw tag (`<img onerror>`) for a renderer that pastes the title as HTML,
 * and YAML (Mermaid's and the importer's) reads the name back exactly.
 */
function yamlTitle(name: string): string {
  return JSON.stringify(oneLine(name)).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Control characters (but `keep`) as spaces. */
function oneLine(text: string, keep = ""): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
  return text.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029]/g, (c) => (keep.includes(c) ? c : " "));
}

function declare(node: Node): string {
  return `${mermaidId(node.id)}${wrapInShape(KIND_SHAPE[node.kind], escapeLabel(nodeLabel(node)))}`;
}

/** The port, and its share where the node has one: "resolved 72%". Undefined for the plain `out`. */
function edgeLabel(node: Node, port: string): string | undefined {
  const share = portShare(node, port);
  if (port === "out" && share === undefined) return undefined;
  return share === undefined ? port : `${port} ${formatPercent(share)}`;
}

function formatPercent(share: number): string {
  return `${Number((share * 100).toFixed(6))}%`;
}
