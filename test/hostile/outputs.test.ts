/**
 * Issue 19: every file a command writes is guarded. An output is never an input nor another
 * output of the same command (through `..`, symlinks and hard links), refused with exit 2
 * before any work; a write error is exit 2 naming the path and the reason; a failed or
 * interrupted write leaves the old file whole.
 */
import { spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openOutputFile, writeOutputFile } from "../../src/io/node/outputFile";
import { runInProcess } from "../cli/run-cli";

const ROOT = new URL("../../", import.meta.url).pathname;
const DIR = mkdtempSync(join(tmpdir(), "flowcast-outputs-"));
const FLOW_TEXT = readFileSync(join(ROOT, "samples/password-reset.json"), "utf8");
const RUN = ["--replications", "1", "--horizon", "4d", "--workers", "1"];
const LOG_TEXT = [
  "ticket,time,event,team",
  "T1,2026-01-05T08:00,queue,l1",
  "T1,2026-01-05T08:05,start,l1",
  "T1,2026-01-05T08:10,end,l1",
  "T1,2026-01-05T08:10,close,l1",
  "",
].join("\n");
const LOG_COLUMNS = ["--case", "ticket", "--time", "time", "--activity", "event", "--team", "team"];

const run = runInProcess;

let counter = 0;
/** A fresh folder holding the flow as f.json, a symlink to it and a sub-folder. */
function workspace(): { dir: string; flow: string; log: string } {
  const dir = join(DIR, `w${++counter}`);
  mkdirSync(join(dir, "sub"), { recursive: true });
  writeFileSync(join(dir, "f.json"), FLOW_TEXT);
  writeFileSync(join(dir, "log.csv"), LOG_TEXT);
  symlinkSync(join(dir, "f.json"), join(dir, "link.json"));
  symlinkSync(join(dir, "log.csv"), join(dir, "log-link.csv"));
  linkSync(join(dir, "f.json"), join(dir, "hard.json"));
  return { dir, flow: join(dir, "f.json"), log: join(dir, "log.csv") };
}

describe("an output is never an input nor another output", () => {
  const w = workspace();
  const same = (name: string) => [join(w.dir, name), join(w.dir, "sub", "..", name)];
  const cases: [string, string[], RegExp][] = [
    ...same("f.json").map((p): [string, string[], RegExp] => [
      `simulate --event-log ${p}`,
      ["simulate", w.flow, ...RUN, "--event-log", p],
      /--event-log .* is the input file/,
    ]),
    [
      "simulate --event-log through a symlink",
      ["simulate", w.flow, ...RUN, "--event-log", join(w.dir, "link.json")],
      /is the input file/,
    ],
    [
      "simulate --out through a hard link",
      ["simulate", w.flow, ...RUN, "--out", join(w.dir, "hard.json")],
      /is the input file/,
    ],
    [
      "simulate --out X --event-log X",
      ["simulate", w.flow, ...RUN, "--out", join(w.dir, "x.json"), "--event-log", join(w.dir, "sub/../x.json")],
      /--out .* and --event-log .* are the same file/,
    ],
    [
      "staff --out onto its input",
      ["staff", w.flow, "--out", w.flow, "--target", "serviceLevel>=99.9%"],
      /--out .* is the input file/,
    ],
    ["staff --out through a symlink", ["staff", w.flow, "--out", join(w.dir, "link.json")], /is the input file/],
    ["compare --out onto its input", ["compare", w.flow, ...RUN, "--out", w.flow], /is the input file/],
    [
      "export --out onto its input",
      ["export", w.flow, "--to", "svg", "--out", join(w.dir, "link.json")],
      /is the input file/,
    ],
    [
      "export --out onto --results",
      ["export", w.flow, "--to", "png", "--results", w.log, "--out", w.log],
      /is the input file/,
    ],
    ["import --out onto its input", ["import", w.flow, "--out", w.flow], /is the input file/],
    [
      "calibrate --out onto the log",
      ["calibrate", w.log, ...LOG_COLUMNS, "--out", w.log],
      /--out .* is the input file/,
    ],
    [
      "calibrate --report onto the log (symlink)",
      ["calibrate", w.log, ...LOG_COLUMNS, "--out", join(w.dir, "c.json"), "--report", join(w.dir, "log-link.csv")],
      /--report .* is the input file/,
    ],
    [
      "calibrate --out X --report X",
      ["calibrate", w.log, ...LOG_COLUMNS, "--out", join(w.dir, "c.json"), "--report", join(w.dir, "sub/../c.json")],
      /--out .* and --report .* are the same file/,
    ],
  ];
  it.each(cases)("%s: exit 2 before any work, every file as it was", async (_name, args, message) => {
    const before = snapshot(w.dir);
    const { code, stderr, stdout } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe("");
    expect(snapshot(w.dir)).toEqual(before);
  });
});

