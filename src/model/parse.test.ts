/**
 * The messages of parseModel / parseModelText for files the schema rejects: each names the
 * step, connection or team by label and id, points at the field, and reads as a sentence.
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "./diagnostics";
import { parseModel, parseModelText } from "./parse";

const TEAM = [{ id: "l1", name: "L1 front line" }];

/** Diagnostics of a file with these steps (the file must be rejected). */
function rejected(file: Record<string, unknown>): Diagnostic[] {
  const result = parseModel({ format: "flowcast/v1", teams: TEAM, ...file });
  if (result.ok) throw new Error("expected the file to be rejected");
  return result.diagnostics;
}

const work = {
  id: "l1-answer",
  kind: "work",
  label: "L1 answers",
  team: "l1",
  handleTime: "6m",
  outcomes: { done: 1 },
};

describe("parseModel messages", () => {
  it("names a missing field of a step", () => {
    const { handleTime: _, ...noHandleTime } = work;
    expect(rejected({ nodes: [noHandleTime] })).toEqual([
      {
        severity: "error",
        message: 'Step "L1 answers" (l1-answer): handleTime is missing.',
        path: "nodes[0].handleTime",
        nodeId: "l1-answer",
      },
    ]);
  });

  it("says what type a field must have and what it got", () => {
    const [d] = rejected({ nodes: [{ id: "phone", kind: "channel", label: "Phone", arrivals: { perHour: "lots" } }] });
    expect(d).toMatchObject({
      path: "nodes[0].arrivals.perHour",
      message: 'Step "Phone" (phone): arrivals.perHour must be a number, not "lots".',
    });
  });

  it("lists the kinds of step when a kind is unknown or missing", () => {
    const [unknown] = rejected({ nodes: [{ id: "robot", kind: "robot", label: "Robot" }] });
    expect(unknown?.path).toBe("nodes[0].kind");
    expect(unknown?.message).toBe(
      'Step "Robot" (robot): kind "robot" is not one of the known kinds; use one of channel, selfService, route, work, escalate, followUp, delay, end.',
    );
    const [missing] = rejected({ nodes: [{ id: "robot", label: "Robot" }] });
    expect(missing?.message).toContain('Step "Robot" (robot): kind is missing; give one of channel');
  });

  it("explains a duration it cannot read", () => {
    const [d] = rejected({ nodes: [{ ...work, handleTime: "6 minutes" }] });
    expect(d).toMatchObject({ path: "nodes[0].handleTime", nodeId: "l1-answer" });
    expect(d?.message).toContain('"6 minutes" is not a duration; write seconds (90) or a number with a unit: 90s, 6m');
  });

  it("reports a negative share and a share above 1 with their values", () => {
    const ds = rejected({ nodes: [{ ...work, outcomes: { done: -0.2, again: 1.2 } }] });
    expect(ds.map((d) => [d.path, d.message])).toEqual([
      ["nodes[0].outcomes.done", 'Step "L1 answers" (l1-answer): outcomes.done must not be negative (it is -0.2).'],
      ["nodes[0].outcomes.again", 'Step "L1 answers" (l1-answer): outcomes.again must not be more than 1 (it is 1.2).'],
    ]);
  });

  it("names a team and a connection by id", () => {
    const ds = rejected({
      teams: [{ id: "l1", name: "L1 front line", agents: 2.5 }],
      edges: [{ id: "e1", from: "a" }],
    });
    expect(ds).toContainEqual(
      expect.objectContaining({
        path: "teams[0].agents",
        teamId: "l1",
        message: 'Team "L1 front line" (l1): Agents must be a whole number (it is 2.5).',
      }),
    );
    expect(ds).toContainEqual(
      expect.objectContaining({ path: "edges[0].to", edgeId: "e1", message: 'Connection "e1": to is missing.' }),
    );
  });

  it("rejects a wrong or missing format string", () => {
    expect(parseModel({ format: "flowcast/v2" })).toEqual({
      ok: false,
      diagnostics: [
        { severity: "error", path: "format", message: 'Flow: format must be "flowcast/v1", not "flowcast/v2".' },
      ],
    });
    const missing = parseModel({ name: "x" });
    expect(!missing.ok && missing.diagnostics[0]?.message).toBe('Flow: format is missing; it must be "flowcast/v1".');
  });

  it("rejects a value that is not an object", () => {
    for (const value of [[1, 2], "flow", 42, null]) {
      const result = parseModel(value);
      expect(!result.ok && result.diagnostics[0]?.message).toContain("is not a Flowcast flow");
    }
  });
});

describe("parseModelText messages", () => {
  it("names the line and column of a JSON syntax error", () => {
    const text = '{\n  "format": "flowcast/v1",\n  "nodes": [,]\n}';
    const result = parseModelText(text);
    expect(!result.ok && result.diagnostics[0]?.message).toBe(
      'The file is not valid JSON: unexpected "," where a value was expected at line 3, column 13.',
    );
  });

  it("points at a missing comma, a trailing comma and an unclosed object", () => {
    const message = (text: string) => {
      const result = parseModelText(text);
      return result.ok ? "" : (result.diagnostics[0]?.message ?? "");
    };
    expect(message('{\n  "a": 1\n  "b": 2\n}')).toContain("(a comma may be missing) at line 3, column 3");
    expect(message('{ "a": [1, 2,] }')).toContain("a comma before ] is not allowed in JSON at line 1, column 14");
    expect(message('{ "format": "flowcast/v1"')).toContain("the text ends inside an object");
    expect(message("{ 'format': 1 }")).toContain("not single quotes");
  });

  it("says an empty file is empty", () => {
    const result = parseModelText("  \n");
    expect(!result.ok && result.diagnostics[0]?.message).toContain("The file is empty");
  });
});

describe("parseModelText input", () => {
  it("reads a file that starts with a byte order mark", () => {
    const result = parseModelText('\uFEFF{ "format": "flowcast/v1" }');
    expect(result.ok).toBe(true);
  });
});
