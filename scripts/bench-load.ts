/**
 * Browser benchmark of opening the app: builds it with Vite, serves the build, and in
 * Debian's Chromium opens it cold (a fresh profile each time, nothing cached) on the default
 * sample, measuring
 *   - first-load JS: the JavaScript fetched before the page is interactive (bytes on the
 *     wire and unpacked), and the JavaScript fetched later (elk's worker, the simulator);
 *   - canvas drawn: navigation start to the sample's nodes on screen;
 *   - interactive: canvas drawn, and the main thread then quiet (no task over 50 ms) for
 *     QUIET_MS, as Lighthouse's time to interactive but with a shorter quiet window;
 *   - first response: a click on a node until the inspector shows it.
 *
 *   npm run bench:load [-- --runs 5] [--dist DIR]
 *
 * --dist serves an existing build instead of building (e.g. an older one, to compare two
 * builds under the same machine load).
 */
import { chromium, type Page } from "playwright-core";
import { build, preview } from "vite";

const QUIET_MS = 2000;

interface Load {
  canvasMs: number;
  interactiveMs: number;
  clickMs: number;
  earlyJs: { files: number; wireBytes: number; bytes: number };
  laterJs: { name: string; bytes: number }[];
  longTasks: number;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
  const distAt = args.indexOf("--dist");
  const outDir = distAt >= 0 ? (args[distAt + 1] ?? "") : "dist/bench-load";
  if (distAt < 0) await build({ logLevel: "warn", build: { outDir, emptyOutDir: true } });
  const server = await preview({
    logLevel: "warn",
    build: { outDir },
    preview: { port: 0, host: "127.0.0.1", strictPort: false, open: false },
  });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error("vite preview did not report its address");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
  try {
    const loads: Load[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const load = await measureLoad(page, base);
      loads.push(load);
      process.stdout.write(
        `run ${i + 1}: canvas ${load.canvasMs.toFixed(0)} ms, interactive ${load.interactiveMs.toFixed(0)} ms, ` +
          `click -> inspector ${load.clickMs.toFixed(0)} ms, first-load JS ${kB(load.earlyJs.bytes)} ` +
          `(${kB(load.earlyJs.wireBytes)} on the wire, ${load.earlyJs.files} files), ${load.longTasks} long tasks\n`,
      );
      await context.close();
    }
    const last = loads.at(-1);
    if (last) {
      process.stdout.write(
        `JS loaded later (idle or on demand): ${last.laterJs.map((j) => `${j.name} ${kB(j.bytes)}`).join(", ") || "none"}\n`,
      );
    }
    process.stdout.write(
      `median of ${runs}: canvas ${median(loads.map((l) => l.canvasMs)).toFixed(0)} ms, ` +
        `interactive ${median(loads.map((l) => l.interactiveMs)).toFixed(0)} ms, ` +
        `click -> inspector ${median(loads.map((l) => l.clickMs)).toFixed(0)} ms, ` +
        `first-load JS ${kB(median(loads.map((l) => l.earlyJs.bytes)))}\n`,
    );
    return 0;
  } finally {
    await browser.close();
    await server.close();
  }
}

async function measureLoad(page: Page, url: string): Promise<Load> {
  await page.addInitScript(() => {
    const tasks: { start: number; end: number }[] = [];
    (window as unknown as { loadTasks: typeof tasks }).loadTasks = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(url);
  await page.locator(".react-flow__node").first().waitFor({ state: "visible", timeout: 60_000 });
  const canvasMs = await page.evaluate(
    () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now())))),
  );
  // Quiet: no long task in the last QUIET_MS.
  const interactiveMs = await page.evaluate(
    ({ canvasMs, quietMs }) =>
      new Promise<number>((resolve) => {
        // (No named inner functions: tsx would wrap them in a helper the page does not have.)
        const tasks = (window as unknown as { loadTasks: { start: number; end: number }[] }).loadTasks;
        const timer = setInterval(() => {
          const lastEnd = Math.max(canvasMs, ...tasks.map((t) => t.end));
          if (performance.now() - lastEnd < quietMs) return;
          clearInterval(timer);
          resolve(lastEnd);
        }, 100);
      }),
    { canvasMs, quietMs: QUIET_MS },
  );
  // A step of the flow (lanes are nodes too, behind the steps).
  const node = page.locator('[data-testid^="node-"]:not([data-testid="node-label"]):not([data-testid="node-load"])');
  const clickStarted = Date.now();
  await node.first().click();
  await page.locator(".react-flow__node.selected").first().waitFor();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  const clickMs = Date.now() - clickStarted;
  const resources = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => e as PerformanceResourceTiming)
      .filter((e) => /\.m?js(\?|$)/.test(e.name))
      .map((e) => ({ name: e.name, start: e.startTime, wire: e.transferSize, bytes: e.decodedBodySize })),
  );
  const early = resources.filter((r) => r.start <= interactiveMs);
  const longTasks = await page.evaluate(() => (window as unknown as { loadTasks: unknown[] }).loadTasks.length);
  return {
    canvasMs,
    interactiveMs,
    clickMs,
    earlyJs: {
      files: early.length,
      wireBytes: early.reduce((s, r) => s + r.wire, 0),
      bytes: early.reduce((s, r) => s + r.bytes, 0),
    },
    laterJs: resources
      .filter((r) => r.start > interactiveMs)
      .map((r) => ({ name: r.name.replace(/.*\//, ""), bytes: r.bytes })),
    longTasks,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function kB(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} kB`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
