/** The simulator's public surface: run a flow, combine replications, and the results types. */
export * from "./results";
export * from "./simulate";
