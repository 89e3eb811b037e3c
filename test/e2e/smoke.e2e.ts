import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the app", () => {
  it("loads without errors", async () => {
    const { context, page } = await openApp(browser);
    await expect(page.locator("h1").first().textContent()).resolves.toContain("Flowcast");
    await snap(page, "smoke");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
