/**
 * `npm run bench` (staffing part): CPU time, wall time and simulated work (replications and
 * events) of the three staffing cases of issue 21, in this thread:
 *
 *   (s1) one M/M/c+M queue: 200 calls/h, 5 min handle time, 3 min patience;
 *        80% within 20 s and at most 5% abandoned, 10 replications of 28 days   aim < 2 s
 *   (s2) samples/three-tier-desk.json: 80/20 on phone, abandon <= 5%,
 *        backlog past SLA <= 50, 10 replications                                aim < 5 s
 *   (s3) samples/three-tier-desk.json per 15-minute interval (--per-interval), three teams
 *        with 30% shrinkage, staffed and rostered (--shifts): 8-hour shifts every 30 minutes
 *        from 06:00 to 22:00, a 30-minute break between hours 3 and 5, HiGHS per team, the
 *        plan checked by simulation; 4 replications                               aim < 60 s
 *
 * The machine is shared, so CPU time (user + system of this process, process.cpuUsage) is
 * the figure to compare (the part spent in simulated runs in parentheses; the rest is the
 * analytic start, judging and, in s3, HiGHS); wall time and the load average are printed beside it. Every run of
 * the answer keeps every statistic.
 *
 *   node --import tsx bench/staff.ts [--case s1|s2|s3]... [--repeat N] [--verbose]
 *
 * `--verbose` prints every simulated run.
 *
 * Not part of `npm test`: figures depend on the machine and what else runs on it.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { type Model, parseModel, parseModelText } from "../src/model";
import type { StaffingDocument } from "../src/staff/document";
import { evaluateInProcess } from "../src/staff/evaluate";
import { staffFlow } from "../src/staff/run";
import type { Evaluate } from "../src/staff/search";
import { parseShiftRules } from "../src/staff/shifts/rules";
import { staffWithShifts } from "../src/staff/shifts/staffWithShifts";
import { parseTargetExpression } from "../src/staff/targets";

interface Case {
  id: string;
  title: string;
  aimSeconds: number;
  run: (evaluate: Evaluate) => Promise<{ doc: StaffingDocument; note: string }>;
}

const CASES: Case[] = [
  {
    id: "s1",
    title: "(s1) one queue, 200 calls/h",
    aimSeconds: 2,
    run: async (evaluate) => {
      const targets = ["nodes.q.serviceLevel>=80%", "abandonRate<=5%"].map(parseTargetExpression);
      const doc = await staffFlow(singleQueue(), { targets, replications: 10, seed: 1 }, evaluate);
      return { doc, note: answerOf(doc) };
    },
  },
  {
    id: "s2",
    title: "(s2) three-tier desk",
    aimSeconds: 5,
    run: async (evaluate) => {
      const targets = ["nodes.l1-phone.serviceLevel>=80%", "abandonRate<=5%", "backlogPastSla<=50"].map(
        parseTargetExpression,
      );
      const doc = await staffFlow(threeTier(), { targets, replications: 10, seed: 1 }, evaluate);
      return { doc, note: answerOf(doc) };
    },
  },
  {
    id: "s3",
    title: "(s3) 15-min week, shifts",
    aimSeconds: 60,
    run: async (evaluate) => {
      const model = threeTier();
      const at15 = {
        ...model,
        clock: { ...model.clock, intervalMinutes: 15 },
        teams: model.teams.map((t) => ({ ...t, shrinkage: 0.3 })),
      };
      const rules = parseShiftRules(
        {
          lengths: ["8h"],
          starts: { from: "06:00", to: "22:00", every: "30m" },
          breaks: [{ length: "30m", within: ["3h", "5h"] }],
        },
        15,
      );
      const targets = ["nodes.l1-phone.serviceLevel>=80%"].map(parseTargetExpression);
      const doc = await staffWithShifts(at15, { targets, replications: 4, seed: 1 }, evaluate, rules);
      const solved = Object.entries(doc.roster?.teams ?? {})
        .map(([id, t]) => `${id} ${t.solveSeconds} s${t.optimal ? "" : " (not proved)"}`)
        .join(", ");
      const peaks = Object.entries(doc.teams)
        .map(([id, t]) => `${id} peak ${t.agents}`)
        .join(", ");
      return {
        doc,
        note: `${peaks}; HiGHS ${solved}; plan ${doc.coverage?.met ? "meets" : "misses"} the target in simulation`,
      };
    },
  },
];

const args = process.argv.slice(2);
const chosen = args.flatMap((a, i) => (args[i - 1] === "--case" ? [a] : []));
const repeat = Number(args[args.indexOf("--repeat") + 1] ?? 1) || 1;
const verbose = args.includes("--verbose");
const cases = chosen.length > 0 ? CASES.filter((c) => chosen.includes(c.id)) : CASES;

if (args.includes("--child")) {
  for (const c of cases) if (!(await measure(c))) process.exitCode = 1;
} else {
  // Each case in a process of its own, this file bundled by esbuild as the CLI ships the
  // engine (the TypeScript loader runs it about a quarter slower); rounds alternate the cases.
  const bundled = await bundleThisFile(fileURLToPath(import.meta.url));
  console.log(`Staffing search · ${availableParallelism()} cores · one thread, one process per case, bundled`);
  let failed = false;
  for (let r = 0; r < repeat; r++) {
    for (const c of cases) {
      const child = spawnSync(
        process.execPath,
        [bundled, "--child", "--case", c.id, ...(verbose ? ["--verbose"] : [])],
        { stdio: "inherit" },
      );
      failed ||= child.status !== 0;
    }
  }
  rmSync(bundled, { force: true });
  if (failed) process.exitCode = 1;
}

/** Runs one case here and prints its line; false when the answer misses a target. */
async function measure(c: Case): Promise<boolean> {
  const work = { runs: 0, replications: 0, events: 0, simulationCpu: 0 };
  // a flow run again (the answer completed to every replication) counts only its new replications
  const counted = new WeakMap<Model, { replications: number; events: number }>();
  const counting: Evaluate = async (model, run, signal) => {
    const before = work.events;
    const cpuBefore = process.cpuUsage();
    const results = await evaluateInProcess(model, run, signal);
    const spent = process.cpuUsage(cpuBefore);
    work.simulationCpu += (spent.user + spent.system) / 1e6;
    const earlier = counted.get(model) ?? { replications: 0, events: 0 };
    work.runs++;
    work.replications += Math.max(0, results.replications - earlier.replications);
    work.events += Math.max(0, results.events - earlier.events);
    if (results.replications > earlier.replications) counted.set(model, results);
    if (verbose) {
      const agents = model.teams.map((t) => `${t.id}=${t.schedule ? "shifts" : t.agents}`).join(" ");
      console.log(`    run ${work.runs}: ${agents}  ${results.replications} reps  ${work.events - before} new events`);
    }
    return results;
  };
  const load = loadavg()[0] ?? 0;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const { doc, note } = await c.run(counting);
  const wall = (performance.now() - wall0) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpu = (used.user + used.system) / 1e6;
  console.log(
    [
      c.title.padEnd(28),
      `CPU ${cpu.toFixed(2).padStart(6)} s`,
      `(simulating ${work.simulationCpu.toFixed(2).padStart(5)} s)`,
      `wall ${wall.toFixed(2).padStart(6)} s`,
      `load ${load.toFixed(1).padStart(4)}`,
      `${String(work.runs).padStart(3)} runs`,
      `${String(work.replications).padStart(4)} reps`,
      `${(work.events / 1e6).toFixed(2).padStart(6)}M events`,
      note,
      doc.met ? (cpu < c.aimSeconds ? "ok" : `over the ${c.aimSeconds} s aim (CPU)`) : "MISSED: not every target met",
    ].join("  "),
  );
  return doc.met;
}

