/**
 * The end both halves of `flowcast import` share (Mermaid in import.ts, BPMN in
 * importBpmn.ts): name the imported flow, check it, and write it (or print it) with the
 * import's report. The flow is written even when it has problems: it is a start to edit, not
 * a result; the problems go to stderr and make the exit code 1.
 */
import { basename } from "node:path";
import { formatDiagnostic, type Model, serializeModel, validateModel } from "../model";
import { type CliIO, writeOutput } from "./shared";

/** A flow an import built, with what to say about it. */
export interface ImportedFlow {
  file: string;
  model: Model;
  /** The name the reader gives a diagram without a title; the file's name replaces it. */
  untitledName: string;
  /** The import's report, one line each (warnings, what was left out, guesses). */
  report: string[];
  /** Added to the "wrote" line (" (a Flowcast export, read back exactly)"). */
  wroteNote?: string;
}

/** Writes the flow to `values.out` (standard output when absent); 1 when it does not validate. */
export async function writeImportedFlow(
  imported: ImportedFlow,
  values: { out?: string; name?: string },
  io: CliIO,
): Promise<number> {
  const { model, report } = imported;
  if (values.name) model.name = values.name;
  else if (model.name === imported.untitledName) model.name = basename(imported.file).replace(/\.[^.]*$/, "");
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
    `wrote ${values.out}: ${count(model.nodes.length, "step")}, ${count(model.edges.length, "connection")}, ${count(model.teams.length, "team")}${imported.wroteNote ?? ""}\n`,
  );
  for (const line of report) io.out(`${line}\n`);
  for (const line of problemLines) io.err(`${line}\n`);
  return problems.length > 0 ? 1 : 0;
}

/** "1 step", "3 steps". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
