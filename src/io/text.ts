/**
 * Input text as people's files really are: UTF-8 with or without a byte order mark, UTF-16
 * (little or big endian, with a BOM, or without one when the text is plain ASCII letters
 * with zero bytes between), bytes that are not valid UTF-8 (named by line), and binary data
 * handed over by mistake (a picture, a zip, /dev/zero): refused early with a short message
 * that never echoes more than a line of the input. Browser-safe (no Node imports): the CLI
 * uses it for every file it reads, the app can use it on a File's bytes, and the event-log
 * reader on each streamed chunk through `TextInput`.
 */

/** How the bytes were read. */
export type TextEncoding = "utf-8" | "utf-8 with BOM" | "utf-16le" | "utf-16be";

/** Text that cannot be read, in words; `message` never quotes more than a line of the input. */
export class TextInputError extends Error {}

/** Lines listed by number in a message; more are counted. */
const MAX_LINES_LISTED = 5;
/** Bytes looked at to tell text from binary. */
const SNIFF_BYTES = 8192;

/**
 * Decodes a whole file. Throws TextInputError for binary data and for bytes that are not
 * valid in the encoding (naming the first lines where they are). `what` names the input in
 * messages ("flow.json", "the file").
 */
export function decodeText(bytes: Uint8Array, what = "the file"): { text: string; encoding: TextEncoding } {
  const input = new TextInput(what);
  const text = input.push(bytes) + input.end();
  return { text, encoding: input.encoding ?? "utf-8" };
}

/**
 * Streaming decoder: `push` each chunk of bytes in order, then `end`. The first chunk
 * decides the encoding and whether the input is text at all; invalid bytes anywhere are
 * gathered by line and reported at `end` (or as soon as the list is full).
 */
export class TextInput {
  /** Known after the first non-empty chunk. */
  encoding: TextEncoding | undefined;
  private decoder: TextDecoder | undefined;
  private head: Uint8Array = new Uint8Array(0);
  private line = 1;
  private readonly badLines: number[] = [];

  constructor(private readonly what = "the file") {}

  /** Decodes one chunk; throws TextInputError for binary input. */
  push(chunk: Uint8Array): string {
    if (this.decoder === undefined) {
      // wait for enough bytes to tell the encoding (a BOM, a run of ASCII) unless the input is that short
      const joined = concat(this.head, chunk);
      if (joined.length < 4) {
        this.head = joined;
        return "";
      }
      this.head = new Uint8Array(0);
      this.start(joined);
      return this.decode(joined, false);
    }
    return this.decode(chunk, false);
  }

  /** Flushes what is left; throws TextInputError naming the lines with invalid bytes. */
  end(): string {
    let text = "";
    if (this.decoder === undefined) {
      if (this.head.length === 0) return "";
      this.start(this.head);
      text = this.decode(this.head, true);
    } else text = this.decode(new Uint8Array(0), true);
    this.reportInvalid(true);
    return text;
  }

  // helpers

  private start(bytes: Uint8Array): void {
    this.encoding = detectEncoding(bytes);
    refuseBinary(bytes.subarray(0, SNIFF_BYTES), this.encoding, this.what);
    // the decoder drops a leading byte order mark of its encoding
    this.decoder = new TextDecoder(this.encoding === "utf-8 with BOM" ? "utf-8" : this.encoding);
  }

  private decode(bytes: Uint8Array, last: boolean): string {
    const text = (this.decoder as TextDecoder).decode(bytes, { stream: !last });
    // U+FFFD marks bytes the encoding does not allow, unless the file wrote U+FFFD itself
    const marks = countOf(text, "\uFFFD");
    const checked =
      marks > 0 && (this.encoding === "utf-16le" || this.encoding === "utf-16be" || marks > countFffd(bytes));
    let from = 0;
    for (;;) {
      const bad = checked ? text.indexOf("\uFFFD", from) : -1;
      const stop = bad < 0 ? text.length : bad;
      this.line += countOf(text, "\n", from, stop);
      if (bad < 0) break;
      if (this.badLines[this.badLines.length - 1] !== this.line) this.badLines.push(this.line);
      from = bad + 1;
    }
    if (this.badLines.length > MAX_LINES_LISTED) this.reportInvalid(false);
    return text;
  }

  private reportInvalid(atEnd: boolean): void {
    if (this.badLines.length === 0) return;
    const listed = this.badLines.slice(0, MAX_LINES_LISTED);
    const rest = this.badLines.length - listed.length;
    const more = rest > 0 ? (atEnd ? ` and ${rest} more` : " and more") : "";
    const encoding = this.encoding === "utf-16le" || this.encoding === "utf-16be" ? "UTF-16" : "UTF-8";
    throw new TextInputError(
      `${this.what} is not valid ${encoding} text: bytes on line${listed.length + rest === 1 ? "" : "s"} ${listed.join(", ")}${more} are not ${encoding} (perhaps it was saved as Latin-1 or Windows-1252); save it as UTF-8 and try again`,
    );
  }
}

/** The encoding the first bytes show: a BOM, else UTF-16 without BOM when every other byte of ASCII text is 0. */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8 with BOM";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const n = Math.min(bytes.length, 512) & ~1;
  if (n >= 4) {
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < n; i += 2) {
      if (bytes[i] === 0) evenZeros++;
      if (bytes[i + 1] === 0) oddZeros++;
    }
    const pairs = n / 2;
    // ASCII as UTF-16: one of each pair is 0 (the other nearly never)
    if (oddZeros > pairs * 0.9 && evenZeros < pairs * 0.1) return "utf-16le";
    if (evenZeros > pairs * 0.9 && oddZeros < pairs * 0.1) return "utf-16be";
  }
  return "utf-8";
}

// helpers

function refuseBinary(bytes: Uint8Array, encoding: TextEncoding, what: string): void {
  let controls = 0;
  let firstNul = -1;
  const step = encoding === "utf-16le" || encoding === "utf-16be" ? 2 : 1;
  const offset = encoding === "utf-16be" ? 1 : 0;
  const start = bomLength(encoding);
  for (let i = start + offset; i < bytes.length; i += step) {
    const b = bytes[i] as number;
    if (step === 2 && bytes[i + (encoding === "utf-16be" ? -1 : 1)] !== 0) continue;
    if (b === 0) {
      if (firstNul < 0) firstNul = i;
      controls++;
    } else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls++;
  }
  const looked = Math.max(1, (bytes.length - start) / step);
  if (firstNul >= 0 || controls / looked > 0.1) {
    throw new TextInputError(
      `${what} is not a text file: it holds binary data (${firstNul >= 0 ? `a zero byte at byte ${firstNul + 1}` : "control characters"}); expected text such as JSON or CSV`,
    );
  }
}

function bomLength(encoding: TextEncoding | undefined): number {
  return encoding === "utf-8 with BOM" ? 3 : encoding === "utf-16le" || encoding === "utf-16be" ? 2 : 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function countOf(text: string, char: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = text.indexOf(char, from); i >= 0 && i < to; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/** How many times the UTF-8 bytes of U+FFFD (EF BF BD) occur. */
function countFffd(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0xef); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  }
  return n;
}
