/**
 * `flowcast validate FILE...`: reads each flow file, decodes it and runs every semantic
 * rule and, for a flow without errors, the offered-load check (a team offered more work than
 * its agents can do is a warning; it never changes the exit code), then prints `✓ file: valid (N steps, M connections)` or one line per diagnostic
 * (`file: error nodes[3].outcomes: message`). Exit 0 when every file is valid (warnings
 * allowed), 1 when a file is invalid, 2 when a file cannot be read or is not JSON.
 */
import { checkModel, type Diagnostic, formatDiagnostic, hasErrors, parseModelText } from "../model";
import { offeredLoadDiagnostics } from "../sim/load";
import { type CliIO, parseCommandLine, readTextFile, UsageError } from "./shared";

const HELP = `Usage: flowcast validate FILE... [options]

Checks flow files (flowcast/v1) and prints their problems, naming each step, connection
or team by its label and id.

Options:
  --json        print the diagnostics of every file as JSON
  -h, --help    show this help

Exit codes: 0 every file is valid (warnings allowed), 1 a file is invalid,
2 a file cannot be read or is not JSON, or the command was called wrongly.
`;

/** What validating one file found. */
export interface FileReport {
  file: string;
  /** False when the file could not be read or is not JSON (exit 2). */
  readable: boolean;
  valid: boolean;
  steps?: number;
  connections?: number;
  diagnostics: Diagnostic[];
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { json, help, files } = readArguments(args);
  if (help) {
    io.out(HELP);
    return 0;
  }
  if (files.length === 0) throw new UsageError("which flows? Write: flowcast validate FILE...");
  const reports: FileReport[] = [];
  for (const file of files) reports.push(await validateFile(file));
  if (json) io.out(`${JSON.stringify(reports, null, 2)}\n`);
  else for (const report of reports) printReport(report, io);
  if (reports.some((r) => !r.readable)) return 2;
  return reports.every((r) => r.valid) ? 0 : 1;
}

/** Reads, decodes and validates one file; never throws. */
export async function validateFile(file: string): Promise<FileReport> {
  let text: string;
  try {
    text = await readTextFile(file);
  } catch (error) {
    return unreadable(file, error instanceof Error ? error.message : String(error));
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    // parseModelText words the syntax error with its line and column.
    const parsed = parseModelText(text);
    return unreadable(file, parsed.ok ? "the file is not valid JSON" : (parsed.diagnostics[0]?.message ?? ""));
  }
  const checked = checkModel(value);
  const model = checked.model;
  // a flow that can run is also checked for teams offered more work than they can do
  const diagnostics =
    model && !hasErrors(checked.diagnostics)
      ? [...checked.diagnostics, ...offeredLoadDiagnostics(model)]
      : checked.diagnostics;
  return {
    file,
    readable: true,
    valid: model !== undefined && !hasErrors(diagnostics),
    ...(model ? { steps: model.nodes.length, connections: model.edges.length } : {}),
    diagnostics,
  };
}

// helpers

function readArguments(args: string[]): { json: boolean; help: boolean; files: string[] } {
  const { values, positionals } = parseCommandLine(
    args,
    { json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    HELP,
  );
  return { json: values.json === true, help: values.help === true, files: positionals };
}

function unreadable(file: string, message: string): FileReport {
  const text = message.startsWith(`${file} `)
    ? `the file ${message.slice(file.length + 1)}`
    : message.replace(/^cannot read [^:]*: /, "cannot read the file: ");
  return { file, readable: false, valid: false, diagnostics: [{ severity: "error", message: text, path: "" }] };
}

function printReport(report: FileReport, io: CliIO): void {
  if (!report.readable) {
    io.err(`${report.file}: ${report.diagnostics[0]?.message}\n`);
    return;
  }
  const size = `${count(report.steps ?? 0, "step")}, ${count(report.connections ?? 0, "connection")}`;
  const errors = report.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = report.diagnostics.length - errors;
  if (report.valid) {
    const note = warnings > 0 ? ` with ${count(warnings, "warning")}` : "";
    io.out(`✓ ${report.file}: valid${note} (${size})\n`);
  }
  for (const d of report.diagnostics) io.out(`${report.file}: ${formatDiagnostic(d)}\n`);
  if (!report.valid) {
    const note = warnings > 0 ? `, ${count(warnings, "warning")}` : "";
    io.out(`✗ ${report.file}: invalid, ${count(errors, "error")}${note}\n`);
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
