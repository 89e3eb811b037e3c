/**
 * Reads an ACD interval report: one row per interval (and channel) with the contacts offered
 * and, when the report has them, answered, abandoned, AHT, ASA and service level. Owns the
 * cells' forms (counts, "3:05" durations, "85%" shares), the interval length found in the
 * data (15, 30 or 60 minutes) and every error a user can fix, named by line and column.
 * Pure: no Node or DOM, so the CLI and the browser share it.
 */
import { parseCsv } from "../eventlog/csv";
import { detectTimeFormat, isMissing, parseTimestamp, type TimeFormat, timeOffsetMinutes } from "../eventlog/timestamp";
import { intervalLength } from "./intervalLength";
import { IntervalReportError } from "./reportError";
import type { IntervalRow } from "./row";

export type { IntervalRow };
export { IntervalReportError };

/** Header names (any case) of the report's columns; only `start` and `offered` are required. */
export interface IntervalColumns {
  start: string;
  offered: string;
  answered?: string;
  abandoned?: string;
  aht?: string;
  asa?: string;
  serviceLevel?: string;
  channel?: string;
}

/** The option (CLI) or field (app) each column comes from, for messages. */
export const COLUMN_OPTIONS: Record<keyof IntervalColumns, string> = {
  start: "--start",
  offered: "--offered",
  answered: "--answered",
  abandoned: "--abandoned",
  aht: "--aht",
  asa: "--asa",
  serviceLevel: "--service-level",
  channel: "--channel",
};

export interface IntervalReport {
  rows: IntervalRow[];
  intervalMinutes: 15 | 30 | 60;
  timeFormat: TimeFormat;
  /** Channels in order of first appearance ("Contacts" when the report has no channel column). */
  channels: string[];
  /** Which optional figures the report gives. */
  has: { answered: boolean; abandoned: boolean; aht: boolean; asa: boolean; serviceLevel: boolean };
  /** Things worth knowing that do not stop the import (counts that do not add up...). */
  warnings: string[];
}

/** The channel name used when the report has no channel column. */
export const ONE_CHANNEL = "Contacts";

/** Reads the whole report text (CSV with a header row). */
export function readIntervalReport(text: string, columns: IntervalColumns): IntervalReport {
  const table = parseCsv(text);
  const header = table[0];
  if (!header || header.every((h) => h.trim() === ""))
    throw new IntervalReportError("the report is empty: a header row and one row per interval are expected");
  const index = columnIndexes(header, columns);
  const body = table.slice(1);
  if (body.length === 0) throw new IntervalReportError("the report has a header but no intervals");
  const startText = body.map((r) => (r[index.start!] ?? "").trim());
  // The form is chosen from the values that read as times at all, so one bad cell is named by its line.
  const timeFormat = detectTimeFormat(
    startText.filter((s) => !isMissing(s) && detectTimeFormat([s]) !== undefined).slice(0, 500),
  );
  if (!timeFormat)
    throw new IntervalReportError(
      `column "${columns.start}" (${COLUMN_OPTIONS.start}) does not hold dates and times I can read (first value "${startText[0]}"); write them as 2026-01-05T08:30 or 05-01-2026 08:30`,
    );
  // Times with an offset move to the wall clock of the first one, so intervals stay in local hours.
  const wallOffset = timeFormat.id === "iso" ? timeOffsetMinutes(startText.find((s) => !isMissing(s)) ?? "") : 0;
  const slScale = shareScale(body, index.serviceLevel);
  const rows: IntervalRow[] = [];
  const warnings: string[] = [];
  body.forEach((fields, i) => {
    const line = i + 2;
    const cell = (key: keyof IntervalColumns) => {
      const k = index[key];
      return k === undefined ? undefined : (fields[k] ?? "").trim();
    };
    const place = (key: keyof IntervalColumns) => `line ${line}, column "${columns[key]}"`;
    const start = cell("start") ?? "";
    const startMs = isMissing(start) ? Number.NaN : parseTimestamp(start, timeFormat, wallOffset);
    if (Number.isNaN(startMs))
      throw new IntervalReportError(
        `${place("start")}: "${start}" is not a date and time (the column is read as ${timeFormat.description})`,
      );
    const count = (key: "offered" | "answered" | "abandoned") => {
      const value = cell(key);
      if (value === undefined || (key !== "offered" && isMissing(value))) return undefined;
      const n = parseNumber(value);
      if (Number.isNaN(n)) throw new IntervalReportError(`${place(key)}: "${value}" is not a number of contacts`);
      if (n < 0) throw new IntervalReportError(`${place(key)}: ${value} contacts; a count cannot be negative`);
      return n;
    };
    const duration = (key: "aht" | "asa") => {
      const value = cell(key);
      if (value === undefined || isMissing(value)) return undefined;
      const s = parseDurationCell(value);
      if (Number.isNaN(s))
        throw new IntervalReportError(`${place(key)}: "${value}" is not a time; write seconds (185) or 3:05`);
      if (s < 0) throw new IntervalReportError(`${place(key)}: ${value}; a time cannot be negative`);
      return s;
    };
    const offered = count("offered") as number;
    const row: IntervalRow = {
      line,
      startMs,
      channel: index.channel === undefined ? ONE_CHANNEL : cell("channel") || "(none)",
      offered,
    };
    const answered = count("answered");
    const abandoned = count("abandoned");
    if (answered !== undefined) row.answered = answered;
    if (abandoned !== undefined) row.abandoned = abandoned;
    const aht = duration("aht");
    const asa = duration("asa");
    if (aht !== undefined) row.ahtSeconds = aht;
    if (asa !== undefined) row.asaSeconds = asa;
    const sl = cell("serviceLevel");
    if (sl !== undefined && !isMissing(sl)) {
      const share = parseNumber(sl.replace(/%$/, "")) / slScale;
      if (!(share >= 0 && share <= 1))
        throw new IntervalReportError(`${place("serviceLevel")}: "${sl}" is not a service level from 0% to 100%`);
      row.serviceLevel = share;
    }
    if ((answered ?? 0) + (abandoned ?? 0) > offered + 1e-9 && warnings.length < 5)
      warnings.push(
        `line ${line}: answered and abandoned (${(answered ?? 0) + (abandoned ?? 0)}) are more than offered (${offered})`,
      );
    rows.push(row);
  });
  checkDuplicates(rows, index.channel === undefined ? undefined : columns.channel);
  const channels = [...new Set(rows.map((r) => r.channel))];
  return {
    rows,
    intervalMinutes: intervalLength(rows, columns.start),
    timeFormat,
    channels,
    has: {
      answered: index.answered !== undefined,
      abandoned: index.abandoned !== undefined,
      aht: index.aht !== undefined,
      asa: index.asa !== undefined,
      serviceLevel: index.serviceLevel !== undefined,
    },
    warnings,
  };
}

