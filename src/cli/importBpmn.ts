/**
 * The BPMN half of `flowcast import`: a BPMN 2.0 diagram into a flow, with the report of
 * what was guessed, what changed shape and what was left out. A Flowcast export comes back
 * exactly. Exit 1 when the file is not BPMN Flowcast can read, or the flow does not validate.
 */
import { type BpmnImportReport, fromBpmn } from "../io/bpmn/fromBpmn";
import { layoutFlow } from "../layout/layoutFlow";
import { count, writeImportedFlow } from "./importedFlow";
import type { CliIO } from "./shared";

/** Whether a file is read as BPMN: by its extension, or XML text. */
export function isBpmnFile(file: string, text: string): boolean {
  return /\.(bpmn|bpmn2|xml)$/i.test(file) || text.trimStart().startsWith("<");
}

export async function importBpmn(
  file: string,
  text: string,
  values: { out?: string; name?: string },
  io: CliIO,
): Promise<number> {
  const result = await fromBpmn(text, layoutFlow);
  if (!result.ok) {
    for (const error of result.errors) io.err(`${file}: ${error}\n`);
    io.err(`flowcast import: ${file} is not a BPMN diagram Flowcast can read.\n`);
    return 1;
  }
  return writeImportedFlow(
    {
      file,
      model: result.model,
      untitledName: "Imported BPMN diagram",
      report: describeBpmnReport(result.report),
      wroteNote: result.report.exact ? " (a Flowcast export, read back exactly)" : "",
    },
    values,
    io,
  );
}

/** The report as lines: notes, then what was left out, then the guesses to check. */
export function describeBpmnReport(report: BpmnImportReport): string[] {
  const lines: string[] = report.notes.map((note) => `note: ${note}`);
  if (report.unmapped.length > 0) {
    lines.push(`${count(report.unmapped.length, "element")} not imported:`);
    for (const item of report.unmapped) lines.push(`  - ${item}`);
  }
  if (report.guessed.length > 0) {
    lines.push(`${report.guessed.length} guessed fields to check:`);
    for (const guess of report.guessed) lines.push(`  - ${guess.message} [${guess.field}]`);
  }
  return lines;
}
