/**
 * Event logs as files: reading a help desk's CSV log row by row (columns, timestamps,
 * activity roles) and writing simulated tickets back out as an event log. Fitting a flow
 * from what was read lives in `src/calibrate/`.
 */
export * from "./chunkedLog";
export * from "./csv";
export * from "./guessColumns";
export * from "./reader";
export * from "./roles";
export * from "./timestamp";
export * from "./writer";
export * from "./xes";
export * from "./xesWriter";
