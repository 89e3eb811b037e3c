import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseModelText } from "../../src/model";
import { runCli as flowcast } from "./run-cli";

const ARTICLE = "test/io/fixtures/password-reset.mmd";
const dir = mkdtempSync(join(tmpdir(), "flowcast-import-"));

describe("flowcast import", () => {
  it("writes a laid-out flow and prints what it guessed", async () => {
    const out = join(dir, "reset.json");
    const run = await flowcast(["import", ARTICLE, "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`wrote ${out}: 10 steps, 9 connections, 1 team`);
    expect(run.stdout).toMatch(/\d+ guessed fields to check:/);
    expect(run.stdout).toContain("contacts arrive at 20 per hour");
    const parsed = parseModelText(readFileSync(out, "utf8"));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.model.name).toBe("password-reset");
      expect(Object.keys(parsed.model.layout).sort()).toEqual(parsed.model.nodes.map((n) => n.id).sort());
    }
  });

  it("prints the flow on standard output and the report on standard error without --out", async () => {
    const run = await flowcast(["import", ARTICLE]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).format).toBe("flowcast/v1");
    expect(run.stderr).toContain("guessed fields to check");
  });

  it("exits 1 with line and column on a diagram it cannot parse", async () => {
    const path = join(dir, "broken.mmd");
    writeFileSync(path, "flowchart LR\n  a --> b{Decide\n");
    const run = await flowcast(["import", path, "--out", join(dir, "never.json")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${path}:2:10: "{" is not closed with "}" on this line`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 when the file cannot be read", async () => {
    const run = await flowcast(["import", join(dir, "missing.mmd")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no such file");
  });
});
