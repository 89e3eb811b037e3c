/**
 * `flowcast export --to bpmn` and `flowcast import X.bpmn` (issue 23): a sample goes out and
 * comes back byte for byte; a Camunda Modeler diagram imports with its report; hostile or
 * non-BPMN files exit 1 with a message, a missing one 2, never a stack trace.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseModelText, serializeModel } from "../../src/model";
import { runCli as flowcast } from "./run-cli";

const dir = mkdtempSync(join(tmpdir(), "flowcast-bpmn-"));
const SAMPLE = "samples/card-disputes.json";

describe("flowcast BPMN export and import", () => {
  it("exports a sample as BPMN and imports it back unchanged", async () => {
    const bpmn = join(dir, "disputes.bpmn");
    const exported = await flowcast(["export", SAMPLE, "--to", "bpmn", "--out", bpmn]);
    expect(exported.code).toBe(0);
    expect(readFileSync(bpmn, "utf8")).toContain("<bpmndi:BPMNDiagram");
    const back = join(dir, "disputes.json");
    const imported = await flowcast(["import", bpmn, "--out", back]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("a Flowcast export, read back exactly");
    const original = parseModelText(readFileSync(SAMPLE, "utf8"));
    const again = parseModelText(readFileSync(back, "utf8"));
    if (!original.ok || !again.ok) throw new Error("a flow did not parse");
    expect(serializeModel(again.model)).toBe(serializeModel(original.model));
  });

  it("imports a Camunda Modeler diagram into a flow that validates, listing guesses and omissions", async () => {
    const out = join(dir, "camunda.json");
    const run = await flowcast(["import", "test/io/fixtures/camunda-support.bpmn", "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`wrote ${out}: 8 steps`);
    expect(run.stdout).toMatch(/4 elements not imported:\n {2}- message flow "Confirmation e-mail"/);
    expect(run.stdout).toMatch(/9 guessed fields to check:/);
    expect((await flowcast(["validate", out])).code).toBe(0);
  });

  it("exits 1 on entity declarations and on XML that is not BPMN, 2 on a missing file", async () => {
    const evil = join(dir, "evil.bpmn");
    writeFileSync(evil, '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><d>&b;</d>');
    const run = await flowcast(["import", evil]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("declares a DOCTYPE");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const svg = join(dir, "picture.xml");
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const other = await flowcast(["import", svg]);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain("not a BPMN 2.0 file");
    expect((await flowcast(["import", join(dir, "missing.bpmn")])).code).toBe(2);
  });
});
