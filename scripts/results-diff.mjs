#!/usr/bin/env node
// Before/after check for changes that must not move a single result: runs every sample in
// samples/ (as written and under each of its scenarios) at two seeds through
// `flowcast simulate --json`, writes a CSV event log for two samples, and saves the outputs
// (wall-clock time left out). Then diffs them against an earlier run.
//
//   node scripts/results-diff.mjs save DIR       record the outputs in DIR
//   node scripts/results-diff.mjs compare DIR    run again and diff against DIR (exit 1 on any change)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [mode, dir] = process.argv.slice(2);
if ((mode !== "save" && mode !== "compare") || !dir) {
  process.stderr.write("Usage: node scripts/results-diff.mjs save|compare DIR\n");
  process.exit(2);
}

const SEEDS = [1, 7];
const REPLICATIONS = "3";
const EVENT_LOG_SAMPLES = ["three-tier-desk.json", "omnichannel-retail.json"];

function flowcast(args) {
  return execFileSync(process.execPath, ["bin/flowcast.mjs", ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
}

/** The outputs of every run, by name. */
function runAll() {
  const outputs = new Map();
  const scratch = mkdtempSync(join(tmpdir(), "results-diff-"));
  for (const file of readdirSync("samples").filter((f) => f.endsWith(".json"))) {
    const path = join("samples", file);
    const flow = JSON.parse(readFileSync(path, "utf8"));
    const scenarios = [null, ...(flow.scenarios ?? []).map((s) => s.id)];
    for (const scenario of scenarios) {
      for (const seed of SEEDS) {
        const args = ["simulate", path, "--json", "--seed", String(seed), "--replications", REPLICATIONS];
        args.push("--workers", "1");
        if (scenario) args.push("--scenario", scenario);
        const name = `${file.replace(/\.json$/, "")}.${scenario ?? "base"}.seed${seed}`;
        const wantLog = scenario === null && seed === SEEDS[0] && EVENT_LOG_SAMPLES.includes(file);
        const logPath = join(scratch, `${name}.csv`);
        if (wantLog) args.push("--event-log", logPath);
        const json = flowcast(args).replace(/^\s*"wallSeconds": .*\n/m, "");
        outputs.set(`${name}.json`, json);
        if (wantLog) outputs.set(`${name}.events.csv`, readFileSync(logPath, "utf8"));
        process.stderr.write(`${name}\n`);
      }
    }
  }
  return outputs;
}

const outputs = runAll();
if (mode === "save") {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of outputs) writeFileSync(join(dir, name), text);
  process.stdout.write(`saved ${outputs.size} outputs in ${dir}\n`);
} else {
  let changed = 0;
  const saved = new Set(readdirSync(dir));
  for (const [name, text] of outputs) {
    if (!saved.has(name)) {
      process.stdout.write(`new output (not in ${dir}): ${name}\n`);
      changed++;
    } else if (readFileSync(join(dir, name), "utf8") !== text) {
      process.stdout.write(`CHANGED: ${name}\n`);
      changed++;
    }
    saved.delete(name);
  }
  for (const name of saved) {
    process.stdout.write(`missing output: ${name}\n`);
    changed++;
  }
  process.stdout.write(changed === 0 ? `all ${outputs.size} outputs identical\n` : `${changed} outputs differ\n`);
  process.exit(changed === 0 ? 0 : 1);
}
