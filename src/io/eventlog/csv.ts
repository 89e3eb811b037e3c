/**
 * A streaming CSV reader (RFC 4180: commas, double-quoted fields, "" inside quotes, CRLF or
 * LF line ends). It is fed text chunks of any size and hands out one row at a time with its
 * 1-based line number, so a log of any size is read in constant memory: only the row being
 * read is held. Pure: no Node or DOM, so the CLI and the browser share it.
 */

/** A row longer than this is not a CSV row (a binary file, or a quote never closed). */
export const MAX_ROW_CHARS = 1_000_000;

/** A file that is not readable as CSV; `line` is the 1-based line where reading stopped. */
export class CsvError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = "CsvError";
    this.line = line;
  }
}

/** Receives each row (fields as written, quotes removed) and the line it starts on. */
export type RowHandler = (fields: string[], line: number) => void;

/**
 * Incremental CSV parser. Invariant between chunks: `field` holds the unfinished field's
 * text, `fields` the finished fields of the unfinished row, and `quoted`/`quoteOpen` say
 * whether that field began with a quote and whether the quote is still open.
 */
export class CsvReader {
  private fields: string[] = [];
  private field = "";
  private quoted = false;
  private quoteOpen = false;
  /** A quote seen inside a quoted field: either "" (a literal quote) or the closing quote. */
  private quotePending = false;
  private pendingCR = false;
  private line = 1;
  private rowLine = 1;
  private rowChars = 0;
  private started = false;

  constructor(private readonly onRow: RowHandler) {}

  /** Reads one chunk of text (any split, even inside a field or a CRLF). */
  push(chunk: string): void {
    let text = chunk;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // byte-order mark
    }
    let plainStart = -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.quoteOpen) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === 34) {
            this.field += '"';
            continue;
          }
          this.quoteOpen = false; // that quote closed the field; fall through to plain handling
        } else if (c === 34) {
          this.quotePending = true;
          continue;
        } else {
          if (c === 10) this.line++;
          this.field += text[i];
          this.countChar();
          continue;
        }
      }
      if (this.pendingCR) {
        this.pendingCR = false;
        if (c === 10) continue;
      }
      if (c === 44) {
        this.endField();
      } else if (c === 10 || c === 13) {
        this.endRow();
        this.line++;
        this.rowLine = this.line;
        if (c === 13) this.pendingCR = true;
      } else if (c === 34 && this.field.length === 0 && !this.quoted) {
        this.quoted = true;
        this.quoteOpen = true;
      } else {
        // Copy runs of plain characters at once: far faster than one at a time.
        plainStart = i;
        while (i + 1 < text.length) {
          const d = text.charCodeAt(i + 1);
          if (d === 44 || d === 10 || d === 13 || d === 34) break;
          i++;
        }
        this.field += text.slice(plainStart, i + 1);
        this.rowChars += i + 1 - plainStart;
        if (this.rowChars > MAX_ROW_CHARS) this.tooLong();
      }
    }
  }

  /** Ends the input: the last row may lack a line end; a quote left open is an error. */
  end(): void {
    if (this.quoteOpen && !this.quotePending) {
      throw new CsvError(`a quoted field that starts on line ${this.rowLine} is never closed`, this.rowLine);
    }
    this.quoteOpen = false;
    this.quotePending = false;
    if (this.field.length > 0 || this.fields.length > 0 || this.quoted) this.endRow();
  }

  private countChar(): void {
    if (++this.rowChars > MAX_ROW_CHARS) this.tooLong();
  }

  private tooLong(): never {
    throw new CsvError(
      `line ${this.rowLine} is longer than ${MAX_ROW_CHARS.toLocaleString("en")} characters: this does not look like a CSV event log (or a quote is never closed)`,
      this.rowLine,
    );
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = "";
    this.quoted = false;
  }

  private endRow(): void {
    this.endField();
    const fields = this.fields;
    this.fields = [];
    this.rowChars = 0;
    // Blank lines are skipped, as spreadsheets write them.
    if (fields.length === 1 && fields[0] === "") return;
    this.onRow(fields, this.rowLine);
  }
}

/** Parses a whole text (small inputs, tests). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const reader = new CsvReader((fields) => rows.push(fields));
  reader.push(text);
  reader.end();
  return rows;
}
