/**
 * A diagnostic is one thing wrong (or doubtful) in a flow, said in a process designer's
 * words and pointing at the place: the JSON path, and the node, edge or team it concerns.
 */
export type Severity = "error" | "warning";

export interface Diagnostic {
  severity: Severity;
  message: string;
  /** Where in the file, e.g. `nodes[3].outcomes` ("" for the whole file). */
  path: string;
  nodeId?: string;
  edgeId?: string;
  teamId?: string;
}

/** Formats a path array as `nodes[3].queue.patience`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text ? `.${String(key)}` : String(key);
  }
  return text;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** One line for a terminal or a list: `error nodes[3].outcomes: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.severity}${d.path ? ` ${d.path}` : ""}: ${d.message}`;
}
