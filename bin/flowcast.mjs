#!/usr/bin/env node
// The `flowcast` command. Runs the built JavaScript in dist-cli/ (made by
// scripts/build-cli.mjs at `npm install`), so start-up transpiles nothing. When the build is
// missing or older than the sources (a checkout that edited or pulled code), it runs the
// TypeScript sources through tsx instead, saying so on a terminal: slower, never stale.
import { buildState } from "./build-info.mjs";

// Output piped into a command that stops reading early (`| head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const state = buildState();
const { main } = state === "fresh" ? await import("../dist-cli/main.js") : await fromSources(state);
process.exitCode = await main(process.argv.slice(2));

async function fromSources(state) {
  let register;
  try {
    ({ register } = await import("tsx/esm/api"));
  } catch {
    process.stderr.write(
      `flowcast: the command line is ${state === "missing" ? "not built" : "older than its sources"}.\n` +
        "Run `npm install` (or `npm run build:cli`) in the Flowcast folder, then try again.\n",
    );
    process.exit(2);
  }
  if (process.stderr.isTTY) {
    process.stderr.write(
      `flowcast: running from the TypeScript sources (the build is ${state}); \`npm run build:cli\` makes start-up fast.\n`,
    );
  }
  register();
  return import("../src/cli/main.ts");
}
