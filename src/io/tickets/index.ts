/** One-row-per-ticket tables: their columns, reading them as event rows, their per-ticket facts. */
export * from "./columns";
export * from "./duration";
export * from "./facts";
export * from "./table";
