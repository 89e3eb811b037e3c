/**
 * `node --import tsx bench/calibrate.ts [EVENTS]`: speed and memory of calibration.
 * Generates a two-tier desk's event log of about EVENTS rows (default 1,000,000) on the fly
 * into a temporary file, then times what `flowcast calibrate` does with it: stream the file,
 * read and analyse every row, fit, and build the flow (the report's simulation of the
 * calibrated flow is timed separately). Target: 1M events calibrated in under 10 s.
 *
 * `--table [TICKETS]`: the same desk as a one-row-per-ticket table (Zendesk headers, made by
 * test/calibrate/ticketTable.ts) of about TICKETS rows (default 1,000,000), read as
 * `flowcast calibrate --table` reads it. Target: 1M tickets calibrated in under 10 s.
 * `--keep FILE`: also keep the generated file there (to time the command itself, e.g. with
 * `/usr/bin/time -v flowcast calibrate FILE --table --out …`).
 *
 * Not part of `npm test`: figures depend on the machine and what else runs on it.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { calibrate, EventLogReader, FLOWCAST_COLUMNS } from "../src/calibrate";
import { guessTableColumns, TABLE_EVENT_COLUMNS, type TableColumns, TicketTableRows } from "../src/io/tickets";
import { parseModelText } from "../src/model";
import { simulate } from "../src/sim";
import { generateDeskLog } from "../test/calibrate/generateLog";
import { csvLine, streamingTicketTable, TABLE_HEADER } from "../test/calibrate/ticketTable";

const args = process.argv.slice(2);
const keepAt = args.indexOf("--keep");
const keep = keepAt >= 0 ? args.splice(keepAt, 2)[1] : undefined;
const asTable = args[0] === "--table";
if (asTable) args.shift();
const target = Number(args[0] ?? 1_000_000);
// About 5.8 rows per ticket at a 20% escalation share; 300 tickets an hour.
const days = Math.max(1, Math.round(asTable ? target / 300 / 24 : target / 5.8 / 300 / 24));
const dir = mkdtempSync(join(tmpdir(), "flowcast-bench-"));
const file = keep ?? join(dir, asTable ? "tickets.csv" : "desk.csv");
const fd = openSync(file, "w");
const table = streamingTicketTable();
const { rows: eventRows } = generateDeskLog(
  {
    perHour: 300,
    days,
    l1: { agents: 60, meanSeconds: 600, sdSeconds: 400 },
    l2: { agents: 35, meanSeconds: 1800, sdSeconds: 1500 },
    escalateShare: 0.2,
    seed: 7,
  },
  asTable ? (text) => table.push(text) : (text) => writeSync(fd, text),
);
let rows = eventRows;
if (asTable) {
  rows = -1;
  let chunk = "";
  for (const row of table.end().rows()) {
    chunk += csvLine(row);
    rows++;
    if (chunk.length > 1 << 16) {
      writeSync(fd, chunk);
      chunk = "";
    }
  }
  writeSync(fd, chunk);
}
closeSync(fd);
const megabytes = statSync(file).size / 2 ** 20;

const started = performance.now();
const cpuStart = process.cpuUsage();
const reader = new EventLogReader({ columns: asTable ? { ...TABLE_EVENT_COLUMNS } : { ...FLOWCAST_COLUMNS } });
const tableReader = asTable
  ? new TicketTableRows(
      Object.fromEntries(
        Object.entries(guessTableColumns(TABLE_HEADER)).filter(([, v]) => v),
      ) as unknown as TableColumns,
      reader,
    )
  : undefined;
for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 }))
  (tableReader ?? reader).push(chunk as string);
tableReader?.end();
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
    `${asTable ? "ticket table" : "events"}: ${rows.toLocaleString("en")} rows, ${megabytes.toFixed(0)} MB, ${reader.analysis.tickets.size.toLocaleString("en")} tickets over ${days} days`,
    `read + analyse: ${readSeconds.toFixed(1)} s; with fit and flow: ${calibrateSeconds.toFixed(1)} s (target < 10 s) ${calibrateSeconds < 10 ? "ok" : "SLOW"}`,
    `CPU time of the calibration: ${cpuSeconds.toFixed(1)} s (wall time above includes waiting for a loaded machine)`,
    `heap after calibration: ${heapMB.toFixed(0)} MB (per-ticket state, not rows)`,
    `one replication of the calibrated flow (for the report): ${simSeconds.toFixed(1)} s`,
  ].join("\n"),
);
