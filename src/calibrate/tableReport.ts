/**
 * The calibration and backtest reports of a ticket table (one row per ticket): the same
 * reports as for an event log, with what a table cannot tell marked as not measured (null,
 * "—" in the tables), never 0: which teams a ticket passed through (escalation, return,
 * ping-pong, the control-flow distance). What the table does tell per ticket (reassigned,
 * reopened, first-contact resolution, SLA met) is given from the table itself; the flow fitted
 * from a table has no path for them, so they have no simulated or predicted value.
 */
import type { TicketTableRows } from "../io/tickets/table";
import type { BacktestReport, Figure } from "./backtest/runBacktest";
import type { Window } from "./backtest/window";
import type { CalibrationReport, ComparisonRow } from "./report";

/** Report figures a table cannot measure (no path through teams). */
const UNMEASURED = new Set(["escalation share", "return share", "ping-pong (back to a team already visited)"]);
const REOPEN_ROWS = new Set(["reopen share", "reopened after closure"]);

/** The note every table report carries: how rows were read. */
export const TABLE_NOTE =
  "Read as a ticket table (one row per ticket): each ticket is queued in its group at creation, worked from its first response (creation when the table has none) for its handle time, then rests until it is resolved. A table does not say which teams a ticket passed through, so escalation, return and ping-pong shares are not measured (—); reassignments, reopens, first-contact resolution and SLA met come from the table's own columns and have no simulated value (the flow has no path for them).";

/** The note of a table without a handle-time column. */
export const NO_HANDLE_TIME_NOTE =
  "The table has no handle-time column (name one with --handle-time COL): no agent time is known, so handle times, utilisation and work shares are not measured (—), and the flow's work steps take no time; the whole time from creation to resolution is a wait, so volume, resolution times and backlog are still fitted and compared (queue times are not: they need agent time). The agents per hour are those seen touching tickets, not a staffing need.";

/** Report rows that need agent time. */
const AGENT_TIME_ROW = /^(handle time (mean|p50|p90)|utilisation): /;

