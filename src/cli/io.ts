/**
 * What a CLI command may touch: its output streams and whether they are terminals, the
 * reading of text files, and text that must not reach a terminal as control sequences.
 * Kept free of the model so that `flowcast --help` builds no schemas; the checks on what the
 * user handed a command live in ./checks.
 */
import { readFile } from "node:fs/promises";

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress is shown only then). */
  errIsTTY: boolean;
}

/** A mistake in how the command was called: printed without a stack trace, exit 2. */
export class UsageError extends Error {}

export function nodeIO(): CliIO {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    errIsTTY: Boolean(process.stderr.isTTY),
  };
}

/**
 * The same streams with control characters from user text (a label holding an escape
 * sequence) shown as `\u001b` instead of acting on the terminal. Newlines, tabs, carriage
 * returns and the "clear to end of line" that progress output uses pass through.
 */
export function safeIO(io: CliIO): CliIO {
  return {
    out: (text) => io.out(escapeControls(text)),
    err: (text) => io.err(escapeControls(text)),
    errIsTTY: io.errIsTTY,
  };
}

/** Replaces C0 and C1 control characters (but \n, \t, \r and ESC [K) with `\u00XX`. */
export function escapeControls(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return text.replace(/\x1b\[K|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]/g, (c) =>
    c === "\x1b[K" ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Reads a file as text, turning "not found" and friends into a UsageError that names the file. */
export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`cannot read ${path}: no such file`);
    if (code === "EISDIR") throw new UsageError(`cannot read ${path}: it is a folder, not a file`);
    if (code === "EACCES") throw new UsageError(`cannot read ${path}: permission denied`);
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
}
