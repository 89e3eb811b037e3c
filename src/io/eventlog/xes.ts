/**
 * Reads an XES log (IEEE 1849) as rows for the event-log reader, streamed: traces become
 * tickets (`case:concept:name`, the trace's `concept:name`), each event a row whose fields
 * are the event's attributes named by the column map (`concept:name`, `time:timestamp`,
 * `org:group`, `org:resource`, `lifecycle:transition`, …); a key the event lacks is taken
 * from its trace (case attributes such as priority or channel). Only what XES needs of XML
 * is read: elements, attributes, comments, processing instructions, CDATA (skipped). A
 * DOCTYPE or entity declaration is refused (no entity is ever expanded: the "billion laughs"
 * file stops at once), as are undefined entity references and nesting deeper than 64 levels.
 * Pure: the caller feeds text (gunzipped already).
 */
import { EventLogError } from "./reader";

/** The columns of a Flowcast XES log and of most XES logs (pm4py's names for the case). */
export const XES_KEYS = {
  case: "case:concept:name",
  time: "time:timestamp",
  activity: "concept:name",
  team: "org:group",
  resource: "org:resource",
  lifecycle: "lifecycle:transition",
} as const;

const MAX_DEPTH = 64;
/** A single tag longer than this is not XES. */
const MAX_TAG_CHARS = 1 << 20;
const ATTRIBUTE_ELEMENTS = new Set(["string", "date", "int", "float", "boolean", "id"]);
const TAG = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export class XesRows {
  private text = "";
  private line = 1;
  private readonly stack: string[] = [];
  private trace: Map<string, string> | undefined;
  private event: Map<string, string> | undefined;
  private eventLine = 0;
  private pending: { attrs: Map<string, string>; line: number }[] = [];
  private started = false;
  /** Traces and events read. */
  traces = 0;
  events = 0;

  /**
   * @param keys the attribute keys to hand on, in order: the header row (`case:KEY` is the
   *   trace's attribute KEY)
   * @param row receives the header once, then one row per event, with the event's line
   */
  constructor(
    private readonly keys: readonly string[],
    private readonly row: (fields: string[], line: number) => void,
  ) {}

  push(chunk: string): void {
    this.text += chunk;
    this.scan(false);
  }

  end(): void {
    this.scan(true);
    if (!this.started) throw new EventLogError("the file is not an XES log: no <log> element");
    if (this.stack.length > 0)
      throw new EventLogError(`the XES log ends inside <${this.stack.at(-1)}> (the file is cut short)`, this.line);
  }

  private scan(atEnd: boolean): void {
    const s = this.text;
    let pos = 0;
    for (;;) {
      const lt = s.indexOf("<", pos);
      if (lt < 0) {
        this.advance(s, pos, s.length);
        pos = s.length;
        break;
      }
      this.advance(s, pos, lt);
      pos = lt;
      if (s.startsWith("<!--", pos)) {
        const e = s.indexOf("-->", pos + 4);
        if (e < 0) break;
        this.advance(s, pos, e + 3);
        pos = e + 3;
        continue;
      }
      if (s.startsWith("<?", pos)) {
        const e = s.indexOf("?>", pos + 2);
        if (e < 0) break;
        this.advance(s, pos, e + 2);
        pos = e + 2;
        continue;
      }
      if (s.startsWith("<![CDATA[", pos)) {
        const e = s.indexOf("]]>", pos + 9);
        if (e < 0) break;
        this.advance(s, pos, e + 3);
        pos = e + 3;
        continue;
      }
      if (s.startsWith("<!", pos)) {
        if (s.length - pos < 9 && !atEnd) break;
        throw new EventLogError(
          `line ${this.line}: the XES file has a DOCTYPE or entity declaration; Flowcast does not expand XML entities (a file can use them to grow without bound). Remove the declaration`,
          this.line,
        );
      }
      TAG.lastIndex = pos;
      const m = TAG.exec(s);
      if (!m) {
        // Not yet whole (wait for the next chunk) unless the input ended or it is too long.
        if (!atEnd && s.length - pos < MAX_TAG_CHARS) break;
        if (s.indexOf(">", pos) < 0)
          throw new EventLogError(
            `line ${this.line}: the XES log ends in the middle of a tag (the file is cut short)`,
            this.line,
          );
        throw new EventLogError(
          `line ${this.line}: "${clip(s.slice(pos, pos + 60))}" is not a well-formed XML tag`,
          this.line,
        );
      }
      this.tag(m[2]!, m[1] === "/", m[4] === "/", m[3] ?? "");
      this.advance(s, pos, pos + m[0].length);
      pos += m[0].length;
    }
    this.text = s.slice(pos);
    if (atEnd && this.text.trim() !== "")
      throw new EventLogError(
        `line ${this.line}: the XES log ends in the middle of a tag (the file is cut short)`,
        this.line,
      );
  }

  private advance(s: string, from: number, to: number): void {
    let i = s.indexOf("\n", from);
    while (i >= 0 && i < to) {
      this.line++;
      i = s.indexOf("\n", i + 1);
    }
  }

  private tag(name: string, closing: boolean, selfClosing: boolean, attrText: string): void {
    if (closing) {
      const open = this.stack.pop();
      if (open !== name)
        throw new EventLogError(
          `line ${this.line}: </${name}> closes ${open === undefined ? "nothing" : `<${open}>`}: the XML is not well formed`,
          this.line,
        );
      this.close(name);
      return;
    }
    if (!this.started) {
      if (name !== "log")
        throw new EventLogError(
          `line ${this.line}: the file is not an XES log: it starts with <${name}>, not <log>`,
          this.line,
        );
      this.started = true;
      this.row([...this.keys], this.line);
    }
    const parent = this.stack.at(-1);
    if (ATTRIBUTE_ELEMENTS.has(name) && (parent === "event" || parent === "trace")) {
      let key: string | undefined;
      let value = "";
      for (const a of attrText.matchAll(ATTRIBUTE)) {
        const v = decode(a[2] ?? a[3] ?? "", this.line);
        if (a[1] === "key") key = v;
        else if (a[1] === "value") value = v;
      }
      if (key !== undefined) {
        if (parent === "event") this.event?.set(key, value);
        else this.trace?.set(key, value);
      }
    } else if (name === "trace" && parent === "log") {
      this.trace = new Map();
      this.pending = [];
    } else if (name === "event" && parent === "trace") {
      this.event = new Map();
      this.eventLine = this.line;
    }
    if (selfClosing) {
      this.close(name);
      return;
    }
    if (this.stack.length >= MAX_DEPTH)
      throw new EventLogError(
        `line ${this.line}: the XES elements nest more than ${MAX_DEPTH} levels deep; an event log does not`,
        this.line,
      );
    this.stack.push(name);
  }

  private close(name: string): void {
    const depth = this.stack.length;
    if (name === "event" && depth === 2 && this.event) {
      this.pending.push({ attrs: this.event, line: this.eventLine });
      this.event = undefined;
      this.events++;
    } else if (name === "trace" && depth === 1 && this.trace) {
      const trace = this.trace;
      for (const e of this.pending) {
        this.row(
          this.keys.map((k) =>
            k.startsWith("case:") ? (trace.get(k.slice(5)) ?? "") : (e.attrs.get(k) ?? trace.get(k) ?? ""),
          ),
          e.line,
        );
      }
      this.pending = [];
      this.trace = undefined;
      this.traces++;
    }
  }
}

/** The header keys an XES log is read with: the mapped columns, each once. */
export function xesKeys(columns: Record<string, string | undefined>): string[] {
  return [...new Set(Object.values(columns).filter((c): c is string => c !== undefined && c !== ""))];
}

/** True when the text starts like XML (an XES log), after an optional byte-order mark. */
export function looksLikeXml(start: string): boolean {
  return /^\ufeff?\s*</.test(start);
}

// helpers

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string, line: number): string {
  if (!text.includes("&")) return text;
  return text.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(";"))
      throw new EventLogError(`line ${line}: a bare "&" in an attribute value: the XML is not well formed`, line);
    if (ref in NAMED) return NAMED[ref]!;
    const code = ref.startsWith("#x")
      ? Number.parseInt(ref.slice(2), 16)
      : ref.startsWith("#")
        ? Number(ref.slice(1))
        : Number.NaN;
    if (Number.isInteger(code) && code > 0 && code <= 0x10ffff) return String.fromCodePoint(code);
    throw new EventLogError(
      `line ${line}: the entity "&${ref};" is not defined in XML; Flowcast does not expand declared entities`,
      line,
    );
  });
}

function clip(text: string): string {
  return text.replace(/\s+/g, " ");
}
