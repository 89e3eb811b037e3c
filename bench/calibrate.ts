/**
 * `node --import tsx bench/calibrate.ts [EVENTS]`: speed and memory of calibration.
 * Generates a two-tier desk's event log of about EVENTS rows (default 1,000,000) on the fly
 * into a temporary file, then times what `flowcast calibrate` does with it: stream the file,
 * read and analyse every row, fit, and build the flow (the report's simulation of the
 * calibrated flow is timed separately). Target: 1M events calibrated in under 10 s.
 *
 * Not part of `npm test`: figures depend on the machine and what else runs on it.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { calibrate, EventLogReader, FLOWCAST_COLUMNS } from "../src/calibrate";
import { parseModelText } from "../src/model";
import { simulate } from "../src/sim";
import { generateDeskLog } from "../test/calibrate/generateLog";

const target = Number(process.argv[2] ?? 1_000_000);
// About 5.8 rows per ticket at a 20% escalation share; 300 tickets an hour.
const days = Math.max(1, Math.round(target / 5.8 / 300 / 24));
const dir = mkdtempSync(join(tmpdir(), "flowcast-bench-"));
const file = join(dir, "desk.csv");
const fd = openSync(file, "w");
const { rows } = generateDeskLog(
  {
    perHour: 300,
    days,
    l1: { agents: 60, meanSeconds: 600, sdSeconds: 400 },
    l2: { agents: 35, meanSeconds: 1800, sdSeconds: 1500 },
    escalateShare: 0.2,
    seed: 7,
  },
  (text) => writeSync(fd, text),
);
closeSync(fd);
const megabytes = statSync(file).size / 2 ** 20;

const started = performance.now();
const cpuStart = process.cpuUsage();
const reader = new EventLogReader({ columns: { ...FLOWCAST_COLUMNS } });
for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 }))
  reader.push(chunk as string);
reader.end();
const readSeconds = (performance.now() - started) / 1000;
const result = calibrate(reader, "bench");
const calibrateSeconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const heapMB = process.memoryUsage().heapUsed / 2 ** 20;
const parsed = parseModelText(JSON.stringify(result.model));
if (!parsed.ok) throw new Error("the calibrated flow does not decode");
const simStarted = performance.now();
simulate(parsed.model, { replications: 1 });
const simSeconds = (performance.now() - simStarted) / 1000;
rmSync(dir, { recursive: true, force: true });

console.log(
  [
    `events: ${rows.toLocaleString("en")} rows, ${megabytes.toFixed(0)} MB, ${reader.analysis.tickets.size.toLocaleString("en")} tickets over ${days} days`,
    `read + analyse: ${readSeconds.toFixed(1)} s; with fit and flow: ${calibrateSeconds.toFixed(1)} s (target < 10 s) ${calibrateSeconds < 10 ? "ok" : "SLOW"}`,
    `CPU time of the calibration: ${cpuSeconds.toFixed(1)} s (wall time above includes waiting for a loaded machine)`,
    `heap after calibration: ${heapMB.toFixed(0)} MB (per-ticket state, not rows)`,
    `one replication of the calibrated flow (for the report): ${simSeconds.toFixed(1)} s`,
  ].join("\n"),
);