/** Rewrites a calibration report read from a ticket table (`window`: --from/--to, inclusive). */
export function tableCalibrationReport(
  report: CalibrationReport,
  table: TicketTableRows,
  window: { fromMs?: number; toMs?: number } = {},
): CalibrationReport {
  const facts = table.facts.shares(window.fromMs, window.toMs);
  const comparison: ComparisonRow[] = [];
  const factRow = (figure: string, share: number | null): ComparisonRow => ({
    figure,
    unit: "share",
    log: share,
    simulated: null,
    relativeDifference: null,
  });
  for (const r of report.comparison) {
    if (UNMEASURED.has(r.figure) || (!table.hasHandleTime && AGENT_TIME_ROW.test(r.figure)))
      comparison.push({ ...notMeasured(r) });
    else if (REOPEN_ROWS.has(r.figure)) comparison.push(factRow(r.figure, facts.reopened.share));
    else comparison.push(r);
    if (r.figure === "ping-pong (back to a team already visited)") {
      comparison.push(factRow("reassigned (2+ groups)", facts.reassigned.share));
      comparison.push(factRow("first-contact resolution", facts.fcr.share));
      if (table.columns.madeSla) comparison.push(factRow("SLA met", facts.madeSla.share));
    }
  }
  const c = table.counts;
  const d = c.dropped;
  const dropped = (
    [
      [d.noTicket, "with no ticket id"],
      [d.noCreated, "with no creation time"],
      [d.badTime, "with an unreadable time"],
      [d.resolvedBeforeCreated, "resolved before they were created"],
      [d.duplicateTicket, "repeating a ticket id already read"],
      [d.repeatedHeader, "repeating the header (files joined together)"],
      [d.shortRows, "with too few fields"],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n.toLocaleString("en")} ${what}`);
  const blanks = Object.entries(c.blank).map(([slot, n]) => `${table.columns[slot as keyof typeof c.blank]} ${n}`);
  const unreadable = Object.entries(c.unreadable).map(
    ([slot, n]) => `${table.columns[slot as keyof typeof c.unreadable]} ${n}`,
  );
  const notes = [
    TABLE_NOTE,
    ...(table.hasHandleTime ? [] : [NO_HANDLE_TIME_NOTE]),
    ...report.notes.filter((n) => !n.startsWith("Roles guessed")),
  ];
  if (dropped.length > 0) notes.push(`Table rows dropped: ${dropped.join("; ")} (first lines in skipped.firstLine).`);
  if (blanks.length > 0)
    notes.push(
      `Blank cells, by column: ${blanks.join(", ")} (a blank resolution time is a ticket still open; a blank group is "Help desk").`,
    );
  if (unreadable.length > 0)
    notes.push(
      `Cells taken as blank because they could not be read (a first response outside creation..resolution, a duration, count or flag in no known form), by column: ${unreadable.join(", ")}.`,
    );
  if (c.noHandleTime > 0)
    notes.push(
      `${c.noHandleTime.toLocaleString("en")} tickets have no handle time: they are counted as closed without agent work.`,
    );
  return {
    ...report,
    source: { ...report.source, rows: c.rows },
    columns: Object.fromEntries(Object.entries(table.columns).filter(([, v]) => v)),
    timeFormat: table.timeFormats.created?.description ?? report.timeFormat,
    activities: [],
    skipped: {
      ...report.skipped,
      noTicket: d.noTicket,
      noTime: d.noCreated + d.badTime,
      repeatedHeader: d.repeatedHeader,
      shortRows: d.shortRows,
      firstLine: { ...table.counts.firstLine },
      ...{ resolvedBeforeCreated: d.resolvedBeforeCreated, duplicateTicket: d.duplicateTicket, blankCells: c.blank },
    },
    comparison,
    notes,
  };
}

/** Rewrites a backtest report read from a ticket table. */
export function tableBacktestReport(
  report: BacktestReport,
  table: TicketTableRows,
  train: Window,
  test: Window,
): BacktestReport {
  const actual = table.facts.shares(test.fromMs, test.toMs, true);
  const baseline = table.facts.shares(train.fromMs, train.toMs, true);
  const fromTable: Record<string, "reassigned" | "reopened" | "fcr"> = {
    reassignedShare: "reassigned",
    reopenedShare: "reopened",
    fcrShare: "fcr",
  };
  const figures: Figure[] = report.figures.map((f) => {
    if (f.id === "escalationShare" || f.id === "returnShare") return unmeasuredFigure(f);
    if (!table.hasHandleTime && /^(handleMeanSeconds|workShare):/.test(f.id)) return unmeasuredFigure(f);
    const fact = fromTable[f.id];
    if (fact === undefined) return f;
    return {
      ...unmeasuredFigure(f),
      actual: actual[fact].share,
      baseline: baseline[fact].share,
    };
  });
  const compared = figures.filter((f) => f.beatsBaseline !== null);
  return {
    ...report,
    figures,
    distances: {
      ...report.distances,
      ngram: {
        ...report.distances.ngram,
        predicted: null,
        baseline: null,
        replications: report.distances.ngram.replications.map(() => null),
      },
    },
    summary: { compared: compared.length, beatsBaseline: compared.filter((f) => f.beatsBaseline).length },
    notes: [...report.notes, TABLE_NOTE, ...(table.hasHandleTime ? [] : [NO_HANDLE_TIME_NOTE])],
  };
}

// helpers

function notMeasured(r: ComparisonRow): ComparisonRow {
  return { figure: r.figure, unit: r.unit, log: null, simulated: null, relativeDifference: null };
}

function unmeasuredFigure(f: Figure): Figure {
  return {
    ...f,
    actual: null,
    predicted: { mean: null, low: null, high: null },
    baseline: null,
    beatsBaseline: null,
  };
}
