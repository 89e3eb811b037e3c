/**
 * Issue 23: the packed command installs and runs on its own. `npm pack` builds the CLI into
 * the tarball; `npm install -g --prefix TMP` installs it (no dev tools, no sources); the
 * installed `flowcast` prints its version and help, validates and simulates a sample.
 * Uses the npm registry (or npm's cache) for the two run-time dependencies.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ROOT } from "./run-cli";

const exec = promisify(execFile);
const DIR = mkdtempSync(join(tmpdir(), "flowcast-pack-"));
const PREFIX = join(DIR, "prefix");
const SAMPLE = join(ROOT, "samples/password-reset.json");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

describe("the packed flowcast command", () => {
  it("installs from its tarball into an empty prefix and runs there", async () => {
    // the test setup built dist-cli/ fresh: pack it as it is, without rebuilding under the other tests
    await exec("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", DIR], {
      cwd: ROOT,
      timeout: 120_000,
    });
    const tarball = readdirSync(DIR).find((name) => /^flowcast-.*\.tgz$/.test(name));
    expect(tarball).toBeDefined();
    await exec("npm", ["install", "-g", "--prefix", PREFIX, "--no-audit", "--no-fund", join(DIR, tarball as string)], {
      cwd: DIR,
      timeout: 180_000,
    });
    const installed = join(PREFIX, "lib/node_modules/flowcast");
    // the built command is inside; sources and dev tools are not
    expect(existsSync(join(installed, "dist-cli/main.js"))).toBe(true);
    expect(existsSync(join(installed, "src"))).toBe(false);
    expect(existsSync(join(installed, "node_modules/tsx"))).toBe(false);
    const bin = join(PREFIX, "bin/flowcast");
    const env = { ...process.env, PATH: `${join(PREFIX, "bin")}:${process.env.PATH}`, FLOWCAST_DEBUG: "" };
    const run = (args: string[]) => exec(bin, args, { cwd: DIR, env, timeout: 60_000 });

    expect((await run(["--version"])).stdout).toBe(`flowcast ${VERSION}\n`);
    const help = await run(["--help"]);
    expect(help.stdout).toMatch(/^Usage: flowcast <command>/);
    expect(help.stderr).not.toMatch(/TypeScript sources|not built/);
    expect((await run(["validate", SAMPLE])).stdout).toMatch(/valid \(\d+ steps/);
    const simulated = await run(["simulate", SAMPLE, "--replications", "2", "--horizon", "4d", "--json"]);
    expect(JSON.parse(simulated.stdout).format).toBe("flowcast-results/v1");
  });
});
