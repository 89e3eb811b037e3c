/**
 * The calibration report (`flowcast-calibration/v1`): what was read (rows, span, time form,
 * activity roles and which were guessed, censored tickets), what was fitted, and per figure
 * the log's value beside the calibrated flow's simulated value.
 */

import { endStatusOf, keptStatuses, OTHER_END } from "./endStatuses";
import { type FlowFits, priorityLevels } from "./fitFlow";
import type { EventLogReader } from "./logReader";
import { guessChannel, teamIds } from "./names";
import { SNAPSHOT_BASIS } from "./snapshot";
import type { EntryStep, Figures, Summary } from "./summarize";

/** What a simulation of the calibrated flow gives for the compared figures (null: not measured). */
export interface SimulatedFigures {
  ticketsPerDay: number;
  escalationShare: number;
  returnShare: number | null;
  reopenShare: number;
  reopenAfterClosureShare?: number;
  pingPongShare?: number;
  resolution: { p50: number; p90: number };
  utilisation: Record<string, number>;
  handleTime?: Figures["handleTime"];
  paths?: Record<string, number>;
  /** Shares of closed tickets by how they closed (the log's status names). */
  endStatus?: Record<string, number>;
  /** Abandonment per channel, keyed by the simulator's channel type. */
  abandoned?: Figures["abandoned"];
  /** How these were obtained (replications, days). */
  basis: string;
}

export interface ComparisonRow {
  figure: string;
  unit: "tickets/day" | "share" | "seconds";
  log: number | null;
  simulated: number | null;
  /** simulated / log - 1 (null where either is missing or log is 0). */
  relativeDifference: number | null;
  /** 95% interval of the log's figure where it can be computed (shares: Wilson; means: normal). */
  logInterval?: [number, number];
}

export interface CalibrationReport {
  format: "flowcast-calibration/v1";
  source: { file: string; rows: number; events: number; tickets: number; from: string; to: string; days: number };
  timeFormat: string;
  columns: Record<string, string>;
  activities: { activity: string; role: string; how: "map" | "flowcast" | "guess"; rows: number }[];
  censored: { ticketsOpenAtEnd: number; workVisitsOpenAtEnd: number; note: string };
  /** Rows (and tickets) left out, by reason; `firstLine` names where each reason first occurs. */
  skipped: {
    rowsOutsideWindow: number;
    ticketsOutsideWindow: number;
    noTicket: number;
    noTime: number;
    repeatedHeader: number;
    shortRows: number;
    firstLine: Record<string, number>;
  };
  /** Tickets whose consecutive rows were out of time order and were sorted by time. */
  reorderedTickets: number;
  /** Teams grouped into the "Other teams" step. */
  otherTeams: string[];
  /** What the flow keeps of the log's shape, in words (also printed by the command). */
  kept: string[];
  teams: {
    id: string;
    name: string;
    tier: number;
    workVisits: number;
    agentsEstimate: { basis: string; min: number; max: number };
  }[];
  fits: {
    arrivals: FlowFits["arrivals"];
    arrivalWindow: FlowFits["arrivalWindow"];
    handleTime: Record<string, unknown>;
    handleTimeByPriority: Record<string, { n: number; mean: number }>;
    waits: Record<string, unknown>;
    patienceSeconds: Record<string, number>;
    /** First work steps per channel where channels differ at a team ("team / channel"). */
    entrySteps: Record<
      string,
      {
        visits: number;
        handleTime: unknown;
        patienceSeconds: number | null;
        queued: number;
        abandons: number;
        why: string;
      }
    >;
    closedWithoutAgent: { tickets: number; fit: unknown };
  };
  comparison: ComparisonRow[];
  paths: { log: Record<string, number>; simulated: Record<string, number> | null };
  notes: string[];
  /** Too little data, and figures that cannot be right; also printed by the command. */
  warnings: string[];
}

