/**
 * `flowcast staff FILE [--target EXPR]...`: the fewest agents per team (and, for scheduled
 * teams, per hour of the week) that meet the flow's targets and any given with --target,
 * searched by simulation on common random numbers from the Erlang C/A answer. Prints a
 * staffing table, or the flowcast-staffing/v1 document with --json / --out.
 * Exit 0 met, 1 the flow is invalid or no staffing up to the bound meets the targets,
 * 2 usage (a malformed target, no target at all, an unknown team).
 */
import { type Diagnostic, formatDiagnostic, type Model, type Target, validateModel } from "../model";
import { Checker } from "../model/validate/context";
import {
  checkTargets,
  FLOW_TARGET_KPIS,
  formatTargetValue,
  NODE_TARGET_KPIS,
  TEAM_TARGET_KPIS,
  targetUnit,
} from "../model/validate/targets";
import { FTE_HOURS_PER_WEEK, type StaffingDocument } from "../staff/document";
import { evaluateInProcess } from "../staff/evaluate";
import { staffFlow, staffPerInterval } from "../staff/run";
import { type Evaluate, StaffingInputError, type StaffingOptions } from "../staff/search";
import { peopleCsv } from "../staff/shifts/people";
import { ShiftRulesError } from "../staff/shifts/rules";
import { staffWithShifts } from "../staff/shifts/staffWithShifts";
import { type Confidence, describeVerdictFigure, parseTargetExpression, TargetSyntaxError } from "../staff/targets";
import { checkRunSize } from "./checks";
import { labelsOf, loadModel, readRunSettings } from "./run";
import {
  type CliIO,
  guardOutputs,
  listOption,
  parseFileCommand,
  readTextFile,
  stringOption,
  UsageError,
  writeOutput,
} from "./shared";
import { formatShiftPlan, readShiftRules, withShiftScenario } from "./staffShifts";

/** KPI names of one level, wrapped to the help's column. */
function kpiList(kpis: Readonly<Record<string, unknown>>): string {
  const names = Object.keys(kpis).filter((k) => !k.endsWith(".p50") && !k.endsWith(".p90"));
  const lines: string[] = [];
  let line = "";
  for (const name of names) {
    if (line.length + name.length > 46) {
      lines.push(line);
      line = "";
    }
    line += `${line ? ", " : ""}${name}`;
  }
  lines.push(line);
  return lines.join(",\n                        ");
}

const HELP = `Usage: flowcast staff FILE [--target EXPR]... [options]

Finds the fewest agents per team that meet the flow's targets (and any --target), starting
from the Erlang C/A answer and checking each candidate by simulation on the same random
numbers. A target is met when its 95% interval lies on the right side of the bound.

Options:
  --target EXPR       [nodes.ID.|teams.ID.]KPI>=VALUE or <=VALUE, repeatable; e.g.
                      nodes.l1-phone.serviceLevel>=80%  abandonRate<=0.05
                      backlogPastSla<=50  nodes.l2.waitMean<=30s  resolutionSeconds.p90<=8h
                      teams.l1.cost<=20000
                      KPIs of the flow: ${kpiList(FLOW_TARGET_KPIS)}
                      of a step (nodes.ID.): ${kpiList(NODE_TARGET_KPIS)}
                      of a team (teams.ID.): ${kpiList(TEAM_TARGET_KPIS)}
                      end with "per interval [SHARE]" to hold it in each interval
                      of the week (in SHARE of them, e.g. "per interval 95%")
  --per-interval      staff per interval of the week (clock.intervalMinutes): every
                      target that can hold per interval does, and the answer is the
                      agents needed on the phones per team and interval, checked by
                      simulating every team together (the document's "requirement")
  --teams ID,...      teams whose staffing may change (default: every team with work)
  --replications N    replications per candidate (default 10)
  --seed S            random seed shared by every candidate (default 1)
  --horizon D         simulated time per candidate, e.g. 14d (default: the flow's)
  --confidence C      ci95 (default: the whole 95% interval meets the bound) or mean
  --max-evaluations N stop after N simulated candidates (default 200)
  --shifts RULES.json turn the per-interval requirement into a least-cost shift plan
                      (implies --per-interval; rules in docs/staffing.md), then check
                      it by simulation; the document gains shifts, coverage and roster
  --roster OUT.csv    with --shifts: write the roster as CSV, one row per person
                      (their shift or "off" each day) for a roster tool
  --write-scenario NAME
                      with --shifts: add the plan to the flow as scenario NAME (the
                      teams' schedules), written to --flow-out
  --flow-out FLOW.json
                      where --write-scenario writes the flow (never the input file)
  --json              print the flowcast-staffing/v1 document instead of the table
  --out FILE          also write the staffing document to FILE
  -h, --help          show this help

Exit codes: 0 every target met, 1 the flow is invalid or no staffing up to the stated
bound meets the targets, 2 usage or a malformed target.
`;

