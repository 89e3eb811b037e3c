/**
 * Order as you build (issue 22): from a blank flow, a seeded random sequence of adds (from
 * the palette, after the selected step), connections (the inspector's "Next step"), tier
 * changes (Teams panel), deletes and undos. After every action, in Chromium, every step's
 * middle lies in the drawn lane of its tier, the lanes are drawn in tier order without a
 * merged band, and no two steps overlap, without ever pressing Auto-layout. The seed is in
 * the test's name, so a failure replays exactly.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignLanes, laneLabel } from "../../src/layout/lanes";
import type { Model } from "../../src/model";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";
import { stepBoxes, waitUntilStill } from "./flowPage";

const SEED = 22;
const ACTIONS = 28;
const KINDS = ["channel", "route", "work", "work", "escalate", "followUp", "delay", "end"];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** mulberry32: a small, fast, seedable generator. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function modelOf(page: Page): Promise<Model> {
  return page.evaluate(() =>
    (window as unknown as { __flowcastCanvas: { model: () => Model } }).__flowcastCanvas.model(),
  );
}

/** Steps out of their tier's drawn lane, merged or out-of-order lanes, overlapping steps. */
async function disorder(page: Page): Promise<string[]> {
  const model = await modelOf(page);
  const laneOf = assignLanes(model);
  const bands = (
    await page.locator(".lane").evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { label: el.getAttribute("data-testid")?.slice(5) ?? "", top: r.y, bottom: r.y + r.height };
      }),
    )
  ).sort((a, b) => a.top - b.top);
  const problems: string[] = [];
  const labels = bands.map((b) => b.label);
  const expected = [...new Set(laneOf.values())].sort((a, b) => a - b).map(laneLabel);
  if (labels.join() !== expected.join())
    problems.push(`lanes drawn ${labels.join(", ")}; tiers ${expected.join(", ")}`);
  const steps = await stepBoxes(page);
  for (const [id, box] of Object.entries(steps)) {
    const mid = box.y + box.height / 2;
    const band = bands.find((b) => mid >= b.top && mid <= b.bottom);
    const want = laneLabel(laneOf.get(id) ?? 0);
    if (band?.label !== want) problems.push(`${id} (${want}) drawn in ${band?.label ?? "no lane"}`);
  }
  const list = Object.entries(steps);
  for (const [i, [a, p]] of list.entries())
    for (const [b, q] of list.slice(i + 1))
      if (p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height)
        problems.push(`${a} overlaps ${b}`);
  return problems;
}

/** Selects step `id`: Fit (twice) when it is not fully in sight, then a click on it. */
async function selectStep(page: Page, id: string): Promise<void> {
  const pane = await page.locator(".react-flow").boundingBox();
  const box = await page.getByTestId(`node-${id}`).boundingBox();
  const seen = pane && box && box.x >= pane.x && box.y >= pane.y && box.x + box.width <= pane.x + pane.width - 180;
  if (!seen || !box || box.y + box.height > (pane?.y ?? 0) + (pane?.height ?? 0) - 130) {
    await page.getByTestId("toolbar-fit").click();
    await page.getByTestId("toolbar-fit").click();
    await waitUntilStill(page);
  }
  await page.getByTestId(`node-${id}`).click({ position: { x: 30, y: 10 } });
  await page.locator(`[data-testid="node-${id}"].is-selected`).waitFor({ timeout: 5000 });
}

describe("order as you build", () => {
  it(`keeps every step in its tier's lane, lanes in order and no overlap through ${ACTIONS} random edits (seed ${SEED})`, async () => {
    const random = generator(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const { context, page } = await openApp(browser, "/", { width: 1280, height: 800 });
    await page.getByTestId("canvas").waitFor();
    await page.getByTestId("toolbar-start").click();
    await page.getByTestId("start-new").click();
    // Two tiers to move steps between.
    await page.getByTestId("inspector-tab-teams").click();
    await page.getByTestId("inspector-team-add").click();
    const log: string[] = [];
    for (let step = 0; step < ACTIONS; step++) {
      const model = await modelOf(page);
      const roll = step < 4 ? 0 : random();
      let action = "";
      if (roll < 0.4 || model.nodes.length < 2) {
        const after = model.nodes.length > 0 && random() < 0.7 ? pick(model.nodes).id : undefined;
        if (after) await selectStep(page, after);
        else await page.keyboard.press("Escape");
        const kind = step === 0 ? "channel" : pick(KINDS);
        action = `add ${kind} after ${after ?? "nothing"}`;
        const count = model.nodes.length;
        await page.getByTestId(`palette-${kind}`).click();
        await expect.poll(async () => (await modelOf(page)).nodes.length).toBe(count + 1);
      } else if (roll < 0.62) {
        const from = pick(model.nodes.filter((n) => n.kind !== "end"));
        const targets = model.nodes.filter((n) => n.kind !== "channel" && n.id !== from?.id);
        if (!from || targets.length === 0) continue;
        await selectStep(page, from.id);
        const pickers = page.locator('[data-testid^="inspector-next-"]');
        const n = await pickers.count();
        if (n === 0) continue;
        const picker = pickers.nth(Math.floor(random() * n));
        const to = pick(targets).id;
        action = `connect ${from.id} (${await picker.getAttribute("data-testid")}) to ${to}`;
        await picker.selectOption(to);
      } else if (roll < 0.74) {
        const team = pick(model.teams);
        const tier = 1 + Math.floor(random() * 3);
        action = `team ${team.id} to tier ${tier}`;
        await page.keyboard.press("Escape");
        await page.getByTestId("inspector-tab-teams").click();
        await page.getByTestId(`inspector-team-${team.id}`).click();
        await page.getByTestId("inspector-tier").fill(String(tier));
        await page.getByTestId("inspector-tier").blur();
      } else if (roll < 0.87 && model.nodes.length > 0) {
        const id = pick(model.nodes).id;
        action = `delete ${id}`;
        await selectStep(page, id);
        await page.keyboard.press("Delete");
        await expect.poll(async () => (await modelOf(page)).nodes.some((n) => n.id === id)).toBe(false);
      } else {
        action = "undo";
        const undo = page.getByTestId("toolbar-undo");
        if (await undo.isEnabled()) await undo.click();
      }
      log.push(`${step + 1}. ${action}`);
      await waitUntilStill(page);
      expect(await disorder(page), `after:\n${log.join("\n")}`).toEqual([]);
    }
    await snap(page, `canvas-order-seed-${SEED}`);
    expect(log.some((line) => line.includes("connect"))).toBe(true);
    expect(log.some((line) => line.includes("tier"))).toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
