/**
 * The main thread's side of the Backtest step: one worker per request (backtestWorker.ts),
 * progress passed on as it comes, the worker ended when the answer arrives or the caller
 * cancels. Also the split arithmetic: train from the log's first day to the chosen week,
 * test for the chosen number of weeks, both kept inside the log.
 */
import type { RoleRule } from "../../calibrate";
import type { BacktestReport, Window } from "../../calibrate/backtest";
import type { HistorySource } from "./historySource";

export interface Week {
  weekStartMs: number;
  tickets: number;
}

export type BacktestReply =
  | { type: "progress"; phase: string; share: number }
  | { type: "weeks"; weeks: Week[]; firstStartMs: number; lastStartMs: number }
  | { type: "report"; report: BacktestReport }
  | { type: "error"; message: string };

export interface BacktestJob<T> {
  done: Promise<T>;
  cancel: () => void;
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Ticket starts per week over the whole file. */
export function scanWeeks(
  file: File,
  source: HistorySource,
  map: readonly RoleRule[],
  onProgress: (phase: string, share: number) => void,
): BacktestJob<Extract<BacktestReply, { type: "weeks" }>> {
  return start({ type: "scan", file, name: file.name, source, map }, onProgress, "weeks");
}

/** The backtest of `train` against `test`. */
export function runBacktestInWorker(
  file: File,
  source: HistorySource,
  map: readonly RoleRule[],
  split: { train: Window; test: Window },
  onProgress: (phase: string, share: number) => void,
): BacktestJob<BacktestReport> {
  const job = start(
    { type: "run", file, name: file.name, source, map, ...split, replications: 5, seed: 1 },
    onProgress,
    "report",
  );
  return { done: job.done.then((r) => r.report), cancel: job.cancel };
}

/**
 * The periods for a split at week `splitIndex` of `weeks`: train from the log's first day up
 * to that week's Monday, test from there for `testWeeks` weeks, ending by the log's last day.
 */
export function splitWindows(
  weeks: readonly Week[],
  splitIndex: number,
  testWeeks: number,
  span: { firstStartMs: number; lastStartMs: number },
): { train: Window; test: Window } {
  const at = weeks[splitIndex]!.weekStartMs;
  const firstDay = Math.floor(span.firstStartMs / DAY_MS) * DAY_MS;
  const lastDayEnd = Math.floor(span.lastStartMs / DAY_MS) * DAY_MS + DAY_MS;
  return {
    train: { fromMs: firstDay, toMs: at },
    test: { fromMs: at, toMs: Math.min(at + testWeeks * WEEK_MS, lastDayEnd) },
  };
}

// helpers

function start<K extends "weeks" | "report">(
  request: object,
  onProgress: (phase: string, share: number) => void,
  want: K,
): BacktestJob<Extract<BacktestReply, { type: K }>> {
  const worker = new Worker(new URL("./backtestWorker.ts", import.meta.url), { type: "module" });
  let settle: { resolve: (r: Extract<BacktestReply, { type: K }>) => void; reject: (e: Error) => void };
  const done = new Promise<Extract<BacktestReply, { type: K }>>((resolve, reject) => {
    settle = { resolve, reject };
  });
  worker.addEventListener("message", (event: MessageEvent<BacktestReply>) => {
    const reply = event.data;
    if (reply.type === "progress") return onProgress(reply.phase, reply.share);
    worker.terminate();
    if (reply.type === "error") settle.reject(new Error(reply.message));
    else if (reply.type === want) settle.resolve(reply as Extract<BacktestReply, { type: K }>);
  });
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    worker.terminate();
    settle.reject(new Error(event.message || "the backtest worker stopped"));
  });
  worker.postMessage(request);
  return {
    done,
    cancel: () => {
      worker.terminate();
      settle.reject(new Error("cancelled"));
    },
  };
}