export function buildReport(
  file: string,
  reader: EventLogReader,
  summary: Summary,
  fits: FlowFits,
  simulated: SimulatedFigures | undefined,
): CalibrationReport {
  const a = reader.analysis;
  const names = a.teams.list;
  const ids = teamIds(names);
  const f = summary.figures;
  const rows: ComparisonRow[] = [];
  const add = (figure: string, unit: ComparisonRow["unit"], log: number | null, sim: number | null | undefined) =>
    rows.push({
      figure,
      unit,
      log: finite(log),
      simulated: finite(sim),
      relativeDifference: finite(log) && finite(sim) !== null ? (sim as number) / (log as number) - 1 : null,
    });
  add("tickets per day", "tickets/day", f.ticketsPerDay, simulated?.ticketsPerDay);
  add("escalation share", "share", f.escalationShare, simulated?.escalationShare);
  add("return share", "share", f.returnShare, simulated?.returnShare);
  add("reopen share", "share", f.reopenShare, simulated?.reopenShare);
  add("reopened after closure", "share", f.reopenAfterClosureShare, simulated?.reopenAfterClosureShare);
  add("ping-pong (back to a team already visited)", "share", f.pingPongShare, simulated?.pingPongShare);
  // Abandonment per channel where callers hang up: the simulated side names channels by
  // type, so a channel is compared where its type is its own.
  const types = Object.keys(f.abandoned).map(guessChannel);
  for (const [name, { share, tickets }] of Object.entries(f.abandoned)) {
    const type = guessChannel(name);
    if (share === 0 && !simulated?.abandoned?.[type]?.share) continue;
    const own = types.filter((t) => t === type).length === 1;
    add(
      `abandoned: ${name || "(no channel)"}`,
      "share",
      share,
      own ? (simulated?.abandoned?.[type]?.share ?? 0) : null,
    );
    rows[rows.length - 1]!.logInterval = wilson(share, tickets);
  }
  // As the flow's ends: the kept ways of closing apart, the rarer ones as one.
  const kept = keptStatuses(Object.entries(f.endStatus));
  if (kept.length >= 2) {
    for (const status of kept)
      add(
        `closed as ${status || "(no status)"}`,
        "share",
        f.endStatus[status]!,
        simulated?.endStatus?.[status] ?? null,
      );
    const rest = Object.entries(f.endStatus).filter(([s]) => !kept.includes(s));
    if (rest.length > 0)
      add(
        `closed as ${OTHER_END}`,
        "share",
        rest.reduce((x, [, share]) => x + share, 0),
        simulated?.endStatus?.[OTHER_END] ?? null,
      );
  }
  for (const r of rows) if (r.unit === "share" && r.log !== null) r.logInterval ??= wilson(r.log, f.reachedAgent);
  add("resolution time p50", "seconds", nan(f.resolution.p50), simulated?.resolution.p50);
  add("resolution time p90", "seconds", nan(f.resolution.p90), simulated?.resolution.p90);
  for (const [t, name] of names.entries()) {
    const h = f.handleTime[name];
    if (!h) continue;
    const sh = simulated?.handleTime?.[name];
    add(`handle time mean: ${name}`, "seconds", h.mean, sh?.mean ?? null);
    const sd = a.handle[t]!.sd;
    if (h.n > 1 && Number.isFinite(sd)) {
      const half = (1.96 * sd) / Math.sqrt(h.n);
      rows[rows.length - 1]!.logInterval = [Math.max(0, h.mean - half), h.mean + half];
    }
    add(`handle time p50: ${name}`, "seconds", h.p50, sh?.p50 ?? null);
    add(`handle time p90: ${name}`, "seconds", h.p90, sh?.p90 ?? null);
    add(`utilisation: ${name}`, "share", f.utilisation[name]!, simulated?.utilisation[ids[t]!] ?? null);
  }
  const warnings = warningsOf(a, summary, rows);
  const decisions = [...reader.roles.decisions].map(([activity, d]) => ({ activity, ...d }));
  const notes = [
    summary.agentsBasis === SNAPSHOT_BASIS
      ? `Agents per team are an estimate from ${summary.agentsBasis}; the time queued before a visit is a pickup delay before the team's work step.`
      : `Agents per team per hour of the week are an estimate from ${summary.agentsBasis}: staffed agents who touched no ticket in an hour are not seen.`,
    "Reopen share counts tickets that came back to a team they had worked with before or were active after closing (Flowcast's attempts > 1); its two parts are shown apart: reopened after closure (active again after being closed) and ping-pong (back to a team already visited, without a closure).",
    "Handle time is the time a ticket spends in a 'work' state; in snapshot logs that is elapsed time, not pure agent time.",
  ];
  const guessed = decisions.filter((d) => d.how === "guess");
  if (guessed.length > 0)
    notes.push(
      `Roles guessed from the activity words: ${guessed.map((d) => `${d.activity} = ${d.role}`).join(", ")}. Override with --map PATTERN=ROLE.`,
    );
  if (a.waitsBeforeAgent > 0)
    notes.push(`${a.waitsBeforeAgent} waits happened before any agent worked the ticket; they are not in the flow.`);
  const d = reader.dropped;
  const droppedText = [
    [d.noTicket, "with no ticket id"],
    [d.noTime, "with no readable time"],
    [d.repeatedHeader, "repeating the header (files joined together)"],
    [d.shortRows, "with too few fields"],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, what]) => `${(n as number).toLocaleString("en")} ${what}`);
  if (droppedText.length > 0) notes.push(`Rows dropped: ${droppedText.join("; ")} (first lines in skipped.firstLine).`);
  if (d.ticketsOutsideWindow > 0)
    notes.push(
      `${d.ticketsOutsideWindow.toLocaleString("en")} tickets start outside --from/--to and were left out; ${d.outsideWindow.toLocaleString("en")} rows in all (with rows after --to).`,
    );
  if (reader.reorderedTickets > 0)
    notes.push(
      `${reader.reorderedTickets} tickets listed their rows out of time order; each ticket's rows were sorted by time.`,
    );
  notes.push(fits.arrivalWindow.note);
  if (reader.otherTeams.length > 0) {
    const shown = reader.otherTeams.slice(0, 20).join(", ");
    notes.push(
      `${reader.otherTeams.length} teams doing the least work are one "Other teams" step: ${shown}${reader.otherTeams.length > 20 ? ", …" : ""}. The ${names.length - 1} others do most of the work time (--teams N keeps the N busiest apart).`,
    );
  }
  if (simulated) notes.push(`Simulated figures: ${simulated.basis}.`);
  else notes.push("No simulated figures: the calibrated flow was not run.");
  const agentRange = (t: number) => ({
    basis: summary.agentsBasis,
    min: Math.min(...summary.agents[t]!),
    max: Math.max(...summary.agents[t]!),
  });
  return {
    format: "flowcast-calibration/v1",
    source: {
      file,
      rows: reader.rows,
      events: a.events,
      tickets: a.tickets.size,
      from: new Date(a.firstTime).toISOString().slice(0, 16),
      to: new Date(a.lastTime).toISOString().slice(0, 16),
      days: round(f.days, 2),
    },
    timeFormat: reader.timeFormat?.description ?? "",
    columns: Object.fromEntries(Object.entries(reader.columns).filter(([, v]) => v)),
    activities: decisions,
    censored: {
      ticketsOpenAtEnd: f.openAtEnd,
      workVisitsOpenAtEnd: a.censoredWork,
      note: "Tickets open at the end of the log count in arrivals and paths; their resolution times enter as censored (Kaplan–Meier), and their unfinished work visits are left out of handle times and outcome shares.",
    },
    skipped: {
      rowsOutsideWindow: reader.dropped.outsideWindow,
      ticketsOutsideWindow: reader.dropped.ticketsOutsideWindow,
      noTicket: reader.dropped.noTicket,
      noTime: reader.dropped.noTime,
      repeatedHeader: reader.dropped.repeatedHeader,
      shortRows: reader.dropped.shortRows,
      firstLine: { ...reader.dropped.firstLine },
    },
    reorderedTickets: reader.reorderedTickets,
    otherTeams: reader.otherTeams,
    kept: keptOf(a, summary, fits),
    teams: names.flatMap((name, t) =>
      summary.visited[t]
        ? [{ id: ids[t]!, name, tier: summary.tiers[t]!, workVisits: a.handle[t]!.n, agentsEstimate: agentRange(t) }]
        : [],
    ),
    fits: {
      arrivals: fits.arrivals,
      arrivalWindow: fits.arrivalWindow,
      handleTime: Object.fromEntries(names.map((n, t) => [n, fitSummary(fits.handleTime[t]!)])),
      handleTimeByPriority: Object.fromEntries(
        [...a.handleByPriority].map(([key, s]) => {
          const [t, p] = key.split("\u0000").map(Number);
          return [`${names[t!]} / ${a.priorities.list[p!] || "(none)"}`, { n: s.n, mean: round(s.mean) }];
        }),
      ),
      waits: Object.fromEntries(
        names.map((n, t) => [n, fitSummary(fits.waits[t]!)]).filter(([, w]) => (w as { n: number }).n > 0),
      ),
      patienceSeconds: Object.fromEntries(
        names.flatMap((n, t) => (fits.patienceSeconds[t] ? [[n, round(fits.patienceSeconds[t]!)]] : [])),
      ),
      entrySteps: Object.fromEntries(
        summary.entrySteps.map((e) => {
          const fit = fits.entries.get(e.key);
          return [
            `${names[e.team]} / ${a.channels.list[e.channel] || "(no channel)"}`,
            {
              visits: fit?.handleTime.n ?? 0,
              handleTime: fit ? fitSummary(fit.handleTime) : null,
              patienceSeconds: fit?.patienceSeconds === undefined ? null : round(fit.patienceSeconds),
              queued: fit?.queued ?? 0,
              abandons: fit?.abandons ?? 0,
              why: e.reason,
            },
          ];
        }),
      ),
      closedWithoutAgent: { tickets: a.noWork.n, fit: a.noWork.n > 0 ? fitSummary(fits.noWork) : null },
    },
    comparison: rows,
    paths: { log: f.paths, simulated: simulated?.paths ?? null },
    notes,
    warnings,
  };
}

