/**
 * Browser benchmark of the flow designer with a 300-node flow: builds the app, opens the
 * flow in Debian's Chromium, and measures the auto-layout time (elkjs in its worker) and the
 * frame times while panning, zooming and dragging a step. Not part of `npm test`:
 * `npm run bench:canvas`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";
import { build, preview } from "vite";

const NODES = 300;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** A flow of `count` nodes: channels feed pods of triage, L1, hand-off, L2, follow-up and ends. */
export function bigFlow(count: number): object {
  const teams = [
    { id: "l1", name: "L1 front line", tier: 1, agents: 40 },
    { id: "l2", name: "L2 specialists", tier: 2, agents: 12 },
    { id: "l3", name: "L3 engineering", tier: 3, agents: 4 },
  ];
  const nodes: object[] = [];
  const edges: object[] = [];
  let pod = 0;
  const edge = (from: string, to: string, port?: string) =>
    edges.push({ id: `e${edges.length}`, from, to, ...(port ? { port } : {}) });
  while (nodes.length + 10 <= count) {
    const p = `p${pod++}`;
    nodes.push(
      { id: `${p}-in`, kind: "channel", label: `Channel ${pod}`, channel: "email", arrivals: { perHour: 4 } },
      { id: `${p}-kb`, kind: "selfService", label: `Help centre ${pod}`, deflection: 0.2, duration: "2m" },
      { id: `${p}-triage`, kind: "route", label: `Triage ${pod}`, split: { simple: 0.8, hard: 0.2 } },
      {
        id: `${p}-l1`,
        kind: "work",
        label: `L1 answers ${pod}`,
        team: "l1",
        handleTime: "6m",
        outcomes: { resolved: 0.7, escalate: 0.2, followUp: 0.1 },
      },
      { id: `${p}-up`, kind: "escalate", label: `Hand off ${pod}` },
      {
        id: `${p}-l2`,
        kind: "work",
        label: `L2 fixes ${pod}`,
        team: "l2",
        handleTime: "25m",
        outcomes: { resolved: 0.9, escalate: 0.1 },
      },
      { id: `${p}-up3`, kind: "escalate", label: `Hand off L3 ${pod}`, handoff: "none" },
      {
        id: `${p}-l3`,
        kind: "work",
        label: `L3 fixes ${pod}`,
        team: "l3",
        handleTime: "2h",
        outcomes: { resolved: 1 },
      },
      {
        id: `${p}-check`,
        kind: "followUp",
        label: `Confirm ${pod}`,
        wait: "1d",
        outcomes: { confirmed: 0.85, reopened: 0.15 },
      },
      { id: `${p}-done`, kind: "end", label: `Resolved ${pod}` },
    );
    edge(`${p}-in`, `${p}-kb`);
    edge(`${p}-kb`, `${p}-done`, "resolved");
    edge(`${p}-kb`, `${p}-triage`, "contact");
    edge(`${p}-triage`, `${p}-l1`, "simple");
    edge(`${p}-triage`, `${p}-up`, "hard");
    edge(`${p}-l1`, `${p}-done`, "resolved");
    edge(`${p}-l1`, `${p}-up`, "escalate");
    edge(`${p}-l1`, `${p}-check`, "followUp");
    edge(`${p}-up`, `${p}-l2`);
    edge(`${p}-l2`, `${p}-done`, "resolved");
    edge(`${p}-l2`, `${p}-up3`, "escalate");
    edge(`${p}-up3`, `${p}-l3`);
    edge(`${p}-l3`, `${p}-done`, "resolved");
    edge(`${p}-check`, `${p}-done`, "confirmed");
    edge(`${p}-check`, `${p}-triage`, "reopened");
  }
  // A grid layout to start from, so the first view is not a pile.
  const layout = Object.fromEntries(
    nodes.map((n, i) => [(n as { id: string }).id, { x: (i % 10) * 260, y: Math.floor(i / 10) * 140 }]),
  );
  return { format: "flowcast/v1", name: `Benchmark flow (${nodes.length} steps)`, teams, nodes, edges, layout };
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), "flowcast-bench-"));
  await build({ logLevel: "warn", build: { outDir, emptyOutDir: true } });
  const server = await preview({
    logLevel: "warn",
    build: { outDir },
    preview: { port: 0, host: "127.0.0.1", open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("vite preview did not report its address");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(url);
    await page.getByTestId("canvas").waitFor();
    const flow = bigFlow(NODES);
    const chooser = page.waitForEvent("filechooser");
    await page.getByTestId("toolbar-open").click();
    const opening = performance.now();
    await (await chooser).setFiles({
      name: "bench.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(flow)),
    });
    await page.getByTestId("node-p0-in").waitFor();
    const openMs = performance.now() - opening;

    // A user looks at the flow before asking for a layout; the app warms elkjs up meanwhile.
    await page.waitForTimeout(4000);
    const layouts: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.getByTestId("toolbar-layout").click();
      await page.getByTestId("toolbar-layout").getByText("Auto-layout").waitFor({ timeout: 60_000 });
      if (i < 2) await page.getByTestId("toolbar-undo").click();
    }
    layouts.push(
      ...(await page.evaluate(() => performance.getEntriesByName("flowcast:layout").map((e) => e.duration))),
    );

    await page.getByTestId("toolbar-fit").click();
    await page.waitForTimeout(500);
    const canvas = await page.getByTestId("canvas").boundingBox();
    if (!canvas) throw new Error("no canvas");
    const cx = canvas.x + canvas.width / 2;
    const cy = canvas.y + canvas.height / 2;

    const pan = await frames(page, async () => {
      await page.mouse.move(cx, cy + 200);
      await page.mouse.down();
      for (let i = 0; i < 60; i++) await page.mouse.move(cx - i * 6, cy + 200 - i * 2);
      await page.mouse.up();
    });
    const zoom = await frames(page, async () => {
      await page.mouse.move(cx, cy);
      for (let i = 0; i < 30; i++) await page.mouse.wheel(0, i < 15 ? -120 : 120);
    });
    // Zoom in to a readable size and drag one step around.
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -120);
    await page.waitForTimeout(300);
    const step = page.locator(".react-flow__node .step").first();
    const box = await step.boundingBox();
    if (!box) throw new Error("no visible step");
    const drag = await frames(page, async () => {
      await page.mouse.move(box.x + 40, box.y + 20);
      await page.mouse.down();
      for (let i = 0; i < 60; i++) await page.mouse.move(box.x + 40 + i * 4, box.y + 20 + Math.sin(i / 5) * 60);
      await page.mouse.up();
    });

    console.log(`Flowcast canvas benchmark: ${NODES} steps, Chromium headless (software rendering)`);
    console.log(`  open file and first render: ${openMs.toFixed(0)} ms`);
    console.log(`  auto-layout (elkjs in worker), 3 runs: ${layouts.map((ms) => ms.toFixed(0)).join(", ")} ms`);
    for (const [name, stats] of [
      ["pan", pan],
      ["zoom", zoom],
      ["drag a step", drag],
    ] as const) {
      console.log(
        `  ${name.padEnd(12)} frames ${String(stats.count).padStart(3)} · median ${stats.median.toFixed(1)} ms · p95 ${stats.p95.toFixed(1)} ms · worst ${stats.max.toFixed(1)} ms · over 50 ms: ${stats.slow}`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

// helpers

interface FrameStats {
  count: number;
  median: number;
  p95: number;
  max: number;
  /** Frames longer than 50 ms (visible lag). */
  slow: number;
}

/** Frame-to-frame times (ms) measured with requestAnimationFrame while `act` runs. */
async function frames(page: Page, act: () => Promise<void>): Promise<FrameStats> {
  // A string, not a function: the TypeScript loader would wrap a function in helpers the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await act();
  await page.waitForTimeout(200);
  const times = (await page.evaluate("(window.__recording = false, window.__frames.slice(1))")) as number[];
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    count: times.length,
    median: at(0.5),
    p95: at(0.95),
    max: sorted[sorted.length - 1] ?? 0,
    slow: times.filter((t) => t > 50).length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
