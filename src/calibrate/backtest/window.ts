/**
 * The backtest's two periods: `--train FROM..TO` and `--test FROM..TO`, read as wall-clock
 * windows [from, to) in ms, and the checks a split must pass before (order, overlap,
 * length) and after (tickets in each, inside the log) the log is read. Messages are in the
 * user's words and name the option.
 */
import { detectTimeFormat, parseTimestamp } from "../../io/eventlog/timestamp";

export interface Window {
  fromMs: number;
  /** Exclusive. */
  toMs: number;
}

const DAY_MS = 86_400_000;
/** The shortest train window: every weekday seen once. */
export const MIN_TRAIN_DAYS = 7;
/** The fewest train tickets a flow is fitted on. */
export const MIN_TRAIN_TICKETS = 30;

/** A window problem, said in the user's words (the CLI exits 2). */
export class WindowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WindowError";
  }
}

/**
 * Reads "FROM..TO". A TO without a time of day means the whole of that day (2016-04-30 is up
 * to 2016-05-01 00:00); with a time it is the instant the window ends.
 */
export function parseWindow(flag: string, text: string | undefined): Window {
  if (text === undefined || text.trim() === "")
    throw new WindowError(`add ${flag} FROM..TO, e.g. ${flag} 2016-03-01..2016-04-30`);
  const parts = text.split("..");
  if (parts.length !== 2 || parts[0]!.trim() === "" || parts[1]!.trim() === "")
    throw new WindowError(`${flag} "${text}" must be written FROM..TO, e.g. 2016-03-01..2016-04-30`);
  const fromMs = readDate(flag, parts[0]!.trim());
  const toText = parts[1]!.trim();
  let toMs = readDate(flag, toText);
  if (/^\d{4}-\d{2}-\d{2}$/.test(toText)) toMs += DAY_MS;
  if (toMs <= fromMs) throw new WindowError(`${flag} "${text}" ends before it starts`);
  return { fromMs, toMs };
}

/** Checks that need no log: train long enough, test after train and not overlapping it. */
export function checkSplit(train: Window, test: Window): void {
  if (train.toMs - train.fromMs < MIN_TRAIN_DAYS * DAY_MS)
    throw new WindowError(
      `--train covers ${describeDays(train)}; it must cover at least ${MIN_TRAIN_DAYS} days so every weekday is seen`,
    );
  if (test.fromMs < train.toMs && train.fromMs < test.toMs)
    throw new WindowError(
      `--train ${formatWindow(train)} and --test ${formatWindow(test)} overlap; the test period must be one the flow did not see`,
    );
  if (test.fromMs < train.toMs)
    throw new WindowError(
      `--test ${formatWindow(test)} comes before --train ${formatWindow(train)}; a backtest checks a later period`,
    );
}

/** What the log held: the first and last ticket start, and its last event. */
export interface LogSpan {
  firstStartMs: number;
  lastStartMs: number;
  lastEventMs: number;
}

/** Checks once the log is read: each window inside the log and holding enough tickets. */
export function checkWindowsAgainstLog(
  train: Window,
  test: Window,
  span: LogSpan,
  counts: { train: number; test: number },
): void {
  const logText = `the log's tickets start from ${dayText(span.firstStartMs)} to ${dayText(span.lastStartMs)}`;
  for (const [flag, w] of [
    ["--train", train],
    ["--test", test],
  ] as const) {
    // A day of slack: a window written in whole days may start before the first ticket.
    if (w.toMs <= span.firstStartMs || w.fromMs > span.lastStartMs)
      throw new WindowError(`${flag} ${formatWindow(w)} is outside the log: ${logText}`);
    if (w.fromMs < span.firstStartMs - DAY_MS || w.toMs > span.lastStartMs + DAY_MS)
      throw new WindowError(
        `${flag} ${formatWindow(w)} reaches past the log (${logText}); the figures would count days with no data. Keep the window inside the log`,
      );
  }
  if (counts.train === 0) throw new WindowError(`no ticket starts in --train ${formatWindow(train)}`);
  if (counts.test === 0) throw new WindowError(`no ticket starts in --test ${formatWindow(test)}`);
  if (counts.train < MIN_TRAIN_TICKETS)
    throw new WindowError(
      `only ${counts.train} tickets start in --train ${formatWindow(train)}; at least ${MIN_TRAIN_TICKETS} are needed to fit a flow. Widen the window`,
    );
}

/** "2016-03-01..2016-04-30" for whole days, minutes otherwise. */
export function formatWindow(w: Window): string {
  const whole = w.fromMs % DAY_MS === 0 && w.toMs % DAY_MS === 0;
  if (whole) return `${dayText(w.fromMs)}..${dayText(w.toMs - DAY_MS)}`;
  return `${minuteText(w.fromMs)}..${minuteText(w.toMs)}`;
}

/** A window's length in days. */
export function windowDays(w: Window): number {
  return (w.toMs - w.fromMs) / DAY_MS;
}

// helpers

function readDate(flag: string, text: string): number {
  const format = detectTimeFormat([text]);
  const ms = format ? parseTimestamp(text, format) : Number.NaN;
  if (Number.isNaN(ms))
    throw new WindowError(`${flag}: "${text}" is not a date; write e.g. 2016-03-01 or 2016-03-01T08:00`);
  return ms;
}

function describeDays(w: Window): string {
  const days = windowDays(w);
  return days < 1 ? `${(days * 24).toFixed(1)} hours` : `${Number(days.toFixed(1))} days`;
}

function dayText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function minuteText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}
