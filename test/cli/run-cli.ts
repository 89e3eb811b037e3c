/** Runs the real `flowcast` command (bin/flowcast.mjs) in a child process, as a user would. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The same command run in this process (no child, no build): quicker, and its code is covered. */
export async function runInProcess(args: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    errIsTTY: false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** `node bin/flowcast.mjs ...args` from the repository root; never throws on a non-zero exit. */
export function runCli(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["bin/flowcast.mjs", ...args],
      { cwd: ROOT, maxBuffer: 64 << 20, env: { ...process.env, FLOWCAST_DEBUG: "" } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * stderr without the progress lines a slow run prints when stderr is not a terminal
 * ("replication 1/3 after 6 s, about 12 s left"): on a busy machine any run may show them.
 */
export function withoutProgress(stderr: string): string {
  return stderr.replace(/^.*replication \d+\/\d+ after .*\n/gm, "");
}
