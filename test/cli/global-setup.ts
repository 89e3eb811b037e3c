/**
 * Before the unit tests: rebuild the command line when a source changed since its last
 * build, so test/cli runs the JavaScript that ships (bin/flowcast.mjs -> dist-cli/), and
 * quickly, rather than falling back to transpiling TypeScript in every child process.
 */
import { buildCli } from "../../scripts/build-cli.mjs";

export default async function setup(): Promise<void> {
  await buildCli({ ifStale: true });
}
