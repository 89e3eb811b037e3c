/**
 * A tolerant reader of Mermaid flowchart syntax (`graph`/`flowchart` with any direction):
 * node declarations in every bracket shape, quoted labels, `<br>` line breaks, links with
 * and without text (`-->`, `-->|text|`, `-- text -->`, `-.->`, `==>`, `---`), chains
 * `A --> B --> C`, `A & B --> C`, `;` line ends, `%%` comments, subgraphs, and front matter
 * with a title. Styling lines (classDef, style, ...) are skipped with a warning. Mistakes
 * are reported with their line and column; nothing here throws.
 */
import { type MermaidShape, SHAPE_BRACKETS } from "./mermaidShapes";

export interface MermaidNode {
  id: string;
  label: string;
  shape: MermaidShape;
  /** Whether the node was declared with a shape (not only mentioned by id). */
  declared: boolean;
  /** Subgraph the node was first declared in. */
  subgraph?: string;
  line: number;
}

export interface MermaidEdge {
  from: string;
  to: string;
  label?: string;
  line: number;
}

export interface MermaidSubgraph {
  id: string;
  title: string;
  line: number;
}

export interface MermaidProblem {
  line: number;
  column: number;
  message: string;
}

export interface MermaidGraph {
  title?: string;
  direction: string;
  nodes: MermaidNode[];
  edges: MermaidEdge[];
  subgraphs: MermaidSubgraph[];
  warnings: MermaidProblem[];
}

export type MermaidParseResult = { ok: true; graph: MermaidGraph } | { ok: false; errors: MermaidProblem[] };

const IGNORED_KEYWORDS = new Set(["classdef", "class", "style", "linkstyle", "click"]);

/** Most links and nodes an import takes: far above any real flow, low enough to lay out. */
export const MAX_EDGES = 20_000;
export const MAX_NODES = 10_000;
/** Reading stops after this many mistakes: the rest is likely not a flowchart either. */
const MAX_ERRORS = 50;

/** Reads Mermaid flowchart text into nodes, edges and subgraphs. */
export function parseMermaid(text: string): MermaidParseResult {
  return new Reader(text.replace(/\r\n?/g, "\n")).read();
}

// helpers

class ParseError extends Error {
  constructor(
    message: string,
    readonly at: number,
    /** Reading cannot go on (a limit was reached). */
    readonly fatal = false,
  ) {
    super(message);
  }
}

