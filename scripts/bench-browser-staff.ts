/**
 * Browser benchmark of Find staffing: builds a small page with Vite, serves it, and in
 * Debian's Chromium runs the app's staffing search (src/worker/browser-evaluate.ts, the Web
 * Worker pool sized as in the app) on the two cases of bench/staff.ts, each twice: with
 * every candidate run in full (as the app did before it stopped early; `stopEarly: false`
 * makes the same decisions the old pool made) and stopping early as the CLI does. Prints
 * wall time, replications simulated and candidates tried, and checks both give the same
 * plan. The machine is shared: replications are the figure to compare.
 *
 *   node --import tsx scripts/bench-browser-staff.ts [--runs N]
 */
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { build, preview } from "vite";

interface Measured {
  wallMs: number;
  replications: number;
  evaluations: number;
  plan: Record<string, number>;
  met: boolean;
}

const ONE_QUEUE = {
  format: "flowcast/v1",
  name: "One queue",
  clock: { horizon: "28d", warmup: "2d" },
  teams: [{ id: "a", agents: 15, costPerHour: 30 }],
  nodes: [
    { id: "in", kind: "channel", arrivals: { perHour: 200 } },
    {
      id: "q",
      kind: "work",
      team: "a",
      handleTime: { dist: "exponential", mean: "5m" },
      queue: { slaSeconds: 20, patience: { dist: "exponential", mean: "3m" } },
      outcomes: { resolved: 1 },
    },
    { id: "done", kind: "end" },
  ],
  edges: [
    { id: "e1", from: "in", to: "q" },
    { id: "e2", from: "q", port: "resolved", to: "done" },
    { id: "e3", from: "q", port: "abandoned", to: "done" },
  ],
};

const CASES = [
  {
    title: "one queue, 200 calls/h (M/M/25 size), 80/20 and abandon <= 5%",
    modelText: JSON.stringify(ONE_QUEUE),
    targets: ["nodes.q.serviceLevel>=80%", "abandonRate<=5%"],
  },
  {
    title: "three-tier desk: 80/20 on phone, abandon <= 5%, backlog past SLA <= 50",
    modelText: readFileSync("samples/three-tier-desk.json", "utf8"),
    targets: ["nodes.l1-phone.serviceLevel>=80%", "abandonRate<=5%", "backlogPastSla<=50"],
  },
];

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 1;
  await build({
    logLevel: "warn",
    build: {
      outDir: "dist/bench-staff",
      emptyOutDir: true,
      rollupOptions: { input: { page: "scripts/bench-staff/page.html" } },
    },
  });
  const server = await preview({
    logLevel: "warn",
    build: { outDir: "dist/bench-staff" },
    preview: { port: 0, host: "127.0.0.1", strictPort: false, open: false },
  });
  const base = server.resolvedUrls?.local[0]?.replace(/\/$/, "");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  let same = true;
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/scripts/bench-staff/page.html`);
    await page.waitForFunction(() => "flowcastStaffBench" in window);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    process.stdout.write(`Chromium, ${cores} cores, 10 replications of 28 days per candidate, seed 1\n`);
    for (const c of CASES) {
      process.stdout.write(`\n${c.title}\n`);
      for (let i = 0; i < runs; i++) {
        const full = await page.evaluate(staffOnce, { ...c, stopEarly: false });
        const early = await page.evaluate(staffOnce, { ...c, stopEarly: true });
        for (const [label, m] of [
          ["every replication", full],
          ["stopping early   ", early],
        ] as const) {
          process.stdout.write(
            `  ${label}: ${(m.wallMs / 1000).toFixed(2)} s wall, ${m.replications} replications, ` +
              `${m.evaluations} candidates, answer ${JSON.stringify(m.plan)}${m.met ? "" : " (not met)"}\n`,
          );
        }
        if (JSON.stringify(full.plan) !== JSON.stringify(early.plan)) same = false;
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  process.stdout.write(same ? "\nsame answers\n" : "\nANSWERS DIFFER\n");
  return same ? 0 : 1;
}

/** Runs in the page: one staffing search, counting the replications simulated. */
async function staffOnce(input: { modelText: string; targets: string[]; stopEarly: boolean }): Promise<Measured> {
  type Bench = {
    parseModelText(text: string): { ok: true; model: unknown } | { ok: false; diagnostics: { message: string }[] };
    parseTargetExpression(text: string): unknown;
    staffFlow(
      model: unknown,
      options: object,
      evaluate: unknown,
    ): Promise<{ met: boolean; evaluations: number; teams: Record<string, { agents: number }> }>;
    evaluateInBrowser: unknown;
    browserEvaluateStats: { replications: number };
  };
  const bench = (window as unknown as { flowcastStaffBench: Bench }).flowcastStaffBench;
  const parsed = bench.parseModelText(input.modelText);
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
  const targets = input.targets.map((t) => bench.parseTargetExpression(t));
  const before = bench.browserEvaluateStats.replications;
  const started = performance.now();
  const doc = await bench.staffFlow(
    parsed.model,
    { targets, replications: 10, seed: 1, stopEarly: input.stopEarly },
    bench.evaluateInBrowser,
  );
  return {
    wallMs: performance.now() - started,
    replications: bench.browserEvaluateStats.replications - before,
    evaluations: doc.evaluations,
    plan: Object.fromEntries(Object.entries(doc.teams).map(([id, t]) => [id, t.agents])),
    met: doc.met,
  };
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
