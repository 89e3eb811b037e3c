/**
 * What a CLI command may touch: its output streams and whether they are terminals, the
 * reading of text files, and text that must not reach a terminal as control sequences.
 * Kept free of the model so that `flowcast --help` builds no schemas; the checks on what the
 * user handed a command live in ./checks.
 */
import { type FileHandle, open } from "node:fs/promises";
import { TextInput, TextInputError } from "../io/text";

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

/** Largest text file a command reads whole (a flow, a results document, a diagram). */
export const MAX_TEXT_FILE_BYTES = 512 * 1024 * 1024;

/**
 * Reads a file as text (UTF-8 or UTF-16, with or without BOM: see src/io/text.ts), turning
 * "not found" and friends, binary data (a picture, /dev/zero), bytes that are not valid
 * text and files too big to be one into a UsageError that names the file. Reads in chunks,
 * so an endless device stops at the first chunk or at the size limit.
 */
export async function readTextFile(path: string, limit = MAX_TEXT_FILE_BYTES): Promise<string> {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw cannotRead(path, error);
  }
  try {
    const input = new TextInput(path);
    const parts: string[] = [];
    const buffer = new Uint8Array(1 << 20);
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) {
        throw new UsageError(
          `cannot read ${path}: it is larger than ${Math.round(limit / 1024 / 1024)} MB, more than any such file needs`,
        );
      }
      parts.push(input.push(buffer.subarray(0, bytesRead)));
    }
    parts.push(input.end());
    return parts.join("");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof TextInputError) throw new UsageError(error.message);
    throw cannotRead(path, error);
  } finally {
    await handle.close();
  }
}

/** A read error in words, naming the file. */
export function cannotRead(path: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new UsageError(`cannot read ${path}: no such file`);
  if (code === "EISDIR") return new UsageError(`cannot read ${path}: it is a folder, not a file`);
  if (code === "EACCES" || code === "EPERM") return new UsageError(`cannot read ${path}: permission denied`);
  return new UsageError(`cannot read ${path}: ${(error as Error).message}`);
}
