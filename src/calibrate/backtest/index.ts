/**
 * Backtest: fit a flow on one period of a log and check its predictions on a later one,
 * next to the naive "same as last period" baseline (flowcast-backtest/v1). No Node APIs.
 */
export * from "./cohort";
export * from "./distances";
export * from "./format";
export * from "./readBacktest";
export * from "./runBacktest";
export * from "./split";
export * from "./window";
