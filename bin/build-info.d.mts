/** Types of bin/build-info.mjs. */
export const ROOT: string;
export const OUT_DIR: string;
export const INFO_FILE: string;
export function buildState(): "fresh" | "missing" | "stale";
