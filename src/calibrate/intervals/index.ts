/**
 * Calibrating a flow from an ACD interval report: the typical week (whole weeks, outlier
 * days flagged), one queue per channel fitted to it, the flow built from the fits, and the
 * report of the log's figures beside the calibrated flow's simulated ones.
 */
export * from "./buildFlow";
export * from "./calibrateIntervals";
export * from "./compare";
export * from "./fitQueue";
export * from "./weekProfile";