class Reader {
  private at = 0;
  private graph: MermaidGraph = { direction: "TD", nodes: [], edges: [], subgraphs: [], warnings: [] };
  private nodeIndex = new Map<string, MermaidNode>();
  private openSubgraphs: string[] = [];
  private errors: MermaidProblem[] = [];
  private seenHeader = false;
  /** Offsets where each line starts, for line and column numbers in O(log n). */
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
  }

  read(): MermaidParseResult {
    this.readFrontMatter();
    while (this.skipBlank()) {
      const start = this.at;
      try {
        this.readStatement();
        this.expectStatementEnd();
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
        this.errors.push({ ...this.position(error.at), message: error.message });
        this.skipLine();
        if (!this.seenHeader || error.fatal) break;
        if (this.errors.length >= MAX_ERRORS) {
          this.errors.push({ ...this.position(this.at), message: `stopped reading after ${MAX_ERRORS} mistakes` });
          break;
        }
      }
      if (this.at === start) this.skipLine();
    }
    if (this.errors.length === 0 && !this.seenHeader) {
      this.errors.push({
        line: 1,
        column: 1,
        message: 'no flowchart found: expected a line "flowchart LR" or "graph TD"',
      });
    }
    if (this.errors.length === 0 && this.openSubgraphs.length > 0) {
      const open = this.graph.subgraphs.find((s) => s.id === this.openSubgraphs.at(-1));
      this.errors.push({
        line: open?.line ?? 1,
        column: 1,
        message: `subgraph "${open?.title}" is never closed with "end"`,
      });
    }
    return this.errors.length > 0 ? { ok: false, errors: this.errors } : { ok: true, graph: this.graph };
  }

  private readFrontMatter(): void {
    const match = /^\s*---\n([\s\S]*?)\n---[ \t]*(\n|$)/.exec(this.text);
    if (!match) return;
    const title = /^title:\s*(.*)$/m.exec(match[1]!);
    if (title) this.graph.title = readYamlString(title[1]!.trim());
    this.at = match[0].length;
  }

  private readStatement(): void {
    if (this.text.startsWith("%%", this.at)) {
      this.skipLine();
      return;
    }
    const wordStart = this.at;
    const word = /[A-Za-z]+/y;
    word.lastIndex = this.at;
    const keyword = word.exec(this.text)?.[0] ?? "";
    const lower = keyword.toLowerCase();
    const isKeyword = (k: string) => lower === k && !/[\w-]/.test(this.text[wordStart + k.length] ?? "");
    if (!this.seenHeader) {
      if (!isKeyword("graph") && !isKeyword("flowchart")) {
        const shown = this.text.slice(this.at, this.lineEnd()).trim().slice(0, 30);
        throw new ParseError(`expected "flowchart" or "graph" to start the diagram, found "${shown}"`, this.at);
      }
      this.at += keyword.length;
      this.skipSpaces();
      const direction = /(TB|TD|BT|RL|LR)\b/iy;
      direction.lastIndex = this.at;
      const found = direction.exec(this.text);
      if (found) {
        this.graph.direction = found[1]!.toUpperCase();
        this.at += found[0].length;
      }
      this.seenHeader = true;
      return;
    }
    if (isKeyword("subgraph")) {
      this.readSubgraph(keyword.length);
      return;
    }
    if (isKeyword("end")) {
      if (this.openSubgraphs.length === 0) throw new ParseError('"end" without an open subgraph', this.at);
      this.openSubgraphs.pop();
      this.at += 3;
      return;
    }
    if (isKeyword("direction")) {
      this.skipLine();
      return;
    }
    if (IGNORED_KEYWORDS.has(lower) && isKeyword(lower)) {
      this.graph.warnings.push({
        ...this.position(this.at),
        message: `"${keyword}" line ignored: styling does not carry over`,
      });
      this.skipLine();
      return;
    }
    this.readChain();
  }

  private readSubgraph(length: number): void {
    const line = this.position(this.at).line;
    this.at += length;
    const rest = this.text.slice(this.at, this.lineEnd()).replace(/;\s*$/, "").trim();
    this.at = this.lineEnd();
    const match = /^([\w-]+)\s*\[\s*(.*?)\s*\]$/.exec(rest);
    const id = match ? match[1]! : /^[\w-]+$/.test(rest) ? rest : `subgraph${this.graph.subgraphs.length + 1}`;
    const title = cleanLabel(match ? match[2]! : rest) || id;
    this.graph.subgraphs.push({ id, title, line });
    this.openSubgraphs.push(id);
  }

  /** `group (link group)*` where a group is `node (& node)*`. */
  private readChain(): void {
    let sources = this.readGroup();
    for (;;) {
      this.skipSpaces();
      const link = this.readLink();
      if (!link) return;
      this.skipSpaces();
      const targets = this.readGroup();
      const line = this.position(link.at).line;
      if (this.graph.edges.length + sources.length * targets.length > MAX_EDGES) {
        throw new ParseError(
          `this line would make the diagram more than ${MAX_EDGES.toLocaleString("en")} links; Flowcast imports at most that many`,
          link.at,
          true,
        );
      }
      for (const from of sources)
        for (const to of targets)
          this.graph.edges.push({ from, to, line, ...(link.label ? { label: link.label } : {}) });
      sources = targets;
    }
  }

  private readGroup(): string[] {
    const ids = [this.readNode()];
    for (;;) {
      this.skipSpaces();
      if (this.text[this.at] !== "&") return ids;
      this.at++;
      this.skipSpaces();
      ids.push(this.readNode());
    }
  }

  private readNode(): string {
    const start = this.at;
    const idPattern = /[\p{L}\p{N}_](?:[\p{L}\p{N}_]|-(?=[\p{L}\p{N}_]))*/uy;
    idPattern.lastIndex = this.at;
    const id = idPattern.exec(this.text)?.[0];
    if (!id) {
      const found = this.text[this.at] ?? "";
      throw new ParseError(
        found && found !== "\n" ? `expected a node id, found "${found}"` : "expected a node id",
        this.at,
      );
    }
    this.at += id.length;
    const line = this.position(start).line;
    const shaped = this.readShape();
    if (this.text.startsWith(":::", this.at)) {
      this.at += 3;
      while (/[\w-]/.test(this.text[this.at] ?? "")) this.at++;
    }
    let node = this.nodeIndex.get(id);
    if (!node && this.graph.nodes.length >= MAX_NODES) {
      throw new ParseError(
        `the diagram has more than ${MAX_NODES.toLocaleString("en")} nodes; Flowcast imports at most that many`,
        start,
        true,
      );
    }
    if (!node) {
      node = { id, label: id, shape: "rect", declared: false, line };
      if (this.openSubgraphs.length > 0) node.subgraph = this.openSubgraphs.at(-1);
      this.nodeIndex.set(id, node);
      this.graph.nodes.push(node);
    }
    if (shaped) {
      node.label = shaped.label || id;
      node.shape = shaped.shape;
      if (!node.declared && this.openSubgraphs.length > 0) node.subgraph = this.openSubgraphs.at(-1);
      node.declared = true;
      node.line = line;
    }
    return id;
  }

  private readShape(): { shape: MermaidShape; label: string } | undefined {
    const brackets = SHAPE_BRACKETS.find((b) => this.text.startsWith(b.open, this.at));
    if (!brackets) return undefined;
    const openAt = this.at;
    this.at += brackets.open.length;
    this.skipSpaces();
    let raw: string;
    if (this.text[this.at] === '"') {
      const close = this.indexInLine('"', this.at + 1);
      if (close < 0) {
        throw new ParseError("a quoted label is not closed with a quote", this.at);
      }
      raw = this.text.slice(this.at + 1, close);
      this.at = close + 1;
      this.skipSpaces();
      const closer = brackets.close.find((c) => this.text.startsWith(c, this.at));
      if (!closer) throw new ParseError(`expected "${brackets.close[0]}" to close the label opened here`, openAt);
      this.at += closer.length;
    } else {
      let best = -1;
      let bestCloser = "";
      for (const closer of brackets.close) {
        const found = this.indexInLine(closer, this.at);
        if (found >= 0 && (best < 0 || found < best)) {
          best = found;
          bestCloser = closer;
        }
      }
      if (best < 0)
        throw new ParseError(`"${brackets.open}" is not closed with "${brackets.close[0]}" on this line`, openAt);
      raw = this.text.slice(this.at, best);
      this.at = best + bestCloser.length;
    }
    return { shape: brackets.shape, label: cleanLabel(raw) };
  }

  /** A link and its text, or undefined when none starts here. */
  private readLink(): { label?: string; at: number } | undefined {
    const at = this.at;
    const plain = /(<|[ox](?=[-=.]))?(-{2,}|={2,}|-\.+-?|~{3,})(>|[ox](?![\p{L}\p{N}_]))?/uy;
    plain.lastIndex = at;
    const match = plain.exec(this.text);
    if (!match) return undefined;
    this.at += match[0].length;
    const body = match[2]!;
    const isTextOpener = !match[3] && !match[1] && (body === "--" || body === "==" || /^-\.+$/.test(body));
    let label: string | undefined;
    if (isTextOpener) {
      const closing = body.startsWith("=")
        ? /={2,}>|={3,}/g
        : body.startsWith("-.")
          ? /\.+-+>?/g
          : /-{2,}>|-{3,}|-{2,}[ox](?![\w])/g;
      // Search this line only: a search to the end of the text on every line is quadratic.
      const end = this.lineEnd();
      const found = closing.exec(this.text.slice(this.at, end));
      if (found) found.index += this.at;
      if (!found) {
        throw new ParseError(`the link "${body} text" is not finished with an arrow such as "-->" on this line`, at);
      }
      label = cleanLabel(this.text.slice(this.at, found.index));
      this.at = found.index + found[0].length;
    }
    this.skipSpaces();
    if (this.text[this.at] === "|") {
      // A quoted text may hold a "|": it ends at the quote before the closing bar.
      const quoted = this.text[this.at + 1] === '"' ? this.indexInLine('"|', this.at + 2) : -1;
      const close = quoted >= 0 ? quoted + 1 : this.indexInLine("|", this.at + 1);
      if (close < 0) throw new ParseError('the link text is not closed with "|"', this.at);
      label = cleanLabel(unquote(this.text.slice(this.at + 1, close).trim()));
      this.at = close + 1;
    }
    return { at, ...(label ? { label } : {}) };
  }

  private expectStatementEnd(): void {
    this.skipSpaces();
    const char = this.text[this.at];
    if (char === undefined || char === "\n") return;
    if (char === ";") {
      this.at++;
      return;
    }
    if (this.text.startsWith("%%", this.at)) {
      this.skipLine();
      return;
    }
    throw new ParseError(`unexpected "${char}": expected a link such as "-->" or the end of the line`, this.at);
  }

  /** Skips spaces, blank lines and `;`; false at the end of the text. */
  private skipBlank(): boolean {
    while (this.at < this.text.length && /[\s;]/.test(this.text[this.at]!)) this.at++;
    return this.at < this.text.length;
  }

  private skipSpaces(): void {
    while (this.text[this.at] === " " || this.text[this.at] === "\t") this.at++;
  }

  private skipLine(): void {
    this.at = this.lineEnd();
  }

  private lineEnd(): number {
    const end = this.text.indexOf("\n", this.at);
    return end < 0 ? this.text.length : end;
  }

  /** Where `search` occurs from `from` on the current line, or -1 (never looks past the line). */
  private indexInLine(search: string, from: number): number {
    const end = this.lineEnd();
    const found = this.text.slice(from, end).indexOf(search);
    return found < 0 ? -1 : from + found;
  }

  private position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] as number) + 1 };
  }
}

