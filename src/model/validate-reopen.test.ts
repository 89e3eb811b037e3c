/**
 * A follow-up outcome named as a reopen counts in reopenRate only when it leads back to a
 * step the ticket has been to; led to a step seen for the first time, validation says so.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "./diagnostics";
import { parseModel } from "./parse";
import { validateModel } from "./validate";

// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited as plain JSON
type Json = any;
const DESK: Json = JSON.parse(readFileSync(new URL("./validate.desk.json", import.meta.url), "utf8"));

function validateEdited(edit: (file: Json) => void): Diagnostic[] {
  const file = structuredClone(DESK);
  edit(file);
  const parsed = parseModel(file);
  if (!parsed.ok) throw new Error(`fixture edit does not decode: ${parsed.diagnostics[0]?.message}`);
  return validateModel(parsed.model);
}

const edge = (file: Json, id: string): Json => file.edges.find((e: Json) => e.id === id);

describe("follow-up outcomes named as reopens", () => {
  it("back to the step that handled the ticket count as reopens: no warning", () => {
    expect(validateEdited(() => {})).toEqual([]);
  });

  it("to a step the ticket has not been to are named as not counted", () => {
    const found = validateEdited((f) => {
      edge(f, "e15").to = "handoff";
    });
    expect(found).toEqual([
      expect.objectContaining({
        severity: "warning",
        path: "edges[14]",
        edgeId: "e15",
        nodeId: "check",
        message: expect.stringMatching(
          /^Outcome "reopened" of .*\(check\) leads to .*\(handoff\), .* not counted as a reopen/,
        ),
      }),
    ]);
  });

  it("other outcome names are left alone wherever they lead", () => {
    const found = validateEdited((f) => {
      f.nodes.find((n: Json) => n.id === "check").outcomes = { confirmed: 0.7, "needs L2": 0.2, silent: 0.1 };
      Object.assign(edge(f, "e15"), { port: "needs L2", to: "handoff" });
    });
    expect(found).toEqual([]);
  });
});
