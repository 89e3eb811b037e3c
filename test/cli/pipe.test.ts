/**
 * Output piped into a reader that stops early (`flowcast ... | head -1`) must end quietly:
 * no "write EPIPE" stack trace on stderr.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("flowcast with its output piped into head", () => {
  it("stops quietly when the reader closes the pipe", () => {
    // `true` exits at once without reading, long before node starts writing: every write
    // meets a closed pipe. `echo done` after them shows that the pipelines ran.
    const run = spawnSync(
      "bash",
      [
        "-c",
        "node bin/flowcast.mjs export samples/three-tier-desk.json --to markdown | true; node bin/flowcast.mjs schema | true; echo done",
      ],
      { encoding: "utf8", timeout: 60_000 },
    );
    expect(run.stdout).toBe("done\n");
    expect(run.stderr).not.toMatch(/EPIPE|at .*\.ts:\d+/);
  });
});
