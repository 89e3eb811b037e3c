/** `flowcast staff` as a user runs it: exit codes, the staffing document, and messages. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeModel } from "../../src/model";
import { runCli, runInProcess } from "../cli/run-cli";
import { singleQueue } from "./flows";

const dir = mkdtempSync(join(tmpdir(), "flowcast-staff-"));
const flow = join(dir, "single.json");
writeFileSync(flow, JSON.stringify(encodeModel(singleQueue(40, 360, 180))));
const quick = ["--replications", "4", "--horizon", "5d"];

/** The command in this process (argument and flow errors stop before any simulation). */
const runHere = runInProcess;

describe("flowcast staff", () => {
  it("prints a flowcast-staffing/v1 document whose answer meets the target", async () => {
    const run = await runCli(["staff", flow, "--target", "nodes.q.serviceLevel>=70%", ...quick, "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.format).toBe("flowcast-staffing/v1");
    expect(doc.met).toBe(true);
    expect(doc.teams.a.agents).toBeGreaterThanOrEqual(5);
    expect(doc.targets[0]).toMatchObject({ kpi: "serviceLevel", node: "q", atLeast: 0.7, met: true });
    expect(doc.targets[0].estimate.ci95[0]).toBeGreaterThanOrEqual(0.7);
    expect(doc.evaluations).toBeGreaterThan(1);
    // why: the service level holds the team (the flow has no names, so ids are its words)
    expect(doc.why.a.binding).toBe("q: answered within 20 s at least 70%");
    expect(doc.why.a.sentence).toMatch(
      new RegExp(
        `^a: held by q: answered within 20 s at least 70% \\([\\d.]+% at ${doc.teams.a.agents} agents; [\\d.]+% at ${doc.teams.a.agents - 1}\\)$`,
      ),
    );
    expect(doc.teams.a).toMatchObject({ shrinkage: 0, people: doc.teams.a.agents });
    // saved as "+N agents" (add), not as a frozen headcount (set)
    expect(doc.teams.a.current).toBe(3);
    expect(doc.scenario.add["teams.a.agents"]).toBe(doc.teams.a.agents - 3);
    expect(doc.scenario.set).toEqual({});
    expect(doc.kpis.serviceLevel.mean).toBeGreaterThan(0);
  }, 60_000);

  it("exits 1 naming the bound when no staffing can reach a target", async () => {
    const run = await runCli(["staff", flow, "--target", "deflectionRate>=0.5", ...quick]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/No staffing up to the bound \(\d+ a agents\) meets deflection rate at least 50%/);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  }, 60_000);

  it.each([
    ["serviceLevel=>0.8", /is not a target/],
    ["nodes.nope.serviceLevel>=0.8", /step "nope", which is not in this flow/],
    ["serviceLevel>=1.5", /is not a share from 0 to 1/],
    ["nodes.q.waitMean<=thirty", /is not seconds or a duration/],
    ["speed>=3", /"speed" is not a KPI of the flow/],
    ["teams.zz.utilization<=0.8", /team "zz", which is not in this flow/],
  ])("exits 2 for the malformed target %s", async (expr, message) => {
    const run = await runHere(["staff", flow, "--target", expr]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
  });

  it("exits 2 without any target or with an unknown team", async () => {
    const none = await runHere(["staff", flow]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/has no targets; add some to the flow or pass --target/);
    const team = await runHere(["staff", flow, "--target", "abandonRate<=5%", "--teams", "a,zz"]);
    expect(team.code).toBe(2);
    expect(team.stderr).toMatch(/--teams: no team "zz" in this flow; its teams are a/);
  });

  it("exits 1 when the flow's own targets are invalid, naming the place", async () => {
    const bad = join(dir, "bad.json");
    const file = encodeModel(singleQueue(40, 360)) as Record<string, unknown>;
    writeFileSync(bad, JSON.stringify({ ...file, targets: [{ kpi: "serviceLevel", node: "in", atLeast: 0.8 }] }));
    const run = await runHere(["staff", bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/targets\[0\]\.node: Target 1 \(serviceLevel\) is of "in", a channel step/);
  });
});
