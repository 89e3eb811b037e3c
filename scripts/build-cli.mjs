#!/usr/bin/env node
/**
 * Builds the `flowcast` command into dist-cli/ as plain JavaScript, so the command never
 * transpiles TypeScript at run time. Runs at `prepare` (npm install, npm ci) and whenever
 * bin/flowcast.mjs or the test setup finds the build stale.
 *
 * Two entry points: main.js (the CLI) and node-worker.js (a worker thread of the
 * simulation pool, started by src/worker/node-pool.ts). Code splitting keeps each command
 * in its own chunk, so `flowcast --help` loads only the command table and `flowcast
 * validate` never loads the simulator.
 *
 *   node scripts/build-cli.mjs            build (always)
 *   node scripts/build-cli.mjs --if-stale build only when a source changed since the last build
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { buildState, OUT_DIR, ROOT } from "../bin/build-info.mjs";

/**
 * zod ships its messages in about 40 languages, all reachable from its `locales` namespace;
 * Flowcast writes its own messages in English and uses zod's English defaults only. The
 * other languages are a third of the bundle Node must compile at every start.
 */
const englishOnlyZod = {
  name: "english-only-zod",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${"node_modules"}/zod/`) ? { path: "zod-locales-en", namespace: "flowcast" } : undefined,
    );
    build.onLoad({ filter: /^zod-locales-en$/, namespace: "flowcast" }, () => ({
      contents: `export { default as en } from ${JSON.stringify(`${ROOT}node_modules/zod/v4/locales/en.js`)};`,
      resolveDir: ROOT,
    }));
  },
};

/** Builds dist-cli/ (unless `ifStale` and it is fresh); returns what it did. */
export async function buildCli({ ifStale = false } = {}) {
  if (ifStale && buildState() === "fresh") return "fresh";
  const { build } = await import("esbuild");
  // Before the build reads any source: an edit made while it runs makes the build stale.
  const builtAtMs = Date.now();
  // Built aside, then swapped in: a command running meanwhile never sees half a build.
  const staging = `${OUT_DIR.replace(/\/$/, "")}.${process.pid}.tmp/`;
  rmSync(staging, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { main: "src/cli/main.ts", "node-worker": "src/worker/node-worker.ts" },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Bundled packages load in a third of the time Node takes to resolve their many files;
    // the native renderer cannot be bundled, elkjs (export, import only) is big and CommonJS, and
    // highs (shift plans only) finds its WebAssembly file next to its own script.
    external: ["@resvg/resvg-js", "elkjs", "elkjs/*", "highs"],
    sourcemap: "linked",
    // Fewer bytes for Node to read and compile at every start: whitespace and syntax only,
    // so names in stack traces stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    plugins: [englishOnlyZod],
    metafile: true,
    logLevel: "warning",
    // The CLI is not the browser: `import.meta.env` (Vite) is absent.
    define: { "import.meta.env": "undefined" },
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((path) => !path.startsWith("node_modules/") && !path.startsWith("flowcast:"))
    .concat("package.json", "scripts/build-cli.mjs")
    .sort();
  writeFileSync(`${staging}build-info.json`, `${JSON.stringify({ builtAtMs, inputs }, null, 2)}\n`);
  rmSync(OUT_DIR, { recursive: true, force: true });
  renameSync(staging, OUT_DIR);
  return "built";
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const ifStale = process.argv.includes("--if-stale");
  buildCli({ ifStale }).then(
    (what) => {
      if (what === "built") process.stdout.write(`flowcast: built the command line into ${OUT_DIR}\n`);
    },
    (error) => {
      process.stderr.write(`flowcast: building the command line failed: ${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
