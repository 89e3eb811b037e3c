/**
 * Files in a real Chromium: the app opens on a sample, saves a .json, keeps the flow across a
 * reload (IndexedDB autosave), and refuses a broken file with a clear message while keeping
 * the current flow; a flow file dropped on the canvas opens.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";
import { openSample, sampleFile, stepIds } from "./flowPage";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("toolbar-open").click();
  await (await chooser).setFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
}

describe("files", () => {
  it("opens on a sample the first time", async () => {
    const { context, page } = await openApp(browser);
    await page.locator(".react-flow__node .step").first().waitFor();
    expect((await stepIds(page)).length).toBeGreaterThan(3);
    await snap(page, "app-first-open");
    await page.getByTestId("toolbar-start").click();
    await page.getByTestId("start-screen").waitFor();
    await expect(page.getByTestId("start-screen").textContent()).resolves.toContain(
      sampleFile("password-reset.json").name,
    );
    await snap(page, "start-screen");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("saves the flow as .json, and a reload keeps every edit", async () => {
    const { context, page } = await openApp(browser);
    await page.getByTestId("canvas").waitFor();
    await openSample(page, "password-reset.json");
    await page.getByTestId("palette-work").click();
    await page.getByTestId("node-work").waitFor();
    const download = page.waitForEvent("download");
    await page.keyboard.press("Control+s");
    const file = await download;
    expect(file.suggestedFilename()).toBe("password-reset.json");
    const saved = JSON.parse(readFileSync((await file.path()) as string, "utf8"));
    expect(saved.format).toBe("flowcast/v1");
    expect(saved.nodes.map((n: { id: string }) => n.id)).toContain("work");
    // An edit after saving, then a reload: autosave brings back both.
    await page.getByTestId("palette-end").click();
    await page.getByTestId("node-end").waitFor();
    const before = (await stepIds(page)).sort();
    await page.waitForTimeout(1200);
    await page.reload();
    await page.getByTestId("node-end").waitFor();
    expect((await stepIds(page)).sort()).toEqual(before);
    await expect(page.getByTestId("flow-name").textContent()).resolves.toContain("Password reset");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("refuses a broken file, says what is wrong and keeps the current flow", async () => {
    const { context, page } = await openApp(browser);
    await page.getByTestId("canvas").waitFor();
    await openSample(page, "three-tier-desk.json");
    const before = (await stepIds(page)).sort();
    const broken = { format: "flowcast/v1", name: "Broken", nodes: [{ id: "x", kind: "work", label: "Broken step" }] };
    await chooseFile(page, "broken.json", JSON.stringify(broken));
    const message = page.getByTestId("toast-error");
    await message.waitFor();
    const text = (await message.textContent()) ?? "";
    expect(text).toContain("Could not open broken.json");
    expect(text).toMatch(/nodes\[0\]/);
    expect((await stepIds(page)).sort()).toEqual(before);
    await snap(page, "open-broken-file");
    await chooseFile(page, "not-json.json", "{ this is not json");
    await expect.poll(() => page.getByTestId("toast-error").count()).toBe(2);
    await expect(page.getByTestId("toast-error").nth(1).textContent()).resolves.toMatch(/line|JSON/i);
    expect((await stepIds(page)).sort()).toEqual(before);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("opens a flow file dropped on the canvas", async () => {
    const { context, page } = await openApp(browser);
    await page.getByTestId("canvas").waitFor();
    await openSample(page, "three-tier-desk.json");
    const text = readFileSync(join(process.cwd(), "samples", "password-reset.json"), "utf8");
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], "dropped.json", { type: "application/json" }));
      document
        .querySelector(".canvas")
        ?.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, text);
    await page.getByTestId("node-l1-reset").waitFor();
    expect((await stepIds(page)).sort()).toEqual(
      sampleFile("password-reset.json")
        .nodes.map((n) => n.id)
        .sort(),
    );
    await context.close();
  });

  it("keeps the current flow and says why when a share link is broken", async () => {
    const { context, page } = await openApp(browser);
    await page.locator(".react-flow__node .step").first().waitFor();
    const before = (await stepIds(page)).sort();
    await page.goto(`${page.url().split("#")[0]}#share=not-a-real-link`);
    await page.reload();
    const message = page.getByTestId("toast-error");
    await message.waitFor();
    await expect(message.textContent()).resolves.toContain("This share link could not be opened");
    expect((await stepIds(page)).sort()).toEqual(before);
    expect(await page.getByTestId("readonly-banner").count()).toBe(0);
    await context.close();
  });
});
