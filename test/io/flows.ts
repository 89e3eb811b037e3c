/** Flows the io tests run over: the test fixture and every sample in samples/. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Model, parseModelText } from "../../src/model";

const ROOT = join(__dirname, "../..");

/** Reads and decodes a flow file relative to the repository root. */
export function loadFlow(path: string): Model {
  const parsed = parseModelText(readFileSync(join(ROOT, path), "utf8"));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.diagnostics.map((d) => d.message).join("; ")}`);
  return parsed.model;
}

/** Paths of the sample flows (samples/*.json). */
export function samplePaths(): string[] {
  const dir = join(ROOT, "samples");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => `samples/${name}`);
}

/** The fixture and every sample, by path. */
export function allFlows(): string[] {
  return ["test/io/fixtures/io.tiered.json", ...samplePaths()];
}