const OPTIONS = {
  target: { type: "string", multiple: true },
  teams: { type: "string" },
  replications: { type: "string" },
  seed: { type: "string" },
  horizon: { type: "string" },
  confidence: { type: "string" },
  "max-evaluations": { type: "string" },
  "per-interval": { type: "boolean" },
  shifts: { type: "string" },
  roster: { type: "string" },
  "write-scenario": { type: "string" },
  "flow-out": { type: "string" },
  json: { type: "boolean" },
  out: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export async function run(args: string[], io: CliIO): Promise<number> {
  const command = parseFileCommand(args, OPTIONS, HELP, io, "staff");
  if (!command) return 0;
  const { values, file } = command;
  const settings = readRunSettings({ ...values, target: undefined });
  const confidence = readConfidence(stringOption(values, "confidence"));
  const maxEvaluationsText = stringOption(values, "max-evaluations");
  const maxEvaluations =
    maxEvaluationsText === undefined ? undefined : positiveWhole("--max-evaluations", maxEvaluationsText);
  const out = stringOption(values, "out");
  const shiftsFile = stringOption(values, "shifts");
  const roster = stringOption(values, "roster");
  const scenarioName = stringOption(values, "write-scenario");
  const flowOut = stringOption(values, "flow-out");
  if (shiftsFile === undefined && (roster !== undefined || scenarioName !== undefined)) {
    throw new UsageError(`${roster !== undefined ? "--roster" : "--write-scenario"} needs --shifts RULES.json`);
  }
  if ((scenarioName === undefined) !== (flowOut === undefined)) {
    throw new UsageError(
      scenarioName === undefined
        ? "--flow-out needs --write-scenario NAME"
        : "--write-scenario needs --flow-out FLOW.json (the flow with the new scenario)",
    );
  }
  await guardOutputs(
    [file, shiftsFile],
    [
      { option: "--out", path: out },
      { option: "--roster", path: roster },
      { option: "--flow-out", path: flowOut },
    ],
  );
  const targetTexts = listOption(values, "target");
  const extra = targetTexts.map((text) => {
    try {
      return parseTargetExpression(text);
    } catch (error) {
      if (error instanceof TargetSyntaxError) throw new UsageError(`--target ${error.message}`);
      throw error;
    }
  });
  const teams = stringOption(values, "teams")
    ?.split(",")
    .map((t) => t.trim())
    .filter((t) => t.length > 0);

  const model = await loadModel(file, io);
  if (!model) return 1;
  const rules = shiftsFile === undefined ? undefined : await readShiftRules(shiftsFile, model);
  const problems = validateModel(model).filter((d) => d.severity === "error");
  if (problems.length > 0) return printProblems(file, problems, io);
  // the same horizon, warm-up and size checks as simulate (exit 2), for one candidate
  checkRunSize(model, undefined, settings);
  checkExtraTargets(model, extra, targetTexts);
  if ((model.targets ?? []).length + extra.length === 0) {
    throw new UsageError(
      `"${model.name}" has no targets; add some to the flow or pass --target, e.g. --target "serviceLevel>=80%"`,
    );
  }
  const unknown = (teams ?? []).filter((id) => !model.teams.some((t) => t.id === id));
  if (unknown.length > 0) {
    throw new UsageError(
      `--teams: no team ${unknown.map((u) => `"${u}"`).join(", ")} in this flow; its teams are ${model.teams.map((t) => t.id).join(", ") || "none"}`,
    );
  }

  const progress = io.errIsTTY
    ? (p: { evaluations: number; best?: { costPerWeek: number } }) =>
        io.err(
          `\rcandidates tried ${p.evaluations}${p.best ? `, best so far ${money(p.best.costPerWeek)}/week` : ""}\x1b[K`,
        )
    : undefined;
  let doc: StaffingDocument;
  try {
    const staff = rules
      ? (m: Model, o: StaffingOptions, e: Evaluate) => staffWithShifts(m, o, e, rules)
      : values["per-interval"]
        ? staffPerInterval
        : staffFlow;
    doc = await staff(
      model,
      {
        targets: [...(model.targets ?? []), ...extra],
        teams,
        replications: settings.replications,
        seed: settings.seed,
        horizonSeconds: settings.horizonSeconds,
        confidence,
        maxEvaluations,
        onProgress: progress,
      },
      evaluateInProcess,
    );
  } catch (error) {
    if (error instanceof StaffingInputError) {
      io.err(`${file}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof ShiftRulesError) throw new UsageError(`${shiftsFile}: ${error.message}`);
    throw error;
  } finally {
    if (progress) io.err("\r\x1b[K");
  }
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  if (out !== undefined) await writeOutput(out, json);
  if (roster !== undefined && doc.roster) await writeOutput(roster, peopleCsv(doc.roster.people));
  if (scenarioName !== undefined && flowOut !== undefined && doc.roster) {
    await writeOutput(flowOut, withShiftScenario(await readTextFile(file), doc.roster.scenario, scenarioName));
  }
  io.out(values.json ? json : `${formatStaffing(doc, model)}${formatShiftPlan(doc, model)}`);
  if (!doc.met) {
    io.err(`${file}: ${doc.message}\n`);
    return 1;
  }
  if (doc.coverage && !doc.coverage.met) {
    io.err(`${file}: the shift plan misses a target in simulation (see coverage.targets)\n`);
    return 1;
  }
  return 0;
}

/** The staffing table a manager reads. */
export function formatStaffing(doc: StaffingDocument, model: Model): string {
  const labels = labelsOf(model);
  const lines: string[] = [];
  lines.push(
    `${doc.met ? "Staffing that meets every target" : "No staffing found that meets every target"} — "${doc.model}"`,
    `${doc.replications} replications per candidate, seed ${doc.seed}, ${doc.confidence === "ci95" ? "95% interval on the right side" : "mean on the right side"}`,
    "",
  );
  const rows = Object.entries(doc.teams).map(([id, t]) => [
    labels.teams?.[id] ?? id,
    t.kind === "schedule" ? "schedule" : t.kind === "interval" ? `peak ${agents(t.current)}` : agents(t.current),
    t.kind === "schedule"
      ? `shifts ${signed(t.agents)}`
      : t.kind === "interval"
        ? `peak ${agents(t.agents)}`
        : agents(t.agents),
    t.kind === "schedule" ? `${signed(t.agents)} agents per shift` : signedAgents(t.agents - t.current),
    t.kind === "schedule" ? "per hour, below" : agents(t.erlang),
    `${agents(Number(t.offeredAgents.toFixed(1)))}`,
    `${t.costChangePerWeek >= 0 ? "+" : ""}${money(t.costChangePerWeek)}`,
  ]);
  lines.push(
    ...table(["Team", "current", "needed", "change", "Erlang start", "offered load", "cost change per week"], rows),
    "",
  );
  const targetRows = doc.targets.map((t) => {
    const unit = targetUnit(t) ?? "count";
    const figure = (estimate: typeof t.estimate, notMeasured: string | undefined) =>
      t.per === "interval" && estimate && !notMeasured
        ? `${formatTargetValue(estimate.mean, "share")} of intervals`
        : describeVerdictFigure({ estimate, notMeasured }, unit);
    return [
      t.words ?? t.label,
      figure(t.currentEstimate, t.currentNotMeasured),
      figure(t.estimate, t.notMeasured),
      t.met ? "met" : t.notMeasured ? "NOT MEASURED" : "MISSED",
    ];
  });
  lines.push(...table(["Target", "now", "with this staffing", ""], targetRows), "");
  lines.push(
    `Cost per week  ${money(doc.cost.currentPerWeek)} -> ${money(doc.cost.perWeek)} (${doc.cost.changePerWeek >= 0 ? "+" : ""}${money(doc.cost.changePerWeek)})`,
    `Evaluations    ${doc.evaluations} simulated candidates in ${doc.wallSeconds.toFixed(1)} s${doc.stoppedEarly ? " (stopped at the limit)" : ""}`,
  );
  for (const why of Object.values(doc.why ?? {})) lines.push(`Why: ${why.sentence}`);
  if (doc.why) lines.push("");
  for (const warning of doc.warnings ?? []) lines.push(`High load: ${warning}`);
  for (const [id, t] of Object.entries(doc.teams)) {
    if (t.shrinkage > 0 || doc.requirement) {
      lines.push(
        `${labels.teams?.[id] ?? id}: ${t.agentHoursPerWeek} agent-hours on the phones per week; ${t.people} people to schedule at the peak${t.shrinkage > 0 ? ` (shrinkage ${Math.round(t.shrinkage * 100)}%)` : ""}; ${t.fte} FTE to hire (${FTE_HOURS_PER_WEEK} h a week)`,
      );
    }
  }
  if (doc.requirement) {
    const minutes = doc.requirement.intervalMinutes;
    const perDay = 1440 / minutes;
    for (const [id, curve] of Object.entries(doc.requirement.teams)) {
      lines.push("", `Agents needed on the phones per ${minutes}-minute interval for ${labels.teams?.[id] ?? id}:`);
      ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].forEach((day, d) => {
        const row = curve.slice(d * perDay, (d + 1) * perDay);
        for (let start = 0; start < row.length; start += 24) {
          const from = (start * minutes) / 60;
          lines.push(
            `  ${start === 0 ? day : "   "} ${String(from).padStart(2, "0")}h ${row
              .slice(start, start + 24)
              .map((a) => String(a).padStart(3))
              .join("")}`,
          );
        }
      });
    }
  }
  for (const [id, curve] of Object.entries(doc.curves ?? {})) {
    lines.push(
      "",
      `Agents per hour for ${labels.teams?.[id] ?? id} (Erlang per hour${curve.met === undefined ? "" : curve.met ? ", meets every target in simulation" : ", misses a target in simulation"}):`,
      ...hourGrid(curve.agents),
    );
  }
  if (doc.met && Object.keys(doc.scenario.add ?? {}).length > 0) {
    lines.push(
      "",
      `As a scenario: ${JSON.stringify({ id: doc.scenario.id, name: doc.scenario.name, add: doc.scenario.add })}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

// helpers

/** Targets given with --target must name steps and teams of this flow: exit 2 otherwise. */
function checkExtraTargets(model: Model, extra: Target[], texts: string[]): void {
  if (extra.length === 0) return;
  const checker = new Checker({ ...model, targets: extra });
  checkTargets(checker);
  const first = checker.diagnostics.find((d) => d.severity === "error");
  if (!first) return;
  const index = Number(/^targets\[(\d+)\]/.exec(first.path)?.[1] ?? 0);
  throw new UsageError(`--target "${texts[index] ?? ""}": ${first.message.replace(/^Target \d+ \([^)]*\):? ?/, "")}`);
}

function readConfidence(value: string | undefined): Confidence {
  if (value === undefined || value === "ci95" || value === "95") return "ci95";
  if (value === "mean") return "mean";
  throw new UsageError(`--confidence "${value}" must be ci95 or mean`);
}

function positiveWhole(option: string, value: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${option} "${value}" must be a whole number, 1 or more`);
  return n;
}

function printProblems(file: string, diagnostics: Diagnostic[], io: CliIO): number {
  for (const d of diagnostics) io.err(`${file}: ${formatDiagnostic(d)}\n`);
  io.err(`${file}: ${diagnostics.length} error${diagnostics.length === 1 ? "" : "s"}; no staffing was searched.\n`);
  return 1;
}

function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(head), ...rows.map(line)];
}

/**
 * A week of agents per hour: one row per day, one column per hour, under an hour header;
 * columns are as wide as the widest figure plus a space, so 3-digit figures never run together.
 */
export function hourGrid(perHour: readonly number[]): string[] {
  const width = Math.max(2, ...perHour.map((a) => String(a).length)) + 1;
  const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, "0").padStart(width)).join("");
  return [
    `  hour${hours}`,
    ...["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map(
      (day, d) =>
        `  ${day} ${perHour
          .slice(d * 24, d * 24 + 24)
          .map((a) => String(a).padStart(width))
          .join("")}`,
    ),
  ];
}

function agents(n: number): string {
  return `${n.toLocaleString("en")} agent${n === 1 ? "" : "s"}`;
}

function signedAgents(n: number): string {
  return `${signed(n)} agent${Math.abs(n) === 1 ? "" : "s"}`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function money(x: number): string {
  return x.toLocaleString("en", { minimumFractionDigits: 0, maximumFractionDigits: 0 });
}
