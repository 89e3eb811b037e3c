/**
 * `node --import tsx scripts/check-fit-shape.ts LOG.csv --case C --time T --activity A --team G [...]`
 * Checks that calibration keeps a log's shape: for every team's handle time and every wait
 * on the customer, the p50 and p90 of the distribution written to the flow against the
 * log's own (the reservoir the figures are computed from). Exits 1 when any is more than
 * 10% (or one second) away. Example, the public ServiceNow log (UCI, CC BY 4.0):
 *
 *   node --import tsx scripts/check-fit-shape.ts incident_event_log.csv --case number \
 *     --time sys_updated_at --activity incident_state --team assignment_group \
 *     --resource assigned_to --priority priority --channel contact_type --created opened_at
 */
import { createReadStream } from "node:fs";
import { parseArgs } from "node:util";
import { EventLogReader, fitFlow } from "../src/calibrate";
import { distQuantile, type FitResult, quantileSorted } from "../src/calibrate/fit";
import type { DurationSample } from "../src/calibrate/sample";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: Object.fromEntries(
    ["case", "time", "activity", "team", "resource", "priority", "channel", "created"].map((k) => [
      k,
      { type: "string" as const },
    ]),
  ),
});
const reader = new EventLogReader({
  columns: {
    case: values.case ?? "ticket",
    time: values.time ?? "time",
    activity: values.activity ?? "event",
    team: values.team ?? "team",
    resource: values.resource,
    priority: values.priority,
    channel: values.channel,
    created: values.created,
  },
});
for await (const chunk of createReadStream(positionals[0]!, { encoding: "utf8", highWaterMark: 1 << 20 }))
  reader.push(chunk as string);
reader.end();
const a = reader.analysis;
const fits = fitFlow(a);
let worst = 0;
let checked = 0;
const failures: string[] = [];
const check = (what: string, sample: DurationSample, fit: FitResult) => {
  if (sample.n === 0) return;
  const sorted = sample.sorted().map((x) => (x < 1 ? 0 : x));
  for (const q of [0.5, 0.9]) {
    const log = quantileSorted(sorted, q);
    const written = distQuantile(fit.dist, q);
    const gap = Math.abs(written - log);
    const relative = gap / Math.max(log, 1e-9);
    checked++;
    if (gap > 1) worst = Math.max(worst, relative);
    if (gap > Math.max(1, 0.1 * log))
      failures.push(`${what} p${q * 100}: log ${log.toFixed(0)} s, written ${written.toFixed(0)} s (${fit.chosen})`);
  }
};
const chosen = new Map<string, number>();
for (const [t, name] of a.teams.list.entries()) {
  check(`handle time ${name}`, a.handle[t]!, fits.handleTime[t]!);
  check(`wait ${name}`, a.waits[t]!, fits.waits[t]!);
  if (a.handle[t]!.n > 0) chosen.set(fits.handleTime[t]!.chosen, (chosen.get(fits.handleTime[t]!.chosen) ?? 0) + 1);
}
console.log(
  `${a.teams.list.length} teams, ${checked} quantiles checked; worst gap ${(worst * 100).toFixed(1)}%; handle-time families: ${[...chosen].map(([k, n]) => `${k} ${n}`).join(", ")}`,
);
for (const f of failures) console.log(`  beyond 10%: ${f}`);
process.exit(failures.length > 0 ? 1 : 0);
