/**
 * `node --import tsx bench/backtest.ts [EVENTS]`: speed and memory of `flowcast backtest`.
 * Generates a two-tier desk's event log of about EVENTS rows (default 1,000,000) into a
 * temporary file, as bench/calibrate.ts does, then times the whole command on it: the last
 * 7 days are the test period, the days before the train period, 5 replications.
 * Target: 1M events backtested in under 60 s.
 *
 * Not part of `npm test`: figures depend on the machine and what else runs on it.
 */
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { main } from "../src/cli/main";
import { generateDeskLog } from "../test/calibrate/generateLog";

const target = Number(process.argv[2] ?? 1_000_000);
// About 5.8 rows per ticket at a 20% escalation share; 300 tickets an hour.
const days = Math.max(9, Math.round(target / 5.8 / 300 / 24));
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
const day = (d: number) => new Date(Date.UTC(2026, 0, 5 + d)).toISOString().slice(0, 10);
const train = `${day(0)}..${day(days - 8)}`;
const test = `${day(days - 7)}..${day(days - 1)}`;
let output = "";
const started = performance.now();
const code = await main(
  [
    "backtest",
    file,
    ...["--case", "ticket", "--time", "time", "--activity", "event", "--team", "team", "--resource", "agent"],
    ...["--train", train, "--test", test, "--json"],
  ],
  { out: (t) => (output += t), err: (t) => process.stderr.write(t), errIsTTY: false },
);
const seconds = (performance.now() - started) / 1000;
const heapMB = process.memoryUsage().heapUsed / 2 ** 20;
rmSync(dir, { recursive: true, force: true });
if (code !== 0) throw new Error(`backtest exited ${code}`);
const report = JSON.parse(output);
console.log(
  [
    `events: ${rows.toLocaleString("en")} rows, ${megabytes.toFixed(0)} MB over ${days} days; train ${train} (${report.train.tickets.toLocaleString("en")} tickets), test ${test} (${report.test.tickets.toLocaleString("en")} tickets)`,
    `backtest (read, fit, 5 replications of the test period, figures and distances): ${seconds.toFixed(1)} s (target < 60 s) ${seconds < 60 ? "ok" : "SLOW"}`,
    `heap at the end: ${heapMB.toFixed(0)} MB`,
    `flow nearer than the baseline on ${report.summary.beatsBaseline} of ${report.summary.compared} figures`,
  ].join("\n"),
);
