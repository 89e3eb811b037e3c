/**
 * A backtest from a log's text: the reader set up to split tickets by window, the window
 * checks once the log is read, calibration of the train side and the run. The CLI feeds it
 * a file stream, the browser worker a `File.stream()`; both get the same report.
 */
import { type ColumnMap, EventLogError } from "../../io/eventlog/reader";
import type { RoleRule } from "../../io/eventlog/roles";
import { parseModelText } from "../../model";
import { type Calibration, calibrate } from "../index";
import { EventLogReader } from "../logReader";
import { type Drift, detectDrift } from "./drift";
import {
  type BacktestReport,
  type BacktestSimulator,
  FittedFlowError,
  followEndMs,
  isoMinute,
  runBacktest,
} from "./runBacktest";
import { SplitAnalysis } from "./split";
import { checkWindowsAgainstLog, type Window } from "./window";

export interface BacktestSetup {
  columns: ColumnMap;
  map?: readonly RoleRule[];
  /** Tier overrides by team name. */
  tiers?: Record<string, number>;
  train: Window;
  test: Window;
  /**
   * "auto" (default): fit on the train period's last weeks when it drifts (drift.ts);
   * "all": always on the whole train period.
   */
  fitSpan?: "auto" | "all";
}

/** A reader whose rows are split into the train and test cohorts as they stream in. */
export function backtestReader(setup: BacktestSetup): { reader: EventLogReader; split: SplitAnalysis } {
  const split = new SplitAnalysis(setup.train, setup.test);
  const reader = new EventLogReader({ columns: setup.columns, map: setup.map }, split);
  return { reader, split };
}

/**
 * Ends the read, checks the windows against the log (WindowError), fits the train cohort
 * and runs the backtest. Throws EventLogError for an unreadable log and FittedFlowError
 * when the fitted flow cannot run.
 */
export function finishBacktest<R>(
  reader: EventLogReader,
  split: SplitAnalysis,
  setup: BacktestSetup,
  sim: BacktestSimulator<R>,
  options: { source: string; replications: number; seed: number; onProgress?: (done: number, total: number) => void },
): BacktestReport {
  const counts = () => ({ train: split.tickets.size, test: split.test.tickets.size });
  try {
    reader.end();
  } catch (error) {
    // The reader finds no ticket when none starts in the train window: say which window.
    if (error instanceof EventLogError && Number.isFinite(split.span.firstStartMs))
      checkWindowsAgainstLog(setup.train, setup.test, split.span, counts());
    throw error;
  }
  checkWindowsAgainstLog(setup.train, setup.test, split.span, counts());
  const drift = setup.fitSpan === "all" ? undefined : detectDrift(split, setup.train, followEndMs(split, setup.test));
  // A drifting train period: its recent tickets read again from the rows the reader holds.
  const fitSide = drift ? reader.replay(new SplitAnalysis(drift.fit), (team) => team) : split;
  const fitReader = drift ? new EventLogReader({ columns: setup.columns, map: setup.map }, fitSide) : reader;
  // Every team kept apart: grouping re-reads the whole log, which would mix the periods.
  const fitted = calibrate(fitReader, `Backtest fit of ${options.source}`, setup.tiers, {
    teams: Number.MAX_SAFE_INTEGER,
  });
  const parsed = parseModelText(JSON.stringify(fitted.model));
  if (!parsed.ok)
    throw new FittedFlowError(`it does not decode: ${parsed.diagnostics.map((d) => d.message).join("; ")}`);
  return runBacktest(
    split,
    parsed.model,
    fitted.summary.tiers,
    sim,
    {
      source: options.source,
      train: setup.train,
      test: setup.test,
      replications: options.replications,
      seed: options.seed,
      onProgress: options.onProgress,
      fit: fitBasis(fitted, fitSide, setup.train, drift),
    },
    fitSide.teams.list,
  );
}

// helpers

function fitBasis(fitted: Calibration, fitSide: SplitAnalysis, train: Window, drift: Drift | undefined) {
  const span = drift?.fit ?? train;
  return {
    log: fitted.snapshot ? ("snapshot" as const) : ("lifecycle" as const),
    agentsBasis: fitted.summary.agentsBasis,
    span: { from: isoMinute(span.fromMs), to: isoMinute(span.toMs), tickets: fitSide.tickets.size },
    ...(drift
      ? { drift: { earlierMedianSeconds: drift.earlierMedianSeconds, recentMedianSeconds: drift.recentMedianSeconds } }
      : {}),
    notes: [...(drift ? [drift.note] : []), ...(fitted.snapshot ? [fitted.snapshot.note] : [])],
  };
}
