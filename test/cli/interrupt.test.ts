/**
 * A command stopped while it writes (Ctrl-C, `kill`) leaves nothing behind (issue 19): the
 * hidden temporary file beside `--event-log`'s target is removed once the process is gone,
 * no half-written log takes the target's name, and the command stops at once with the
 * signal's ordinary status.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "./run-cli";

const DIRS: string[] = [];

afterAll(() => {
  for (const dir of DIRS) rmSync(dir, { recursive: true, force: true });
});

describe("a killed simulate --event-log", () => {
  // Both signals at once: each run waits for its replication before the log starts.
  it("leaves no temporary file and no partial log, on SIGINT and on SIGTERM", async () => {
    const [interrupted, terminated] = await Promise.all([killWhileWriting("SIGINT"), killWhileWriting("SIGTERM")]);
    for (const run of [interrupted, terminated]) {
      // The temporary file existed (the kill came while writing), then went.
      expect(run.sawTemp).toBe(true);
      expect(run.left).toEqual([]);
      expect(existsSync(join(run.dir, "log.csv"))).toBe(false);
    }
    expect(interrupted.signal).toBe("SIGINT");
    expect(terminated.signal).toBe("SIGTERM");
  }, 120_000);
});

// helpers

interface Killed {
  dir: string;
  sawTemp: boolean;
  signal: NodeJS.Signals | null;
  /** Hidden files left in the folder once the watchdog had time to act. */
  left: string[];
}

/**
 * Starts a five-month simulation writing its event log (many seconds of writing), waits for
 * its temporary file to appear, sends `signal`, and lists what the folder holds afterwards.
 */
async function killWhileWriting(signal: NodeJS.Signals): Promise<Killed> {
  const dir = mkdtempSync(join(tmpdir(), "flowcast-kill-"));
  DIRS.push(dir);
  const child = spawn(
    process.execPath,
    [
      "bin/flowcast.mjs",
      "simulate",
      "samples/three-tier-desk.json",
      "--replications",
      "1",
      "--workers",
      "1",
      "--horizon",
      "150d",
      "--event-log",
      join(dir, "log.csv"),
    ],
    { cwd: ROOT, stdio: "ignore" },
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_, sig) => resolve(sig)));
  const hidden = () => readdirSync(dir).filter((name) => name.startsWith("."));
  const sawTemp = await waitFor(() => hidden().length > 0, 90_000);
  child.kill(signal);
  const exitSignal = await exited;
  // The watchdog acts as soon as the process is gone; a loaded machine may take a moment.
  await waitFor(() => hidden().length === 0, 5_000);
  return { dir, sawTemp, signal: exitSignal, left: hidden() };
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}
