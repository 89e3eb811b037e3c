/**
 * `flowcast import diagram.mmd --out flow.json`: turns a Mermaid flowchart into an editable
 * flow, laid out automatically, and prints what it had to guess. Exit 2 when the file
 * cannot be read, 1 when the diagram cannot be parsed (with line and column).
 */
import { basename } from "node:path";
import { fromMermaid } from "../io/mermaid/fromMermaid";
import { layoutFlow } from "../layout/layoutFlow";
import { formatDiagnostic, serializeModel, validateModel } from "../model";
import { importBpmn, isBpmnFile } from "./importBpmn";
import {
  type CliIO,
  guardOutputs,
  parseCommandLine,
  readTextFile,
  stringOption,
  UsageError,
  writeOutput,
} from "./shared";

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
  const model = result.model;
  if (values.name) model.name = values.name;
  else if (model.name === "Imported flowchart") model.name = basename(file).replace(/\.[^.]*$/, "");
  const report = describeReport(result.report);
  // The flow is written even when it has problems: it is a start to edit, not a result.
  const problems = validateModel(model).filter((d) => d.severity === "error");
  const where = values.out ?? "the imported flow";
  const problemLines = problems.map((d) => `${where}: ${formatDiagnostic(d)}`);
  if (problems.length > 0) {
    problemLines.push(
      `${where}: ${count(problems.length, "problem")} to fix before it can be simulated (flowcast validate lists them again).`,
    );
  }
  if (values.out === undefined) {
    io.out(serializeModel(model));
    for (const line of [...report, ...problemLines]) io.err(`${line}\n`);
    return problems.length > 0 ? 1 : 0;
  }
  await writeOutput(values.out, serializeModel(model));
  io.out(
    `wrote ${values.out}: ${count(model.nodes.length, "step")}, ${count(model.edges.length, "connection")}, ${count(model.teams.length, "team")}\n`,
  );
  for (const line of report) io.out(`${line}\n`);
  for (const line of problemLines) io.err(`${line}\n`);
  return problems.length > 0 ? 1 : 0;
}

// helpers

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

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
