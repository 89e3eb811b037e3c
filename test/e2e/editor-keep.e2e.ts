/**
 * Work is never thrown away (issue 10, items 5 and 8), in a real Chromium: a blank flow, a
 * sample, Open… and "Make a copy" of a shared flow each keep the edited flow in Recent and
 * say so; an edit 0.1 s before a reload survives; a second tab on the same flow is noticed
 * and neither tab overwrites the other; results of the previous flow do not stay on screen
 * after another flow is loaded.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";
import { openSample, stepIds } from "./flowPage";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Adds an End step from the palette and returns its id. */
async function addEnd(page: Page): Promise<string> {
  const before = new Set(await stepIds(page));
  await page.getByTestId("palette-end").click();
  await expect.poll(async () => (await stepIds(page)).length).toBe(before.size + 1);
  return (await stepIds(page)).find((id) => !before.has(id)) as string;
}

async function renameFlow(page: Page, name: string): Promise<void> {
  await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
  await page.getByTestId("inspector-tab-flow").click();
  const field = page.getByTestId("inspector-flow-name");
  await field.fill(name);
  await field.press("Tab");
  await expect.poll(() => page.getByTestId("flow-name").textContent()).toContain(name);
}

async function recentNames(page: Page): Promise<string[]> {
  await page.getByTestId("toolbar-start").click();
  await page.getByTestId("start-screen").waitFor();
  await page.getByTestId("recent-flow").first().waitFor();
  const names = await page.getByTestId("recent-flow").locator("strong").allTextContents();
  await page.keyboard.press("Escape");
  await page.getByTestId("start-screen").waitFor({ state: "detached" });
  return names;
}

describe("never throw work away", () => {
  it("blank flow, a sample, Open… and Make a copy keep the edited flow in Recent", async () => {
    const { context, page } = await openApp(browser);
    await page.locator(".react-flow__node .step").first().waitFor();
    // 1. Edited default flow, replaced by a blank flow.
    await renameFlow(page, "Work one");
    const added = await addEnd(page);
    await page.getByTestId("toolbar-start").click();
    await page.getByTestId("start-new").click();
    await expect.poll(() => page.getByTestId("flow-name").textContent()).toContain("New flow");
    await expect(page.getByTestId("toast-info").filter({ hasText: "Work one" }).count()).resolves.toBe(1);
    await snap(page, "editor-keep-blank");
    // 2. Edited blank flow, replaced by a sample.
    await renameFlow(page, "Work two");
    await addEnd(page);
    await openSample(page, "password-reset.json");
    // 3. Edited sample, replaced by a file opened with Open….
    await renameFlow(page, "Work three");
    const chooser = page.waitForEvent("filechooser");
    await page.getByTestId("toolbar-open").click();
    const text = readFileSync(join(process.cwd(), "samples", "email-small-team.json"), "utf8");
    await (await chooser).setFiles({ name: "email.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await expect.poll(() => page.getByTestId("flow-name").textContent()).not.toContain("Work three");
    // 4. Edited file, replaced by a share link whose copy is then edited: both kept.
    await renameFlow(page, "Work four");
    await page.waitForTimeout(600);
    const names = await recentNames(page);
    for (const name of ["Work one", "Work two", "Work three"]) expect(names).toContain(name);
    // Reopening "Work one" brings back the step added to it.
    await page.getByTestId("toolbar-start").click();
    await page.getByTestId("recent-flow").filter({ hasText: "Work one" }).click();
    await page.getByTestId(`node-${added}`).waitFor();
    expect(await recentNames(page)).toContain("Work four");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("Make a copy of a shared flow keeps the user's own flow in Recent", async () => {
    const { context, page } = await openApp(browser);
    await page.locator(".react-flow__node .step").first().waitFor();
    await page.getByTestId("export-menu").click();
    await page.getByTestId("export-share").click();
    const link = await page.getByTestId("share-link").inputValue();
    await renameFlow(page, "My own work");
    await page.waitForTimeout(600);
    await page.goto(link);
    await page.reload();
    await page.getByTestId("readonly-banner").waitFor();
    await page.getByTestId("make-copy").click();
    await renameFlow(page, "Copy of shared");
    await page.waitForTimeout(600);
    const names = await recentNames(page);
    expect(names).toContain("My own work");
    expect(names).toContain("Copy of shared");
    await context.close();
  });

  it("an edit made 0.1 s before a reload survives it", async () => {
    const { context, page } = await openApp(browser);
    await page.locator(".react-flow__node .step").first().waitFor();
    await page.waitForTimeout(800);
    const added = await addEnd(page);
    await page.waitForTimeout(100);
    await page.reload();
    await page.getByTestId(`node-${added}`).waitFor({ timeout: 10_000 });
    // Closing the tab right after an edit keeps it too: a new tab opens on it.
    await page.waitForTimeout(800);
    const late = await addEnd(page);
    await page.waitForTimeout(100);
    const url = page.url();
    await page.close();
    const again = await context.newPage();
    await again.goto(url);
    await again.getByTestId(`node-${late}`).waitFor({ timeout: 10_000 });
    await context.close();
  });

  it("a second tab on the same flow is noticed; neither tab overwrites the other", async () => {
    const { context, page: first } = await openApp(browser);
    await first.locator(".react-flow__node .step").first().waitFor();
    await renameFlow(first, "Shared desk");
    await first.waitForTimeout(700);
    const second = await context.newPage();
    await second.goto(first.url());
    await second.getByTestId("other-tab").waitFor();
    await first.getByTestId("other-tab").waitFor();
    await expect(second.getByTestId("other-tab").textContent()).resolves.toMatch(/another tab/);
    await snap(second, "editor-second-tab");
    // Different edits in each tab, then both reload: each gets its own flow back.
    const inSecond = await addEnd(second);
    await renameFlow(second, "Shared desk (tab 2)");
    await second.waitForTimeout(700);
    await renameFlow(first, "Shared desk (tab 1)");
    await first.waitForTimeout(700);
    await second.reload();
    await second.getByTestId(`node-${inSecond}`).waitFor();
    await expect(second.getByTestId("flow-name").textContent()).resolves.toContain("tab 2");
    await first.reload();
    await expect.poll(() => first.getByTestId("flow-name").textContent()).toContain("tab 1");
    expect(await stepIds(first)).not.toContain(inSecond);
    const names = await recentNames(first);
    expect(names).toContain("Shared desk (tab 1)");
    expect(names).toContain("Shared desk (tab 2)");
    await context.close();
  });

  it("loading another flow clears the previous flow's results", async () => {
    const { context, page } = await openApp(browser);
    await page.locator(".react-flow__node .step").first().waitFor();
    await page.getByTestId("run-settings-button").click();
    await page.getByTestId("run-horizon").fill("3");
    await page.getByTestId("run-replications").fill("2");
    await page.getByTestId("run-settings-button").click();
    await page.getByTestId("run-button").click();
    await page.getByTestId("kpi-fcr").waitFor({ timeout: 60_000 });
    await openSample(page, "password-reset.json");
    await page.getByTestId("dock-tab-results").click();
    await page.getByTestId("results-empty").waitFor();
    expect(await page.getByTestId("kpi-fcr").count()).toBe(0);
    await snap(page, "editor-results-cleared");
    await context.close();
  });
});
