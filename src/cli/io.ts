/**
 * What a CLI command may touch: its output streams and whether they are terminals.
 * Tests pass a recording CliIO; the real command passes the process's.
 */
import { readFile } from "node:fs/promises";
import type { ParseResult } from "../model";

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

/** Reads and decodes a flow file (does not run semantic validation). */
export async function readModelFile(path: string): Promise<ParseResult> {
  // Imported here, not at the top: `flowcast --help` must not build the zod schemas.
  const { parseModelText } = await import("../model");
  return parseModelText(await readTextFile(path));
}
