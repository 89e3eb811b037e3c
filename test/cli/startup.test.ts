/**
 * The command ships as built JavaScript (scripts/build-cli.mjs -> dist-cli/; the unit tests'
 * global setup rebuilds it when a source changed) and starts without work it does not need.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildState } from "../../bin/build-info.mjs";
import { ROOT, runCli } from "./run-cli";

const OUT = `${ROOT}dist-cli/`;

/** Every file main.js loads before it runs a command: its static imports, followed through. */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(OUT + file, "utf8");
  // static imports, minified or not: `import{a}from"./x.js";`, `import "./y.js";` (not `import("./z.js")`)
  for (const match of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w*{][^;()"]*?from\s*)?"\.\/([^"]+)"/g)) {
    staticGraph(match[1] as string, seen);
  }
  return seen;
}

describe("the built command line", () => {
  it("is fresh: bin/flowcast.mjs runs dist-cli/, not the TypeScript sources", () => {
    expect(buildState()).toBe("fresh");
  });

  it("loads neither zod nor the simulator before a command is chosen", () => {
    const sourceOf = (files: Set<string>) => [...files].map((f) => readFileSync(OUT + f, "utf8")).join("\n");
    const start = sourceOf(staticGraph("main.js"));
    expect(start).toContain("Usage: flowcast <command>");
    // The markers are real: `simulate`, loaded on demand, brings the zod schemas and the engine.
    const simulate = /import\("\.\/(simulate-[^"]+)"\)/.exec(readFileSync(`${OUT}main.js`, "utf8"))?.[1];
    expect(simulate).toBeDefined();
    const simulateCode = sourceOf(staticGraph(simulate as string));
    expect(simulateCode).toContain("ZodType");
    expect(simulateCode).toMatch(/Calendar ?= ?class|class Calendar/);
    expect(start).not.toContain("ZodType");
    expect(start).not.toMatch(/Calendar ?= ?class|class Calendar/);
  });

  it("prints its help with exit 0", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("simulate");
    expect(run.stderr).toBe("");
  });
});
