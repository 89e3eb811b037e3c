/**
 * The helpers every `flowcast` command uses, in one place. A new command
 * (src/cli/NAME.ts, listed in main.ts) is written like this:
 *
 *   const OPTIONS = { out: { type: "string" }, help: { type: "boolean", short: "h" } } as const;
 *
 *   export async function run(args: string[], io: CliIO): Promise<number> {
 *     const command = parseFileCommand(args, OPTIONS, HELP, io, "NAME"); // usage errors: exit 2
 *     if (!command) return 0;                                            // --help was printed
 *     const { values, file } = command;                                  // exactly one FILE
 *     const out = stringOption(values, "out");
 *     await guardOutputs([file], [{ option: "--out", path: out }]);     // BEFORE any work
 *     ... read with readTextFile / readModelFile (./checks), do the work ...
 *     if (out) await writeOutput(out, text);                            // temp file + rename
 *     return 0;
 *   }
 *
 * - Every file the command writes goes through `guardOutputs` (never an input, never another
 *   output of the same run, folder present and writable) and then `writeOutput`, or
 *   `openOutput` for output streamed while the command runs. A failed or interrupted run
 *   leaves the old file whole; a write error is a UsageError (exit 2) naming the path and
 *   the reason in words.
 * - Throw `UsageError` for anything the user can fix: main.ts prints it without a stack
 *   trace and exits 2. Return 1 for an invalid flow. Never let a user mistake reach exit 3.
 */
import { access, constants, realpath, stat } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { describeWriteError, type OutputFile, openOutputFile, writeOutputFile } from "../io/node/outputFile";
import { type CliIO, UsageError } from "./io";

export { type CliIO, cannotRead, readTextFile, UsageError } from "./io";

/** One option in node:util parseArgs form. */
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
}

/** Option values by name, as parseArgs gives them. */
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/**
 * parseArgs (strict, positionals allowed) with its errors turned into usage errors; `help`,
 * when given, follows the message.
 */
export function parseCommandLine(
  args: string[],
  options: Record<string, OptionSpec>,
  help?: string,
): { values: OptionValues; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: joinNegativeValues(args, options),
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as OptionValues, positionals };
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional.*$/s, ".");
    throw new UsageError(help === undefined ? message : `${message}\n\n${help}`);
  }
}

/**
 * The start of a command on one FILE (`flowcast NAME FILE [options]`): parses the options,
 * prints `help` for --help and gives undefined (the command then exits 0), else checks that
 * exactly one FILE is named (singleFile: `command` and `what` as there).
 */
export function parseFileCommand(
  args: string[],
  options: Record<string, OptionSpec>,
  help: string,
  io: CliIO,
  command: string,
  what?: string,
): { values: OptionValues; file: string } | undefined {
  const { values, positionals } = parseCommandLine(args, options);
  if (values.help) {
    io.out(help);
    return undefined;
  }
  return { values, file: singleFile(positionals, command, what) };
}

/** A string option's value (the last one when repeated), or undefined. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  if (Array.isArray(value)) return value[value.length - 1];
  return typeof value === "string" ? value : undefined;
}

/** A repeatable option's values (empty when absent). */
export function listOption(values: OptionValues, name: string): string[] {
  const value = values[name];
  if (Array.isArray(value)) return value;
  return typeof value === "string" ? [value] : [];
}

/** Exactly one FILE argument; `usage` is what follows "flowcast" in the hint, e.g. "simulate FILE". */
export function singleFile(positionals: string[], command: string, what = "flow"): string {
  const usage = command.includes(" ") ? command : `${command} FILE`;
  if (positionals.length === 0) throw new UsageError(`which ${what}? Write: flowcast ${usage}`);
  if (positionals.length > 1) throw new UsageError(`one ${what} file at a time (got ${positionals.join(", ")})`);
  const file = positionals[0] as string;
  if (file === "") throw new UsageError(`the ${what} file name is empty`);
  return file;
}

/** A file a command will write, and the option that names it ("--out", "--report", ...). */
export interface PlannedOutput {
  option: string;
  path: string | undefined;
}

/**
 * Refuses, before any work, an output that is one of the inputs or another output of the
 * same command (compared as files: through `..`, symlinks and hard links), or that cannot
 * be written (its folder is missing or read-only, it is a folder). Terminals, pipes and
 * devices (/dev/stdout, /dev/null) are never the same as anything.
 */