/** Label text as a person reads it: `<br>` as a space, entities decoded, markdown quotes dropped. */
function cleanLabel(raw: string): string {
  return (
    unquote(raw.trim())
      .replace(/^`([\s\S]*)`$/, "$1")
      .replace(/<br\s*\/?>/gi, " ")
      // One pass, so that a decoded "&" or "#" never starts another entity.
      .replace(/#quot;|#(\d+);|&(quot|lt|gt|amp);/g, (entity: string, code?: string, name?: string) => {
        if (code !== undefined) return fromCodePoint(Number(code)) ?? entity;
        return { quot: '"', lt: "<", gt: ">", amp: "&" }[name ?? "quot"] ?? entity;
      })
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** A YAML scalar as front matter writes it: "double quoted" (JSON escapes), 'single quoted' or plain. */
function readYamlString(text: string): string {
  if (text.startsWith('"')) {
    try {
      return String(JSON.parse(text));
    } catch {
      return unquote(text);
    }
  }
  if (text.startsWith("'") && text.endsWith("'") && text.length >= 2) return text.slice(1, -1).replace(/''/g, "'");
  return text;
}

/** The character of a numeric entity, or undefined when the number is no character (#99999999;). */
function fromCodePoint(code: number): string | undefined {
  if (!Number.isInteger(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return String.fromCodePoint(code);
}

function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}