/** The comparison as a plain-text table for the terminal. */
export function formatComparison(report: CalibrationReport): string {
  const show = (r: ComparisonRow, v: number | null) =>
    v === null
      ? "—"
      : r.unit === "share"
        ? `${(v * 100).toFixed(1)}%`
        : r.unit === "seconds"
          ? duration(v)
          : v.toFixed(1);
  const lines = report.comparison.map(
    (r) =>
      `  ${r.figure.padEnd(44)}${show(r, r.log).padStart(10)}${show(r, r.simulated).padStart(12)}${
        r.relativeDifference === null
          ? ""
          : `  ${r.relativeDifference >= 0 ? "+" : ""}${(r.relativeDifference * 100).toFixed(1)}%`
      }`,
  );
  return `  ${"figure".padEnd(44)}${"log".padStart(10)}${"simulated".padStart(12)}\n${lines.join("\n")}\n`;
}

// helpers

/** What the flow keeps of the log: channel steps, priority queues, end statuses, horizon. */
function keptOf(a: EventLogReader["analysis"], summary: Summary, fits: FlowFits): string[] {
  const out: string[] = [];
  const channel = (c: number) => a.channels.list[c] || "(no channel)";
  const byTeam = new Map<number, EntryStep[]>();
  for (const e of summary.entrySteps) byTeam.set(e.team, [...(byTeam.get(e.team) ?? []), e]);
  for (const [t, steps] of byTeam)
    out.push(
      `${a.teams.list[t]}: a first work step per channel (${steps.map((e) => channel(e.channel)).join(", ")}) for tickets straight from it, sharing the team's agents, with its own handle time, patience and next-step shares (${steps[0]!.reason}).`,
    );
  if (summary.entrySteps.length === 0 && a.channels.list.length > 1)
    out.push("Channels share their teams' work steps: their handle times and patience do not differ measurably.");
  for (const [key, byPriority] of fits.byPriority) {
    const [t, c] = key.split("\u0000").map(Number) as [number, number | undefined];
    const step = c === undefined ? a.teams.list[t] : `${a.teams.list[t]} / ${channel(c)}`;
    const shown = Object.entries(byPriority).map(([p, fit]) => `${p} ${duration(fit!.mean)}`);
    out.push(`${step}: handle time per priority (${shown.join(", ")}).`);
  }
  const levels = priorityLevels(a);
  if (levels >= 2) out.push(`Priority queues: ${levels} priorities in the log, served most urgent first.`);
  else if (a.priorities.list.some((p) => p !== ""))
    out.push("First come, first served: the priority column names fewer than two priorities Flowcast knows.");
  const ends = Object.entries(summary.figures.endStatus);
  const kept = keptStatuses(ends);
  if (kept.length >= 2)
    out.push(
      `End statuses: ${ends
        .filter(([s]) => kept.includes(s))
        .map(([s, share]) => `${s || "(no status)"} ${(share * 100).toFixed(1)}% (${endStatusOf(s)})`)
        .join(
          ", ",
        )}${ends.length > kept.length ? `; the ${ends.length - kept.length} rarer ones as one "${OTHER_END}" end` : ""}.`,
    );
  const minutes = Math.ceil((a.lastCreated - Math.floor(a.firstCreated / 60_000) * 60_000) / 60_000);
  out.push(
    `Horizon: the log's own span of ticket starts, ${(minutes / 1440).toFixed(2)} days (${new Date(a.firstCreated).toISOString().slice(0, 16)} to ${new Date(a.lastCreated).toISOString().slice(0, 16)}), after a 2-day warm-up.`,
  );
  if (!fits.arrivalWindow.whole) out.push("Arrival level: from the stable part of the log (see notes).");
  return out;
}

