/**
 * `flowcast compare FILE --scenarios base,plus2`: runs each scenario ("base" is the flow
 * without one) with the same seed and replication count, so they share common random
 * numbers, and shows per KPI each scenario's mean, its difference against the first with
 * its paired 95% interval, and whether that difference is significant: the interval
 * excludes zero and the difference exceeds the KPI's practical threshold (--min-diff).
 */
import type { Model } from "../model";
import { type Comparison, compareResults, DEFAULT_MIN_DIFF, type MinDiff } from "../sim/compare";
import { KPI_UNITS, parseThreshold } from "../sim/format";
import { KPI_NAMES, type KpiName, type Results } from "../sim/results";
import { formatComparison, formatWarnings, type ResultLabels } from "./format";
import { hasScenario, loadModel, RUN_OPTIONS, readRunSettings, runScenario } from "./run";
import { type CliIO, guardOutputs, parseFileCommand, stringOption, UsageError, writeOutput } from "./shared";

const HELP = `Usage: flowcast compare FILE --scenarios base,ID[,ID...] [options]

Runs scenarios of a flow on the same random numbers and compares their KPIs with the first.
"base" is the flow without a scenario. Without --scenarios: base and every scenario of the flow.

Options:
  --scenarios LIST    comma-separated scenario ids, e.g. base,plus2
  --replications N    replications per scenario (default 10; at least 2 for intervals)
  --seed S            random seed shared by every scenario
  --horizon D         simulated time, e.g. 28d
  --min-diff KPI=V    smallest difference worth flagging for a KPI, in its unit:
                      rates in percentage points (fcr=1), times as durations
                      (resolutionSeconds=10m), backlogs in tickets, cost in money;
                      repeat it or separate with commas. Defaults: rates 0.5 pp,
                      first response 1 s, resolution 1 min, backlog 1 ticket, cost 0.05
  --workers N         worker threads (default: one per CPU core)
  --max-tickets N     refuse runs expected to simulate more tickets (default 200M)
  --json              print the comparison document instead of the table
  --out FILE          also write the comparison document to FILE
  -h, --help          show this help
`;

/** The JSON form of a comparison. */
export interface ComparisonDocument {
  format: "flowcast-comparison/v1";
  model: string;
  seed: number;
  replications: number;
  /** Scenario ids in the order given; null is the base flow. */
  scenarios: (string | null)[];
  kpis: Results["kpis"][];
  /** Practical thresholds per KPI, in the KPI's unit (shares as fractions, seconds, tickets, money). */
  minDiff: Record<KpiName, number>;
  /** Each scenario after the first against the first. */
  comparisons: Comparison[];
}

const OPTIONS = {
  ...RUN_OPTIONS,
  scenarios: { type: "string" },
  "min-diff": { type: "string", multiple: true },
} as const;

export async function run(args: string[], io: CliIO): Promise<number> {
  const command = parseFileCommand(args, OPTIONS, HELP, io, "compare");
  if (!command) return 0;
  const { values, file } = command;
  const settings = readRunSettings(values);
  const minDiff = readMinDiff(values["min-diff"]);
  const out = stringOption(values, "out");
  await guardOutputs([file], [{ option: "--out", path: out }]);
  const model = await loadModel(file, io);
  if (!model) return 1;
  const ids = scenarioList(values.scenarios as string | undefined, model);
  for (const id of ids) if (id !== null && !hasScenario(model, id, io)) return 1;

  const runs: Results[] = [];
  for (const id of ids) {
    // Every scenario on the first one's seed: common random numbers make the pairing valid.
    const seed = settings.seed ?? runs[0]?.seed;
    const results = await runScenario(file, model, id ?? undefined, { ...settings, seed }, io, `${id ?? "base"}: `);
    if (!results) return 1;
    io.err(formatWarnings(results.warnings, `${id ?? "base"}: `));
    runs.push(results);
  }
  const [first, ...others] = runs as [Results, ...Results[]];
  const comparisons = others.map((other) => compareResults(first, other, minDiff));
  const document: ComparisonDocument = {
    format: "flowcast-comparison/v1",
    model: model.name,
    seed: first.seed,
    replications: first.replications,
    scenarios: ids,
    kpis: runs.map((r) => r.kpis),
    minDiff: { ...DEFAULT_MIN_DIFF, ...minDiff },
    comparisons,
  };
  const json = `${JSON.stringify(document, null, 2)}\n`;
  if (out !== undefined) await writeOutput(out, json);
  if (values.json) io.out(json);
  else io.out(`${formatComparison(runs, comparisons, labelsOf(model))}\n${footer(model, first)}`);
  return 0;
}

// helpers

/** The scenarios to run, "base" as null; at least two, no repeats. */
function scenarioList(text: string | undefined, model: Model): (string | null)[] {
  const names =
    text === undefined
      ? ["base", ...model.scenarios.map((s) => s.id)]
      : text
          .split(",")
          .map((s) => s.trim())
          .filter((s) => s.length > 0);
  if (text === undefined && names.length < 2) {
    throw new UsageError(`"${model.name}" has no scenarios; add one to the flow or name them with --scenarios`);
  }
  if (names.length < 2) throw new UsageError("--scenarios needs at least two, e.g. --scenarios base,plus2");
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) throw new UsageError(`--scenarios names "${repeated}" twice`);
  return names.map((n) => (n === "base" ? null : n));
}

/**
 * `--min-diff fcr=1 --min-diff resolutionSeconds=10m,backlog=2`: thresholds in each KPI's
 * unit as a manager writes it (rates in percentage points, times as durations), returned
 * in the KPI's own unit (shares as fractions, seconds).
 */
export function readMinDiff(texts: unknown): MinDiff {
  const list = Array.isArray(texts) ? texts.map(String) : typeof texts === "string" ? [texts] : [];
  const out: MinDiff = {};
  for (const item of list.flatMap((t) => t.split(","))) {
    const text = item.trim();
    if (text === "") continue;
    const match = /^([A-Za-z]+)\s*=\s*(.+)$/.exec(text);
    if (!match) throw new UsageError(`--min-diff "${text}" is not KPI=VALUE, e.g. --min-diff fcr=1`);
    const [, name = "", valueText = ""] = match;
    const kpi = KPI_NAMES.find((k) => k.toLowerCase() === name.toLowerCase());
    if (!kpi) throw new UsageError(`--min-diff: "${name}" is not a KPI; use one of ${KPI_NAMES.join(", ")}`);
    out[kpi] = thresholdValue(kpi, valueText.trim());
  }
  return out;
}

function thresholdValue(kpi: KpiName, text: string): number {
  const value = parseThreshold(kpi, text);
  if (value === undefined) {
    const example = { share: "0.5 (percentage points)", seconds: "30s, 5m or 2h", count: "1 (tickets)", money: "0.10" }[
      KPI_UNITS[kpi]
    ];
    throw new UsageError(`--min-diff ${kpi}: "${text}" is not a threshold of 0 or more; write e.g. ${example}`);
  }
  return value;
}

/** Team names for the table, e.g. "L1 front line" for l1. */
function labelsOf(model: Model): ResultLabels {
  return { teams: Object.fromEntries(model.teams.map((t) => [t.id, t.name || t.id])) };
}

function footer(model: Model, first: Results): string {
  return `Flow: ${model.name}   replications: ${first.replications}   seed: ${first.seed}\n`;
}
