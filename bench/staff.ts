/**
 * `npm run bench` (staffing part): wall time and simulated candidates of two staffing
 * searches, in this thread, 10 replications per candidate on the flow's own horizon.
 *
 *   (s1) one M/M/c+M queue: 200 calls/h, 5 min handle time, 3 min patience;
 *        80% within 20 s and at most 5% abandoned                          target < 60 s
 *   (s2) samples/three-tier-desk.json: 80/20 on phone, abandon <= 5%,
 *        backlog past SLA <= 90 (its floor is ~75: a day's wait on the customer)  target < 60 s
 *
 *   (s3) samples/three-tier-desk.json per 15-minute interval (--per-interval): 80/20 on phone
 *        in every interval, all three teams' curves checked together           target < 60 s
 *
 * Candidates stop after 2, 4 or 7 replications once every target's interval is clearly on
 * one side of its bound; the answer is then run with all 10 for its statistics. The issue's
 * aims for Find staffing are under 2 s (s1) and under 5 s (s2) on an idle machine; the load
 * average printed says how idle it was.
 *
 * Not part of `npm test`: figures depend on the machine and what else runs on it.
 */
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { type Model, parseModel, parseModelText, type Target } from "../src/model";
import { evaluateInProcess } from "../src/staff/evaluate";
import { staffFlow, staffPerInterval } from "../src/staff/run";
import { parseTargetExpression } from "../src/staff/targets";

const TARGET_SECONDS = 60;
const CASE_LINES: string[] = [];

interface Case {
  id: string;
  title: string;
  model: Model;
  targets: Target[];
}

const CASES: Case[] = [
  {
    id: "s1",
    title: "(s1) one queue, 200 calls/h",
    model: singleQueue(),
    targets: ["nodes.q.serviceLevel>=80%", "abandonRate<=5%"].map(parseTargetExpression),
  },
  {
    id: "s2",
    title: "(s2) three-tier desk",
    model: decode(parseModelText(readFileSync("samples/three-tier-desk.json", "utf8"))),
    targets: ["nodes.l1-phone.serviceLevel>=80%", "abandonRate<=5%", "backlogPastSla<=50"].map(parseTargetExpression),
  },
];

console.log(
  `Staffing search · ${availableParallelism()} cores · load ${loadavg()[0]?.toFixed(2)} · in-process, 10 replications per candidate`,
);
let failed = false;
{
  const model = decode(parseModelText(readFileSync("samples/three-tier-desk.json", "utf8")));
  const at15 = { ...model, clock: { ...model.clock, intervalMinutes: 15 } };
  const started = performance.now();
  const doc = await staffPerInterval(
    at15,
    { targets: ["nodes.l1-phone.serviceLevel>=80%"].map(parseTargetExpression), replications: 4, seed: 1 },
    evaluateInProcess,
  );
  const wall = (performance.now() - started) / 1000;
  const ok = doc.met && wall < TARGET_SECONDS;
  failed ||= !ok;
  const peaks = Object.entries(doc.teams)
    .map(([id, t]) => `${id} peak ${t.agents}`)
    .join(", ");
  CASE_LINES.push(
    `${"(s3) three-tier, 15-min intervals".padEnd(32)} ${wall.toFixed(1).padStart(6)} s  ${String(doc.evaluations).padStart(3)} runs        ${peaks}  ${ok ? "ok" : `MISSED (target < ${TARGET_SECONDS} s, all targets met)`}`,
  );
}
for (const c of CASES) {
  const started = performance.now();
  const doc = await staffFlow(c.model, { targets: c.targets, replications: 10, seed: 1 }, evaluateInProcess);
  const wall = (performance.now() - started) / 1000;
  const answer = Object.entries(doc.teams)
    .map(([id, t]) => `${id} ${t.current}->${t.agents} (Erlang ${t.erlang})`)
    .join(", ");
  const ok = doc.met && wall < TARGET_SECONDS;
  failed ||= !ok;
  console.log(
    `${c.title.padEnd(32)} ${wall.toFixed(1).padStart(6)} s  ${String(doc.evaluations).padStart(3)} candidates  ${answer}  ${ok ? "ok" : `MISSED (target < ${TARGET_SECONDS} s, all targets met)`}`,
  );
}
for (const line of CASE_LINES) console.log(line);
if (failed) process.exitCode = 1;

// helpers

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
