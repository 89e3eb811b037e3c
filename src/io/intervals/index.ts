/** ACD interval reports: reading the CSV, its columns and its interval length. */
export * from "./guessColumns";
export * from "./intervalLength";
export * from "./readReport";
