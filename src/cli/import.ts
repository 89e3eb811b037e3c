/**
 * `flowcast import diagram.mmd --out flow.json`: turns a Mermaid flowchart into an editable
 * flow, laid out automatically, and prints what it had to guess. Exit 2 when the file
 * cannot be read, 1 when the diagram cannot be parsed (with line and column).
 */
import { fromMermaid } from "../io/mermaid/fromMermaid";
import { layoutFlow } from "../layout/layoutFlow";
import { importBpmn, isBpmnFile } from "./importBpmn";
import { writeImportedFlow } from "./importedFlow";
import { type CliIO, guardOutputs, parseCommandLine, readTextFile, stringOption, UsageError } from "./shared";

const HELP = `Usage: flowcast import DIAGRAM.mmd|DIAGRAM.bpmn [--out FLOW.json]

Turns a Mermaid flowchart or a BPMN 2.0 diagram (Camunda Modeler, bpmn.io, Signavio ...)
into a Flowcast flow and lists every field it had to guess (check those before trusting a
simulation) and every BPMN element it left out. A Flowcast BPMN export comes back exactly.

Options:
  --out FILE          write the flow to FILE (default: standard output)
  --name TEXT         name of the flow (default: the diagram's title or file name)
  -h, --help          show this help
`;

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandLine(
    args,
    {
      out: { type: "string" },
      name: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    HELP,
  );
  const { positionals } = parsed;
  const values = { out: stringOption(parsed.values, "out"), name: stringOption(parsed.values, "name") };
  if (parsed.values.help) {
    io.out(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`expected one diagram file, got ${positionals.length}\n\n${HELP}`);
  const file = positionals[0]!;
  await guardOutputs([file], [{ option: "--out", path: values.out }]);
  const text = await readTextFile(file);
  if (isBpmnFile(file, text)) return importBpmn(file, text, values, io);
  const result = await fromMermaid(text, layoutFlow);
  if (!result.ok) {
    for (const error of result.errors) io.err(`${file}:${error.line}:${error.column}: ${error.message}\n`);
    io.err(`flowcast import: ${file} is not a Mermaid flowchart Flowcast can read.\n`);
    return 1;
  }
  return writeImportedFlow(
    { file, model: result.model, untitledName: "Imported flowchart", report: describeReport(result.report) },
    values,
    io,
  );
}

// helpers

function describeReport(report: {
  guessed: { field: string; message: string }[];
  warnings: { line: number; message: string }[];
}): string[] {
  const lines: string[] = [];
  for (const warning of report.warnings) lines.push(`warning (line ${warning.line}): ${warning.message}`);
  if (report.guessed.length > 0) {
    lines.push(`${report.guessed.length} guessed fields to check:`);
    for (const guess of report.guessed) lines.push(`  - ${guess.message} [${guess.field}]`);
  }
  return lines;
}
