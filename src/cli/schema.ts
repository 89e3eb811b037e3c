/**
 * `flowcast schema`: prints the JSON Schema of the flowcast/v1 file format, generated from
 * the zod schema in src/model/schema.ts (never written by hand), in its file form (input):
 * durations may be written "6m", defaults may be left out. `--out FILE` writes it to a file.
 */
import { z } from "zod";
import { FORMAT, Model, NODE_KINDS } from "../model";
import { type CliIO, guardOutputs, parseCommandLine, stringOption, UsageError, writeOutput } from "./shared";

const HELP = `Usage: flowcast schema [--out FILE]

Prints the JSON Schema of the ${FORMAT} flow format.

Options:
  --out FILE    write the schema to FILE instead of printing it
  -h, --help    show this help
`;

/** The JSON Schema of a flowcast/v1 file, with a title and description. */
export function flowJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(Model, { io: "input" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: `Flowcast flow (${FORMAT})`,
    description: `A customer-service flow for Flowcast: channels, self-service, routing, work by teams, escalation, follow-up and ends (step kinds: ${NODE_KINDS.join(", ")}), connected by edges, with teams, contact types and scenarios. Durations are seconds or text with a unit ("90s", "6m", "2h", "3d").`,
    ...rest,
  };
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { out, help } = readArguments(args);
  if (help) {
    io.out(HELP);
    return 0;
  }
  await guardOutputs([], [{ option: "--out", path: out }]);
  const text = `${JSON.stringify(flowJsonSchema(), null, 2)}\n`;
  if (out === undefined) {
    io.out(text);
    return 0;
  }
  await writeOutput(out, text);
  io.err(`Wrote the ${FORMAT} JSON Schema to ${out}\n`);
  return 0;
}

// helpers

function readArguments(args: string[]): { out?: string; help: boolean } {
  const { values, positionals } = parseCommandLine(
    args,
    { out: { type: "string" }, help: { type: "boolean", short: "h" } },
    HELP,
  );
  if (positionals.length > 0)
    throw new UsageError(`schema takes no files (got ${positionals.join(", ")})

${HELP}`);
  const out = stringOption(values, "out");
  return { ...(out !== undefined ? { out } : {}), help: values.help === true };
}
