import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pngSize } from "../../src/io/node/rasterise";
import { runCli as flowcast } from "./run-cli";

const FLOW = "test/io/fixtures/io.tiered.json";
const dir = mkdtempSync(join(tmpdir(), "flowcast-export-"));

describe("flowcast export", () => {
  it("writes an SVG with every label to standard output", async () => {
    const run = await flowcast(["export", FLOW, "--to", "svg"]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("<svg")).toBe(true);
    for (const label of ["L1 answers", "L2 investigates", "Hand off to L3", "Tiered support desk"])
      expect(run.stdout).toContain(label);
  });

  it("writes a PNG at 2x whose size is twice the SVG's viewBox", async () => {
    const out = join(dir, "desk.png");
    const svg = await flowcast(["export", FLOW, "--to", "svg"]);
    const run = await flowcast(["export", FLOW, "--to", "png", "--scale", "2", "--out", out]);
    expect(run.code).toBe(0);
    const png = readFileSync(out);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const [vw, vh] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg.stdout)!.slice(1).map(Number);
    expect(pngSize(png)).toEqual({ width: vw! * 2, height: vh! * 2 });
    expect(png.length).toBeGreaterThan(20_000);
  });

  it("names the PNG after the flow file by default", async () => {
    const copy = join(dir, "copy.json");
    writeFileSync(copy, readFileSync(FLOW));
    const run = await flowcast(["export", copy, "--to", "png"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(join(dir, "copy.png"));
    expect(pngSize(readFileSync(join(dir, "copy.png"))).width).toBeGreaterThan(500);
  });

  it("writes Mermaid, the Markdown runbook and the printable runbook", async () => {
    const mermaid = await flowcast(["export", FLOW, "--to", "mermaid"]);
    expect(mermaid.stdout).toContain("flowchart LR");
    expect(mermaid.stdout).toContain('l1-answer -->|"resolved 72%"| done');
    const markdown = await flowcast(["export", FLOW, "--to", "markdown"]);
    expect(markdown.stdout).toContain("# Tiered support desk — runbook");
    const out = join(dir, "runbook.html");
    const html = await flowcast(["export", FLOW, "--to", "html", "--out", out]);
    expect(html.code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("@media print");
  });

  it("lays out a flow without a saved layout", async () => {
    const flow = JSON.parse(readFileSync(FLOW, "utf8"));
    delete flow.layout;
    const path = join(dir, "nolayout.json");
    writeFileSync(path, JSON.stringify(flow));
    const run = await flowcast(["export", path, "--to", "svg"]);
    expect(run.code).toBe(0);
    const xs = [...run.stdout.matchAll(/<g data-id="[^"]+"><rect x="([\d.-]+)"/g)].map((m) => m[1]);
    expect(new Set(xs).size).toBeGreaterThan(3);
  });

  it("exits 2 on usage mistakes and unreadable files, 1 on a file that is not a flow", async () => {
    const noFormat = await flowcast(["export", FLOW]);
    expect(noFormat.code).toBe(2);
    expect(noFormat.stderr).toContain("--to is required");
    const badFormat = await flowcast(["export", FLOW, "--to", "gif"]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('not "gif"');
    const missing = await flowcast(["export", join(dir, "none.json"), "--to", "svg"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file");
    const notFlow = join(dir, "not-flow.json");
    writeFileSync(notFlow, '{"format": "flowcast/v1", "nodes": [{"id": "x", "kind": "teleport"}]}');
    const invalid = await flowcast(["export", notFlow, "--to", "svg"]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("teleport");
    expect(invalid.stderr).not.toMatch(/\n\s+at /);
  });
});
