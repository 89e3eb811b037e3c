/**
 * The workspace at 1280 x 800 (issue 22): a steady one-row header with a problems badge, a
 * run-settings popover that closes on Escape and outside presses, zoom keys (+, -, 0), arrows
 * that move the selected step in one undo step, and connecting two steps with a few keys
 * (focus a port, Enter, type, Enter).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";
import { openSample, waitUntilStill } from "./flowPage";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Flow = { nodes: { id: string }[]; edges: { from: string; to: string; port?: string }[] };

async function flowOf(page: Page): Promise<Flow & { layout: Record<string, { x: number; y: number }> }> {
  return page.evaluate(() =>
    (window as unknown as { __flowcastCanvas: { model: () => never } }).__flowcastCanvas.model(),
  );
}

async function zoomOf(page: Page): Promise<number> {
  const style = (await page.locator(".react-flow__viewport").getAttribute("style")) ?? "";
  return Number(/scale\(([\d.]+)\)/.exec(style)?.[1]);
}

describe("the workspace at 1280 x 800", () => {
  it("keeps the header one row, closes popovers, zooms, moves and connects from the keyboard", async () => {
    const { context, page } = await openApp(browser, "/", { width: 1280, height: 800 });
    await page.getByTestId("canvas").waitFor();
    await openSample(page, "password-reset.json");
    await waitUntilStill(page);
    const header = async () => (await page.getByTestId("toolbar").boundingBox())?.height;
    expect(await header()).toBe(48);

    // An unconnected step makes the flow invalid: the header keeps its height, the badge counts.
    await page.keyboard.press("Escape");
    await page.getByTestId("palette-delay").click();
    await page.getByTestId("node-delay").waitFor();
    await expect.poll(() => page.getByTestId("problems-badge").textContent()).toMatch(/⚠ \d+/);
    expect(await header()).toBe(48);
    const exportBox = await page.getByTestId("export-menu").boundingBox();
    expect((exportBox?.x ?? 9999) + (exportBox?.width ?? 0)).toBeLessThanOrEqual(1280);
    await page.getByTestId("problems-badge").click();
    await page.locator('[data-testid="diagnostic"][data-node="delay"]').first().waitFor();
    await snap(page, "workspace-invalid-1280");

    // The run-settings popover closes on Escape and on a press outside it.
    await page.getByTestId("run-settings-button").click();
    await page.getByTestId("run-settings").waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("run-settings").count()).toBe(0);
    await page.getByTestId("run-settings-button").click();
    await page.getByTestId("run-settings").waitFor();
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await expect.poll(() => page.getByTestId("run-settings").count()).toBe(0);

    // +, - and 0 zoom and fit.
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    const fitted = await zoomOf(page);
    await page.keyboard.press("+");
    await expect.poll(() => zoomOf(page)).toBeGreaterThan(fitted);
    await page.keyboard.press("-");
    await page.keyboard.press("-");
    await expect.poll(() => zoomOf(page)).toBeLessThan(fitted);
    await page.keyboard.press("0");
    await expect.poll(() => zoomOf(page)).toBeCloseTo(fitted, 2);
    await waitUntilStill(page);

    // Arrows move the selected step; one undo puts it back.
    await page.getByTestId("node-delay").click({ position: { x: 30, y: 10 } });
    const before = (await flowOf(page)).layout.delay;
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    await expect.poll(async () => (await flowOf(page)).layout.delay?.x).toBeGreaterThan((before?.x ?? 0) + 10);
    await page.keyboard.press("Control+z");
    await expect.poll(async () => (await flowOf(page)).layout.delay).toEqual(before);

    // Connect the new step with the keyboard: its port, Enter, a few letters, Enter.
    const port = page.locator('[data-testid="node-delay"] [data-handleid="out"]');
    await port.focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("connect-picker").waitFor();
    await page.keyboard.type("Auto-closed");
    await snap(page, "workspace-connect-picker");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("connect-picker").count()).toBe(0);
    const edges = (await flowOf(page)).edges.filter((e) => e.from === "delay");
    expect(edges.map((e) => e.to)).toEqual(["auto-closed"]);
    // Focus goes back to the port it was opened from.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-handleid"))).toBe("out");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