/** Too little data, and figures that cannot be right, in the user's words. */
function warningsOf(a: EventLogReader["analysis"], summary: Summary, rows: ComparisonRow[]): string[] {
  const f = summary.figures;
  const out: string[] = [];
  const impossible: string[] = [];
  if (f.days < 14)
    out.push(
      `The log covers ${f.days < 2 ? count(Math.round(f.days * 24), "hour") : `${f.days.toFixed(1)} days`} of ticket starts, under two weeks: the weekly pattern and the day-to-day spread rest on too few days.`,
    );
  for (const [t, name] of a.teams.list.entries()) {
    if (!summary.visited[t]) continue;
    const n = a.handle[t]!.n;
    if (n === 0)
      out.push(
        `${name}: no finished work visit, so its handle time is not measured (shown as —); the flow gives it 1 second.`,
      );
    else if (n < 30)
      out.push(
        `${name}: only ${count(n, "finished work visit")} (under 30): its handle time and outcome shares are rough.`,
      );
    const u = f.utilisation[name];
    if (u !== undefined && u > 1) impossible.push(`${name} ${(u * 100).toFixed(0)}%`);
  }
  if (impossible.length > 0)
    out.push(
      `Utilisation above 100% cannot be right (busy time above staffed time) for ${impossible.length === 1 ? "1 team" : `${impossible.length} teams`}: ${impossible.slice(0, 12).join(", ")}${impossible.length > 12 ? ", …" : ""}. Handle time here is time in a work state, which in a snapshot log runs on while nobody works the ticket${summary.agentsBasis === "each resource's working pattern" ? ", or agents worked that the log does not name" : ""}; check the roles (--map) and the staffing before trusting queue times.`,
    );
  for (const r of rows) {
    if (!r.logInterval || r.log === null || r.log === 0) continue;
    const [lo, hi] = r.logInterval;
    if (hi - lo > Math.abs(r.log))
      out.push(
        `${r.figure}: its 95% interval (${show(r, lo)} to ${show(r, hi)}) is wider than the figure itself: too little data to tell.`,
      );
  }
  return out;
}

/** Wilson score interval of a share out of n (95%). */
function wilson(p: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.96;
  const d = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function show(r: ComparisonRow, v: number): string {
  return r.unit === "share" ? `${(v * 100).toFixed(1)}%` : r.unit === "seconds" ? duration(v) : v.toFixed(1);
}

function finite(x: number | null | undefined): number | null {
  return x !== null && x !== undefined && Number.isFinite(x) ? x : null;
}

function fitSummary(fit: FlowFits["handleTime"][number]) {
  return {
    chosen: fit.chosen,
    n: fit.n,
    mean: round(fit.mean),
    zeroShare: round(fit.zeroShare, 3),
    ks: fit.ks === undefined ? null : round(fit.ks, 3),
    logLikelihood: fit.logLikelihood,
    dist: fit.dist,
  };
}

function nan(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function duration(seconds: number): string {
  if (seconds < 120) return `${seconds.toFixed(0)}s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)}m`;
  if (seconds < 172800) return `${(seconds / 3600).toFixed(1)}h`;
  return `${(seconds / 86400).toFixed(1)}d`;
}

/** "1 hour", "3 hours". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
