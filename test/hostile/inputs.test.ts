/**
 * Issue 19: input text through the CLI. Binary data (a megabyte of zero bytes, /dev/zero) is
 * refused at once with a one-line message; UTF-16 files read as their text; a log that is
 * not UTF-8 names its lines instead of splitting a team in three; unknown fields in a flow
 * are warnings that leave the exit code and the run alone.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../cli/run-cli";

const ROOT = new URL("../../", import.meta.url).pathname;
const DIR = mkdtempSync(join(tmpdir(), "flowcast-inputs-"));
const FLOW = readFileSync(join(ROOT, "samples/password-reset.json"), "utf8");
const LOG = [
  "ticket,time,event,team",
  "T1,2026-01-05T08:00,queue,Équipe",
  "T1,2026-01-05T08:05,start,Équipe",
  "T1,2026-01-05T08:10,end,Équipe",
  "T1,2026-01-05T08:10,close,Équipe",
  "",
].join("\n");
const COLUMNS = ["--case", "ticket", "--time", "time", "--activity", "event", "--team", "team", "--replications", "0"];

const run = runInProcess;

function file(name: string, data: string | Uint8Array): string {
  const path = join(DIR, name);
  writeFileSync(path, data);
  return path;
}

describe("binary input is refused early and briefly", () => {
  const zeros = file("zeros.bin", new Uint8Array(1_000_000));
  const cases: string[][] = [
    ["validate", zeros],
    ["simulate", zeros],
    ["export", zeros, "--to", "svg"],
    ["calibrate", zeros, ...COLUMNS, "--out", join(DIR, "z.json")],
    ["import", zeros],
  ];
  if (existsSync("/dev/zero")) {
    cases.push(
      ["validate", "/dev/zero"],
      ["staff", "/dev/zero"],
      ["calibrate", "/dev/zero", ...COLUMNS, "--out", join(DIR, "z.json")],
    );
  }
  it.each(cases)("%s %s: exit 2, one short line", async (...args) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    const all = stdout + stderr;
    expect(all).toMatch(/is not a text file: it holds binary data/);
    expect(all.length).toBeLessThan(300);
    expect(all).not.toMatch(/Invalid string length|internal error/);
    expect(all.includes(String.fromCharCode(0))).toBe(false);
  });
});

describe("encodings", () => {
  it("a UTF-16 flow, either byte order, validates as its UTF-8 twin", async () => {
    const le = file(
      "flow16.json",
      new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FLOW, "utf16le")])),
    );
    const { code, stdout } = await run(["validate", le]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/valid/);
  });

  it("a UTF-16 event log keeps its column and team names", async () => {
    const log = file(
      "log16.csv",
      new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LOG, "utf16le")])),
    );
    const out = join(DIR, "from16.json");
    const { code, stderr } = await run(["calibrate", log, ...COLUMNS, "--out", out]);
    expect(stderr).toMatch(/Read 4 rows/);
    expect(code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("Équipe");
  });

  it("a Latin-1 event log names the lines that are not UTF-8 instead of splitting a team", async () => {
    const log = file("latin.csv", new Uint8Array(Buffer.from(LOG, "latin1")));
    const out = join(DIR, "latin.json");
    const { code, stderr } = await run(["calibrate", log, ...COLUMNS, "--out", out]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/latin\.csv is not valid UTF-8 text: bytes on lines 2, 3, 4, 5 are not UTF-8/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("unknown fields in a flow", () => {
  const flow = JSON.parse(FLOW);
  flow.teams[0].agnets = 5;
  flow.teams[0].skills = ["billing"];
  const work = flow.nodes.find((n: { kind: string }) => n.kind === "work");
  work.handelTime = "9m";
  const path = file("typos.json", JSON.stringify(flow));

  it("validate warns with the path and the nearest field, and still exits 0", async () => {
    const { code, stdout } = await run(["validate", path]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/valid with 3 warnings/);
    expect(stdout).toContain("warning teams[0].agnets: unknown field; did you mean agents?");
    expect(stdout).toMatch(/warning nodes\[\d+\]\.handelTime: unknown field; did you mean handleTime\?/);
    expect(stdout).toMatch(/warning teams\[0\]\.skills: a field of a newer Flowcast format/);
  });

  it("simulate says so on stderr and runs exactly as without them", async () => {
    const run1 = await run(["simulate", path, "--replications", "1", "--horizon", "3d", "--workers", "1", "--json"]);
    const clean = file("clean.json", FLOW);
    const run2 = await run(["simulate", clean, "--replications", "1", "--horizon", "3d", "--workers", "1", "--json"]);
    expect(run1.code).toBe(0);
    expect(run1.stderr).toContain("teams[0].agnets: unknown field; did you mean agents?");
    const strip = (text: string) => text.replace(/"wallSeconds": [\d.e-]+/, "");
    expect(strip(run1.stdout)).toBe(strip(run2.stdout));
  });
});
