/**
 * Whether the built CLI in dist-cli/ matches the sources it was built from. The build
 * (scripts/build-cli.mjs) writes dist-cli/build-info.json: its start time and every source
 * file it bundled. The build is stale when one of them changed after that time or is gone,
 * so a checkout that edits or pulls sources never runs old code. Costs one stat per source
 * file (about a millisecond): no hashing, no esbuild.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../", import.meta.url));
export const OUT_DIR = `${ROOT}dist-cli/`;
export const INFO_FILE = `${OUT_DIR}build-info.json`;

/** "fresh", "missing" (never built) or "stale" (a source changed since the build). */
export function buildState() {
  let info;
  try {
    info = JSON.parse(readFileSync(INFO_FILE, "utf8"));
  } catch {
    return "missing";
  }
  if (!Array.isArray(info.inputs) || typeof info.builtAtMs !== "number") return "missing";
  // An installed package (npm pack, npm install -g) ships the build without its sources.
  if (!existsSync(`${ROOT}src/cli/main.ts`)) return "fresh";
  for (const input of info.inputs) {
    try {
      if (statSync(ROOT + input).mtimeMs > info.builtAtMs) return "stale";
    } catch {
      return "stale";
    }
  }
  return "fresh";
}
