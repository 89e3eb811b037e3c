/**
 * `flowcast compare FILE --scenarios base,plus2`: runs each scenario ("base" is the flow
 * without one) with the same seed and replication count, so they share common random
 * numbers, and shows per KPI each scenario's mean, its difference against the first and
 * whether the paired 95% interval of that difference excludes zero.
 */
import type { Model } from "../model";
import { type Comparison, compareResults } from "../sim/compare";
import type { Results } from "../sim/results";
import { refuseOverwrite } from "./checks";
import { formatComparison } from "./format";
import { type CliIO, UsageError } from "./io";
import {
  hasScenario,
  loadModel,
  parseCommandLine,
  RUN_OPTIONS,
  readRunSettings,
  runScenario,
  singleFile,
  writeResults,
} from "./simulate";

const HELP = `Usage: flowcast compare FILE --scenarios base,ID[,ID...] [options]

Runs scenarios of a flow on the same random numbers and compares their KPIs with the first.
"base" is the flow without a scenario. Without --scenarios: base and every scenario of the flow.

Options:
  --scenarios LIST    comma-separated scenario ids, e.g. base,plus2
  --replications N    replications per scenario (default 10; at least 2 for intervals)
  --seed S            random seed shared by every scenario
  --horizon D         simulated time, e.g. 28d
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
  /** Each scenario after the first against the first. */
  comparisons: Comparison[];
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(args, { ...RUN_OPTIONS, scenarios: { type: "string" } });
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  const file = singleFile(positionals, "compare");
  const settings = readRunSettings(values);
  await refuseOverwrite(values.out as string | undefined, [file]);
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
    runs.push(results);
  }
  const [first, ...others] = runs as [Results, ...Results[]];
  const comparisons = others.map((other) => compareResults(first, other));
  const document: ComparisonDocument = {
    format: "flowcast-comparison/v1",
    model: model.name,
    seed: first.seed,
    replications: first.replications,
    scenarios: ids,
    kpis: runs.map((r) => r.kpis),
    comparisons,
  };
  const json = `${JSON.stringify(document, null, 2)}\n`;
  if (typeof values.out === "string") await writeResults(values.out, json);
  if (values.json) io.out(json);
  else io.out(`${formatComparison(runs, comparisons)}\n${footer(model, first)}`);
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

function footer(model: Model, first: Results): string {
  return `Flow: ${model.name}   replications: ${first.replications}   seed: ${first.seed}\n`;
}
