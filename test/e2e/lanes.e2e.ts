/**
 * Lanes follow the steps' tiers: giving a step a team of another tier in the inspector moves
 * it into that tier's lane in one undo step (the lane it leaves closes, a new tier's lane
 * opens in order), nothing overlaps, and undo puts every step and lane back.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";
import { drawnEdgeProblems } from "./edgeCheck";
import { openSample, stepBoxes, waitUntilStill } from "./flowPage";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Box = { x: number; y: number; width: number; height: number };

/** Lane labels drawn, top to bottom, with their screen boxes. */
async function lanes(page: Page): Promise<{ label: string; box: Box }[]> {
  const drawn = await page.locator(".lane").evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return {
        label: el.getAttribute("data-testid")?.slice(5) ?? "",
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
      };
    }),
  );
  return drawn.sort((a, b) => a.box.y - b.box.y);
}

/** The lane whose band holds the middle of each step, by step id. */
async function laneOfSteps(page: Page): Promise<Record<string, string>> {
  const bands = await lanes(page);
  const steps = await stepBoxes(page);
  return Object.fromEntries(
    Object.entries(steps).map(([id, b]) => {
      const mid = b.y + b.height / 2;
      return [id, bands.find((l) => mid >= l.box.y && mid <= l.box.y + l.box.height)?.label ?? "none"];
    }),
  );
}

function overlapping(steps: Record<string, Box>): string[] {
  const list = Object.entries(steps);
  const found: string[] = [];
  for (const [i, [a, p]] of list.entries())
    for (const [b, q] of list.slice(i + 1))
      if (p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height)
        found.push(`${a} / ${b}`);
  return found;
}

/** The step positions of the model the canvas draws. */
async function layout(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(
    () =>
      (
        window as unknown as { __flowcastCanvas: { model(): { layout: Record<string, { x: number; y: number }> } } }
      ).__flowcastCanvas.model().layout,
  );
}

/** Zooms out to see the whole flow and saves a screenshot. */
async function snapWhole(page: Page, name: string): Promise<void> {
  const zoomOut = page.getByTestId("controls-zoom-out");
  for (let i = 0; i < 5 && (await zoomOut.isEnabled()); i++) await zoomOut.click();
  await waitUntilStill(page);
  await snap(page, name);
}

async function chooseTeam(page: Page, step: string, team: string): Promise<void> {
  await page.getByTestId(`node-${step}`).click();
  await page.getByTestId("inspector-team").selectOption(team);
  await waitUntilStill(page);
}

describe("lanes on the canvas", () => {
  it("follow a step's team change in one undo step", async () => {
    const { page } = await openApp(browser);
    await page.getByTestId("canvas").waitFor();
    await openSample(page, "password-reset.json");
    // Fit twice: the first press frames the intake and first tier readably, the second shows
    // every step (the L2 step this test moves must be on screen to be clicked)
    await page.getByTestId("toolbar-fit").click();
    await page.getByTestId("toolbar-fit").click();
    await waitUntilStill(page);
    const labelsBefore = (await lanes(page)).map((l) => l.label);
    expect(labelsBefore).toEqual(["Intake", "L1", "L2"]);
    expect((await laneOfSteps(page))["l2-access"]).toBe("L2");
    const layoutBefore = await layout(page);

    // The only L2 step goes to L1: it moves into the L1 lane and the L2 lane closes.
    await chooseTeam(page, "l2-access", "l1");
    await expect.poll(async () => (await lanes(page)).map((l) => l.label)).toEqual(["Intake", "L1"]);
    const placed = await laneOfSteps(page);
    expect(placed["l2-access"]).toBe("L1");
    expect(placed["l1-reset"]).toBe("L1");
    expect(overlapping(await stepBoxes(page))).toEqual([]);
    expect(await drawnEdgeProblems(page)).toEqual([]);
    await snapWhole(page, "lanes-team-changed");

    // One undo puts the step, and the L2 lane, back.
    await page.getByTestId("toolbar-undo").click();
    await waitUntilStill(page);
    expect((await lanes(page)).map((l) => l.label)).toEqual(labelsBefore);
    expect(await layout(page)).toEqual(layoutBefore);

    // L1's tier becomes 3 in the Teams panel: its step moves below L2 and the lanes re-form.
    await page.keyboard.press("Escape");
    await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
    await page.getByTestId("inspector-tab-teams").click();
    await page.getByTestId("inspector-team-l1").click();
    const tier = page.getByTestId("inspector-tier");
    await tier.fill("3");
    await tier.blur();
    await waitUntilStill(page);
    await expect.poll(async () => (await lanes(page)).map((l) => l.label)).toEqual(["Intake", "L2", "L3"]);
    const moved = await laneOfSteps(page);
    expect(moved["l1-reset"]).toBe("L3");
    expect(moved["l2-access"]).toBe("L2");
    expect(overlapping(await stepBoxes(page))).toEqual([]);
    await snapWhole(page, "lanes-tier-changed");
    await page.getByTestId("toolbar-undo").click();
    await waitUntilStill(page);
    expect((await lanes(page)).map((l) => l.label)).toEqual(labelsBefore);
    expect(await layout(page)).toEqual(layoutBefore);
    expect(pageErrors(page)).toEqual([]);
  });
});