/** Reads "185", "185.5", "1,250", "185s", "3:05" or "0:03:05" as seconds (NaN when none fits). */
export function parseDurationCell(value: string): number {
  const v = value.trim().replace(/s$/i, "");
  const clock = /^(\d+):([0-5]?\d(?:\.\d+)?)$|^(\d+):([0-5]\d):([0-5]\d(?:\.\d+)?)$/.exec(v);
  if (clock) {
    if (clock[1] !== undefined) return Number(clock[1]) * 60 + Number(clock[2]);
    return Number(clock[3]) * 3600 + Number(clock[4]) * 60 + Number(clock[5]);
  }
  return parseNumber(v);
}

// helpers

function parseNumber(value: string): number {
  const v = value.trim();
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(v)) return Number(v.replaceAll(",", ""));
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(v)) return Number.NaN;
  return Number(v);
}

function columnIndexes(
  header: readonly string[],
  columns: IntervalColumns,
): Partial<Record<keyof IntervalColumns, number>> {
  const lower = header.map((h) => h.trim().toLowerCase());
  const out: Partial<Record<keyof IntervalColumns, number>> = {};
  const missing: string[] = [];
  for (const key of Object.keys(COLUMN_OPTIONS) as (keyof IntervalColumns)[]) {
    const name = columns[key];
    if (name === undefined || name === "") continue;
    const i = lower.indexOf(name.trim().toLowerCase());
    if (i < 0) missing.push(`${COLUMN_OPTIONS[key]} "${name}"`);
    else out[key] = i;
  }
  if (missing.length > 0)
    throw new IntervalReportError(
      `the report has no column ${missing.join(", no column ")}; its columns are: ${header.map((h) => `"${h.trim()}"`).join(", ")}`,
    );
  return out;
}

/** 100 when the service level column is written in percent ("85%" or any value above 1), else 1. */
function shareScale(body: readonly string[][], column: number | undefined): number {
  if (column === undefined) return 1;
  for (const fields of body) {
    const v = (fields[column] ?? "").trim();
    if (v.endsWith("%") || parseNumber(v) > 1) return 100;
  }
  return 1;
}

function checkDuplicates(rows: readonly IntervalRow[], channelColumn: string | undefined): void {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.channel}\u0000${row.startMs}`;
    const first = seen.get(key);
    if (first !== undefined)
      throw new IntervalReportError(
        `lines ${first} and ${row.line} are the same interval${channelColumn ? ` of channel "${row.channel}"` : ""}; each interval must appear once${channelColumn ? " per channel" : " (a report with several channels needs --channel COL)"}`,
      );
    seen.set(key, row.line);
  }
}
