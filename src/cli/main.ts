/**
 * The `flowcast` command line: validate, schema, simulate, compare, export, import.
 * `main` returns the exit code: 0 ok, 1 the model is invalid, 2 usage or unreadable input.
 * User mistakes never print a stack trace; each command lives in its own file.
 */
import { readFileSync } from "node:fs";
import { type CliIO, nodeIO, safeIO, UsageError } from "./io";

type Command = (args: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  validate: {
    summary: "check flow files and print their problems",
    load: async () => (await import("./validate")).run,
  },
  schema: { summary: "print the JSON Schema of flowcast/v1", load: async () => (await import("./schema")).run },
  simulate: { summary: "run a flow and print its predicted KPIs", load: async () => (await import("./simulate")).run },
  compare: { summary: "run scenarios side by side", load: async () => (await import("./compare")).run },
  export: {
    summary: "export a flow as png, svg, mermaid or markdown",
    load: async () => (await import("./export")).run,
  },
  import: { summary: "turn a Mermaid flowchart into a flow file", load: async () => (await import("./import")).run },
  calibrate: { summary: "fit a flow to a help desk event log", load: async () => (await import("./calibrate")).run },
  backtest: {
    summary: "check a fitted flow's predictions on a later period of the log",
    load: async () => (await import("./backtest")).run,
  },
  staff: { summary: "find the fewest agents that meet the targets", load: async () => (await import("./staff")).run },
};

export const USAGE = `Usage: flowcast <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  .join("\n")}

Run "flowcast <command> --help" for a command's options; "flowcast --version" for the version.
Exit codes: 0 ok, 1 the flow is invalid, 2 usage or unreadable input.
`;

/** The version in Flowcast's package.json (beside dist-cli/, or two folders above src/cli/). */
export function version(): string {
  for (const up of ["../package.json", "../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), "utf8")) as {
        name?: unknown;
        version?: unknown;
      };
      if (pkg.name === "flowcast" && typeof pkg.version === "string") return pkg.version;
    } catch {
      // not there: try the next
    }
  }
  return "unknown";
}

export async function main(argv: string[], rawIO: CliIO = nodeIO()): Promise<number> {
  const io = safeIO(rawIO);
  const [name, ...rest] = argv;
  if (name === "--version" || name === "-v" || name === "version") {
    io.out(`flowcast ${version()}\n`);
    return 0;
  }
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  // Own keys only: "toString" or "__proto__" is not a command.
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`flowcast: unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`flowcast ${name}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      // Only input nested or chained far beyond any real flow gets here.
      io.err(`flowcast ${name}: the input is nested or chained too deeply to process; no real flow needs that.\n`);
      return 2;
    }
    // A failure of Flowcast itself, not of the user's input: say so plainly.
    io.err(`flowcast ${name}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.FLOWCAST_DEBUG && error instanceof Error) io.err(`${error.stack}\n`);
    return 3;
  }
}