describe("write errors are exit 2 with the path and the reason", () => {
  const w = workspace();
  const cases: [string, string[], RegExp][] = [
    [
      "--event-log /dev/full",
      ["simulate", w.flow, ...RUN, "--event-log", "/dev/full"],
      /cannot write \/dev\/full: no space left on the device/,
    ],
    [
      "--out /dev/full",
      ["simulate", w.flow, ...RUN, "--out", "/dev/full"],
      /cannot write \/dev\/full: no space left on the device/,
    ],
    ["schema --out /dev/full", ["schema", "--out", "/dev/full"], /cannot write \/dev\/full: no space left/],
    [
      "a missing folder",
      ["simulate", w.flow, ...RUN, "--event-log", join(w.dir, "nowhere/x.csv")],
      /nowhere\/x\.csv: the folder does not exist/,
    ],
    [
      "a file used as a folder",
      ["staff", w.flow, "--out", join(w.flow, "x.json")],
      /a part of the path is a file, not a folder/,
    ],
    [
      "a folder as the file",
      ["export", w.flow, "--to", "svg", "--out", join(w.dir, "sub")],
      /sub: it is a folder, not a file/,
    ],
    ["an empty name", ["calibrate", w.log, ...LOG_COLUMNS, "--out", ""], /--out needs a file name/],
  ];
  if (existsSync("/sys/kernel")) {
    cases.push([
      "a read-only place",
      ["simulate", w.flow, ...RUN, "--event-log", "/sys/flowcast.csv"],
      /cannot write \/sys\/flowcast\.csv: (permission denied|the file system is read-only)/,
    ]);
  }
  it.each(cases)("%s", async (_name, args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it("a read-only folder is refused before the run (as a user without root)", async () => {
    const folder = join(w.dir, "locked");
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    const { code, stderr } = await run(["simulate", w.flow, ...RUN, "--out", join(folder, "r.json")]);
    chmodSync(folder, 0o755);
    // root may write anywhere; anyone else is refused with the reason
    if (process.getuid?.() === 0) expect(code).toBe(0);
    else {
      expect(code).toBe(2);
      expect(stderr).toMatch(/locked\/r\.json: permission denied/);
    }
  });
});

describe("a failed or interrupted write leaves the old file whole", () => {
  it("an aborted output keeps the old file and leaves no temporary file", () => {
    const dir = workspace().dir;
    const path = join(dir, "old.txt");
    writeFileSync(path, "old");
    const file = openOutputFile(path);
    file.write("new, half");
    file.abort();
    expect(readFileSync(path, "utf8")).toBe("old");
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("a committed output replaces the file behind a symlink, keeps the link and the file's mode", () => {
    const dir = workspace().dir;
    const target = join(dir, "target.txt");
    writeFileSync(target, "old");
    chmodSync(target, 0o640);
    symlinkSync(target, join(dir, "via.txt"));
    writeOutputFile(join(dir, "via.txt"), "new");
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(dir, "via.txt"), "utf8")).toBe("new");
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("a simulate --event-log killed mid-run leaves the earlier log whole", async () => {
    const w = workspace();
    const log = join(w.dir, "events.csv");
    writeFileSync(log, "earlier log\n");
    // A long run (a few seconds alone), killed once its event log has been written to for a while.
    const child = spawn(
      process.execPath,
      [
        "bin/flowcast.mjs",
        "simulate",
        w.flow,
        "--replications",
        "1",
        "--workers",
        "1",
        "--horizon",
        "400d",
        "--event-log",
        log,
      ],
      { cwd: ROOT, stdio: "ignore" },
    );
    const started = Date.now();
    while (!readdirSync(w.dir).some((n) => n.endsWith(".tmp")) && Date.now() - started < 20_000) await sleep(50);
    await sleep(300);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    expect(readFileSync(log, "utf8")).toBe("earlier log\n");
  });
});

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    out[name] = statSync(path).isDirectory() ? `dir:${readdirSync(path).join(",")}` : readFileSync(path, "utf8");
  }
  return out;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
