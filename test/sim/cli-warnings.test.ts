/**
 * Overload warnings on the command line (issue 9): `validate` and `simulate` say, in the
 * user's words, when a team is offered more work than its agents can do, and the exit code
 * stays what it was (0 for a valid flow that runs).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli";

/** A phone line into one team of 3 agents, 6 minutes a call, at `perHour` calls. */
function lineFile(perHour: number): string {
  const dir = mkdtempSync(join(tmpdir(), "flowcast-load-"));
  const path = join(dir, `line-${perHour}.json`);
  const flow = {
    format: "flowcast/v1",
    clock: { horizon: "3d", warmup: "1d" },
    teams: [{ id: "l1", name: "L1 front line", agents: 3, costPerHour: 30 }],
    nodes: [
      { id: "calls", kind: "channel", arrivals: { perHour } },
      { id: "answer", kind: "work", team: "l1", handleTime: "6m", outcomes: { resolved: 1 } },
      { id: "done", kind: "end" },
    ],
    edges: [
      { id: "a", from: "calls", to: "answer" },
      { id: "b", from: "answer", port: "resolved", to: "done" },
    ],
  };
  writeFileSync(path, JSON.stringify(flow));
  return path;
}

const OVERLOAD = "L1 front line is offered 133% of its capacity: the queue will grow without limit.";

describe("overload warnings on the command line", () => {
  it("validate: warns on a flow at 133% and exits 0", async () => {
    const run = await runCli(["validate", lineFile(40)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("valid with 1 warning");
    expect(run.stdout).toContain(`warning teams[0]: ${OVERLOAD}`);
  });

  it("validate: says nothing at 87%, and warns of long waits from 90% without failing", async () => {
    const calm = await runCli(["validate", lineFile(26)]);
    expect(calm.code).toBe(0);
    expect(calm.stdout).not.toContain("warning");
    const busy = await runCli(["validate", lineFile(27)]);
    expect(busy.code).toBe(0);
    expect(busy.stdout).toContain("at 90% of its capacity all week: expect long waits; service level falls steeply.");
  });

  it("simulate: warns on stderr before the run and keeps the warnings in the results", async () => {
    const run = await runCli(["simulate", lineFile(40), "--replications", "2", "--workers", "1", "--json"]);
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n")[0]).toBe(`warning: ${OVERLOAD}`);
    const results = JSON.parse(run.stdout);
    expect(results.warnings[0]).toEqual({ code: "overload", team: "l1", message: OVERLOAD });
  }, 30_000);
});