// helpers

function answerOf(doc: StaffingDocument): string {
  return Object.entries(doc.teams)
    .map(([id, t]) => `${id} ${t.current}->${t.agents} (Erlang ${t.erlang})`)
    .join(", ");
}

function threeTier(): Model {
  return decode(parseModelText(readFileSync("samples/three-tier-desk.json", "utf8")));
}

function singleQueue(): Model {
  return decode(
    parseModel({
      format: "flowcast/v1",
      name: "One queue",
      clock: { horizon: "28d", warmup: "2d" },
      teams: [{ id: "a", agents: 15, costPerHour: 30 }],
      nodes: [
        { id: "in", kind: "channel", arrivals: { perHour: 200 } },
        {
          id: "q",
          kind: "work",
          team: "a",
          handleTime: { dist: "exponential", mean: "5m" },
          queue: { slaSeconds: 20, patience: { dist: "exponential", mean: "3m" } },
          outcomes: { resolved: 1 },
        },
        { id: "done", kind: "end" },
      ],
      edges: [
        { id: "e1", from: "in", to: "q" },
        { id: "e2", from: "q", port: "resolved", to: "done" },
        { id: "e3", from: "q", port: "abandoned", to: "done" },
      ],
    }),
  );
}

function decode(parsed: ReturnType<typeof parseModel>): Model {
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
  return parsed.model;
}

/** This file bundled (the sources inlined, packages left to Node), for the case processes. */
async function bundleThisFile(script: string): Promise<string> {
  const { build } = await import("esbuild");
  // one file per bench process, so two checkouts sharing node_modules do not overwrite each other's
  const outfile = `node_modules/.cache/flowcast-bench/staff-${process.pid}.mjs`;
  await build({
    entryPoints: [script],
    outfile,
    bundle: true,
    packages: "external",
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "warning",
    define: { "import.meta.env": "undefined" },
  });
  return outfile;
}
