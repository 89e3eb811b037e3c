/**
 * The keyboard way through the designer (issue 10, item 7), in a real Chromium: connect
 * steps with the inspector's "next step" picker, see which step has focus, use the
 * New/samples dialog (focus taken and trapped, Escape closes) and the Export menu (Escape
 * and a click outside close it; nothing but menu items inside it). On the canvas, Tab
 * reaches every step before any connection, then each connection once.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";
import { edgeIds, openSample, stepIds } from "./flowPage";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function blankFlow(page: Page): Promise<void> {
  await page.getByTestId("toolbar-start").click();
  await page.getByTestId("start-new").click();
  await expect.poll(() => stepIds(page)).toEqual([]);
}

async function addStep(page: Page, kind: string): Promise<string> {
  const before = new Set(await stepIds(page));
  // Nothing selected: the new step is not connected from the one added before it.
  await page.keyboard.press("Escape");
  await page.getByTestId(`palette-${kind}`).click();
  await expect.poll(async () => (await stepIds(page)).length).toBe(before.size + 1);
  return (await stepIds(page)).find((id) => !before.has(id)) as string;
}

async function activeInside(page: Page, testId: string): Promise<boolean> {
  return page.evaluate((id) => !!document.activeElement?.closest(`[data-testid="${id}"]`), testId);
}

describe("keyboard and focus", () => {
  it("connects steps with the next-step picker, by keyboard alone", async () => {
    const { context, page } = await openApp(browser);
    await page.getByTestId("canvas").waitFor();
    await blankFlow(page);
    const channel = await addStep(page, "channel");
    const work = await addStep(page, "work");
    const end = await addStep(page, "end");
    await page.getByTestId(`node-${channel}`).click();
    const picker = page.getByTestId("inspector-next-out");
    await picker.focus();
    await page.keyboard.press("ArrowDown"); // first choice after "not connected"
    await expect.poll(() => edgeIds(page)).toHaveLength(1);
    await picker.selectOption(work);
    await expect.poll(() => edgeIds(page)).toHaveLength(1);
    // The work step has one picker per outcome; its default outcome leads to the end.
    await page.getByTestId(`node-${work}`).click();
    const outcomes = page.locator('[data-testid^="inspector-next-"]');
    expect(await outcomes.count()).toBeGreaterThan(0);
    await outcomes.first().selectOption(end);
    await expect.poll(() => edgeIds(page)).toHaveLength(2);
    const edges = await page
      .locator(".react-flow__edge")
      .evaluateAll((els) => els.map((el) => el.getAttribute("aria-label") ?? el.getAttribute("data-id")));
    expect(edges).toHaveLength(2);
    await snap(page, "editor-next-step-picker");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("a step focused with the keyboard shows a focus ring", async () => {
    const { context, page } = await openApp(browser);
    await page.locator(".react-flow__node .step").first().waitFor();
    await page.getByTestId("toolbar-fit").focus();
    let onNode = false;
    for (let i = 0; i < 80 && !onNode; i++) {
      await page.keyboard.press("Tab");
      onNode = await page.evaluate(
        () => !!document.activeElement?.matches(".react-flow__node:not(.react-flow__node-lane)"),
      );
    }
    expect(onNode).toBe(true);
    const ring = await page.evaluate(() => {
      const step = document.activeElement?.querySelector(".step") as HTMLElement;
      const style = getComputedStyle(step);
      return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
    });
    expect(ring.style).not.toBe("none");
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await snap(page, "editor-node-focus-ring");

    // Tab on: the rest of the steps, then every connection once, then out of the canvas.
    const where = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        if (el?.closest(".react-flow__nodes")) return "step";
        return el?.matches(".react-flow__edge") ? `edge:${el.getAttribute("data-id")}` : "out";
      });
    const order: string[] = ["step"];
    for (let i = 0; i < 200 && order.at(-1) !== "out"; i++) {
      await page.keyboard.press("Tab");
      order.push(await where());
    }
    const firstEdge = order.findIndex((w) => w.startsWith("edge:"));
    expect(firstEdge).toBeGreaterThan(0);
    expect(order.lastIndexOf("step")).toBeLessThan(firstEdge);
    expect(order.at(-1)).toBe("out");
    const reached = order.filter((w) => w.startsWith("edge:")).map((w) => w.slice(5));
    expect(new Set(reached).size).toBe(reached.length);
    expect(reached.sort()).toEqual((await edgeIds(page)).sort());
    // Shift+Tab goes back the same way: to the last connection, and from the first to a step.
    await page.keyboard.press("Shift+Tab");
    expect(await where()).toMatch(/^edge:/);
    for (let i = 1; i < reached.length; i++) await page.keyboard.press("Shift+Tab");
    expect(await where()).toMatch(/^edge:/);
    await page.keyboard.press("Shift+Tab");
    expect(await where()).toBe("step");
    await context.close();
  });

  it("the New/samples dialog takes focus, keeps Tab inside, and Escape closes it", async () => {
    const { context, page } = await openApp(browser);
    await page.locator(".react-flow__node .step").first().waitFor();
    await page.getByTestId("toolbar-start").click();
    await page.getByTestId("start-screen").waitFor();
    expect(await activeInside(page, "start-screen")).toBe(true);
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press(i % 5 === 4 ? "Shift+Tab" : "Tab");
      expect(await activeInside(page, "start-screen"), `after ${i + 1} presses`).toBe(true);
    }
    await page.keyboard.press("Escape");
    await page.getByTestId("start-screen").waitFor({ state: "detached" });
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe(
      "toolbar-start",
    );
    await context.close();
  });

  it("the Export menu closes on Escape and on a click outside, and holds only menu items", async () => {
    const { context, page } = await openApp(browser);
    await page.locator(".react-flow__node .step").first().waitFor();
    const menu = page.locator('[role="menu"]');
    await page.getByTestId("export-menu").click();
    await menu.waitFor();
    expect(await activeInside(page, "export-popup")).toBe(true);
    expect(await menu.locator("input, textarea, select, label").count()).toBe(0);
    await page.keyboard.press("Escape");
    await menu.waitFor({ state: "detached" });
    await page.getByTestId("export-menu").click();
    await menu.waitFor();
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await menu.waitFor({ state: "detached" });
    // Arrow keys move between the items; the share link shows outside the menu.
    await page.getByTestId("export-menu").click();
    await menu.waitFor();
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toMatch(/^menuitem/);
    await page.getByTestId("export-share").click();
    await page.getByTestId("share-link").waitFor();
    expect(await menu.count()).toBe(0);
    await openSample(page, "password-reset.json");
    await context.close();
  });
});
