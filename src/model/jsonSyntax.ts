/**
 * Finds where JSON text goes wrong, for messages that name the line and column. JSON.parse
 * says whether text is JSON, but not every engine says where it fails; this scanner follows
 * the JSON grammar (RFC 8259) only far enough to find the first offending character.
 */

/** The first syntax error in `text`: its line and column (1-based) and what is wrong there. */
export interface JsonSyntaxError {
  line: number;
  column: number;
  reason: string;
}

/** Where the JSON text first breaks the grammar, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.skipSpace();
    scanner.value();
    scanner.skipSpace();
    if (scanner.pos < text.length) scanner.fail("unexpected text after the end of the document");
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split("\n").length;
    const column = error.offset - before.lastIndexOf("\n");
    return { line, column, reason: error.reason };
  }
}

// helpers

class SyntaxFailure {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(reason: string, at = this.pos): never {
    throw new SyntaxFailure(at, reason);
  }

  skipSpace(): void {
    while (this.pos < this.text.length && " \t\n\r".includes(this.text[this.pos] as string)) this.pos++;
  }

  value(): void {
    const ch = this.text[this.pos];
    if (ch === undefined) this.fail("the text ends where a value was expected");
    if (ch === "{") this.object();
    else if (ch === "[") this.array();
    else if (ch === '"') this.string();
    else if (ch === "-" || (ch >= "0" && ch <= "9")) this.number();
    else this.literal(ch);
  }

  literal(ch: string): void {
    for (const word of ["true", "false", "null"]) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    if (ch === "'") this.fail('text must be in double quotes ("), not single quotes');
    this.fail(`unexpected ${describe(ch)} where a value was expected`);
  }

  /** Passes an opening bracket; true (the closing one passed too) when the object or list is empty. */
  opensEmpty(close: "}" | "]"): boolean {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] !== close) return false;
    this.pos++;
    return true;
  }

  object(): void {
    if (this.opensEmpty("}")) return;
    for (;;) {
      this.skipSpace();
      const ch = this.text[this.pos];
      if (ch === "}") this.fail("a comma before } is not allowed in JSON");
      if (ch === "'") this.fail('field names must be in double quotes ("), not single quotes');
      if (ch !== '"')
        this.fail(
          ch === undefined
            ? "the text ends inside an object"
            : `expected a field name in double quotes, found ${describe(ch)}`,
        );
      this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ":")
        this.fail(`expected ":" after the field name, found ${describe(this.text[this.pos])}`);
      this.pos++;
      this.skipSpace();
      this.value();
      if (this.closesAfterItem("}", "an object")) return;
    }
  }

  /**
   * After an item of an object or a list: true at its closing bracket (passed over), false
   * after a comma; fails at anything else.
   */
  closesAfterItem(close: "}" | "]", inside: string): boolean {
    this.skipSpace();
    const next = this.text[this.pos];
    if (next !== "," && next !== close) {
      this.fail(
        next === undefined
          ? `the text ends inside ${inside} (a ${close} is missing)`
          : `expected "," or "${close}", found ${describe(next)} (a comma may be missing)`,
      );
    }
    this.pos++;
    return next === close;
  }

  array(): void {
    if (this.opensEmpty("]")) return;
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === "]") this.fail("a comma before ] is not allowed in JSON");
      if (this.text[this.pos] === ",") this.fail('unexpected "," where a value was expected');
      this.value();
      if (this.closesAfterItem("]", "a list")) return;
    }
  }

  string(): void {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos] as string;
      if (ch === '"') {
        this.pos++;
        return;
      }
      if (ch === "\\") {
        const escaped = this.text[this.pos + 1];
        if (escaped === "u" && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) this.pos += 6;
        else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) this.pos += 2;
        else this.fail('a backslash in text must start an escape such as \\n or \\"');
        continue;
      }
      if (ch < " ")
        this.fail(
          ch === "\n" ? "text in quotes cannot run over a line break" : "text in quotes contains a control character",
        );
      this.pos++;
    }
    this.fail("text in quotes is never closed", start);
  }

  number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (!match || match[0] === "-") this.fail("a number is malformed");
    this.pos += match[0].length;
  }
}

function describe(ch: string | undefined): string {
  if (ch === undefined) return "the end of the text";
  return JSON.stringify(ch);
}
