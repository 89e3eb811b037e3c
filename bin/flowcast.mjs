#!/usr/bin/env node
// The `flowcast` command: runs the TypeScript CLI through tsx, so `npx flowcast` works
// straight after `npm install` with no build step.
import { register } from "tsx/esm/api";

register();
// Output piped into a command that stops reading early (`| head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