export async function guardOutputs(
  inputs: readonly (string | undefined)[],
  outputs: readonly PlannedOutput[],
): Promise<void> {
  const seen: { option: string; path: string; id: string }[] = [];
  const inputIds: { path: string; id: string }[] = [];
  for (const input of inputs) {
    if (input === undefined) continue;
    const id = await fileIdentity(input);
    if (id) inputIds.push({ path: input, id });
  }
  for (const { option, path } of outputs) {
    if (path === undefined) continue;
    if (path === "") throw new UsageError(`${option} needs a file name`);
    await checkWritable(path);
    const id = await fileIdentity(path);
    if (!id) continue;
    const input = inputIds.find((i) => i.id === id);
    if (input) {
      throw new UsageError(
        `${option} ${path} is the input file${input.path === path ? "" : ` ${input.path}`}; it would be overwritten. Choose another file for ${option}`,
      );
    }
    const other = seen.find((s) => s.id === id);
    if (other) {
      throw new UsageError(
        `${other.option} ${other.path} and ${option} ${path} are the same file; one would overwrite the other. Give each its own file`,
      );
    }
    seen.push({ option, path, id });
  }
}

/** Writes a whole output file (temp file + rename); a failure is a UsageError naming the path. */
export async function writeOutput(path: string, data: string | Uint8Array): Promise<void> {
  try {
    writeOutputFile(path, data);
  } catch (error) {
    throw cannotWrite(path, error);
  }
}

/**
 * Opens an output written piece by piece while the command runs (commit at the end, abort
 * on failure). Errors of `write` and `commit` are Node errors: pass them to `cannotWrite`.
 */
export function openOutput(path: string): OutputFile {
  try {
    return openOutputFile(path);
  } catch (error) {
    throw cannotWrite(path, error);
  }
}

/** The usage error for a failed write: "cannot write PATH: no space left on the device". */
export function cannotWrite(path: string, error: unknown): UsageError {
  if (error instanceof UsageError) return error;
  return new UsageError(`cannot write ${path}: ${describeWriteError(error)}`);
}

/** A whole number from `min` to `max`, or a UsageError naming the option. */
export function wholeNumber(option: string, value: unknown, min: number, max: number): number {
  const text = String(value).trim();
  const number = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError(`${option} "${text}" must be a whole number from ${min} to ${max.toLocaleString("en")}`);
  }
  return number;
}

// helpers

/**
 * What makes two paths the same file: device and inode for an existing regular file (so
 * `..`, symlinks and hard links agree), the real folder plus the name for a file not yet
 * there; undefined for terminals, pipes and devices.
 */
async function fileIdentity(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return info.isDirectory() ? `dir:${info.dev}:${info.ino}` : undefined;
    return `file:${info.dev}:${info.ino}`;
  } catch {
    try {
      return `new:${await realpath(dirname(resolve(path)))}/${basename(path)}`;
    } catch {
      return `new:${resolve(path)}`;
    }
  }
}

/** The output's folder exists and is writable, and the output is not a folder. */
async function checkWritable(path: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) throw new UsageError(`cannot write ${path}: it is a folder, not a file`);
  if (info && !info.isFile()) return; // a device or pipe: written in place
  const folder = dirname(resolve(path));
  const folderInfo = await stat(folder).catch((error: NodeJS.ErrnoException) => error);
  if (folderInfo instanceof Error) {
    const reason =
      folderInfo.code === "ENOTDIR" ? "a part of the path is a file, not a folder" : "the folder does not exist";
    throw new UsageError(`cannot write ${path}: ${reason}`);
  }
  if (!folderInfo.isDirectory())
    throw new UsageError(`cannot write ${path}: a part of the path is a file, not a folder`);
  try {
    await access(folder, constants.W_OK);
    if (info) await access(path, constants.W_OK);
  } catch (error) {
    throw cannotWrite(path, error);
  }
}

/**
 * parseArgs reads "--seed -3" as a missing value followed by an option; join such a
 * negative number to its option so that the range check can say what is wrong with it.
 */
function joinNegativeValues(args: string[], options: Record<string, OptionSpec>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    const name = arg.startsWith("--") ? arg.slice(2) : undefined;
    if (
      name &&
      Object.hasOwn(options, name) &&
      options[name]?.type === "string" &&
      next !== undefined &&
      /^-\d/.test(next)
    ) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}
