/** Types of scripts/build-cli.mjs (a plain script, so that `npm install` can run it without tsx). */
export function buildCli(options?: { ifStale?: boolean }): Promise<"built" | "fresh">;
