/**
 * Inputs that work with the user (issue 10, item 6), in a real Chromium: outcome shares take
 * "60%", "60" and "0.6" alike; a blank flow's team and a new team have the same visible cost;
 * outcome names read as words ("Follow-up", not "followUp") in the inspector and on the canvas.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";
import { openSample } from "./flowPage";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function selectStep(page: Page, id: string): Promise<void> {
  await page.getByTestId(`node-${id}`).click();
  await page.getByTestId("inspector-node").waitFor();
}

/** Types `text` into the share field of outcome `key` and leaves the field. */
async function typeShare(page: Page, key: string, text: string): Promise<void> {
  const field = page.getByTestId(`inspector-outcomes-${key}`);
  await field.fill(text);
  await field.press("Tab");
}

describe("inputs that work with the user", () => {
  it('outcome shares accept "60%", "60" and "0.6" as the same share', async () => {
    const { context, page } = await openApp(browser);
    await page.getByTestId("canvas").waitFor();
    await openSample(page, "password-reset.json");
    await selectStep(page, "l1-reset");
    const field = page.getByTestId("inspector-outcomes-linkSent");
    await expect(field.inputValue()).resolves.toBe("94%");
    for (const [typed, shown] of [
      ["60%", "60%"],
      ["70", "70%"],
      ["0.6", "60%"],
      ["12.5 %", "12.5%"],
    ]) {
      await typeShare(page, "linkSent", typed as string);
      await expect(field.inputValue(), typed).resolves.toBe(shown);
      expect(await page.locator(".insp-shares .insp-error").count(), typed).toBe(0);
    }
    // The total and the canvas follow the share typed as a percentage.
    await expect(page.getByTestId("inspector-outcomes-total").textContent()).resolves.toContain("18.5%");
    await typeShare(page, "linkSent", "150%");
    await expect(page.locator(".insp-shares .insp-error").first().textContent()).resolves.toMatch(/100%/);
    await snap(page, "editor-shares-percent");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("every share field takes a percentage: deflection, survey rates, CSAT penalties", async () => {
    const { context, page } = await openApp(browser);
    await page.getByTestId("canvas").waitFor();
    await openSample(page, "password-reset.json");
    const fill = async (testId: string, typed: string, shown: string) => {
      const field = page.getByTestId(testId);
      await field.fill(typed);
      await field.press("Tab");
      await expect(field.inputValue(), `${testId} after "${typed}"`).resolves.toBe(shown);
    };
    // self-service deflection: shown as a percentage, typed either way, held as a fraction
    await selectStep(page, "self-check");
    await expect(page.getByTestId("inspector-deflection").inputValue()).resolves.toBe("70%");
    await fill("inspector-deflection", "65%", "65%");
    await fill("inspector-deflection", "0.55", "55%");
    await fill("inspector-deflection", "120%", "120%");
    await expect(page.locator(".insp-error").first().textContent()).resolves.toMatch(/100%/);
    await fill("inspector-deflection", "60", "60%");
    // an end step's survey
    await selectStep(page, "reset-ok");
    await expect(page.getByTestId("inspector-csat-responseRate").inputValue()).resolves.toBe("8%");
    await fill("inspector-csat-base", "90%", "90%");
    // the flow's CSAT penalties
    await page.getByTestId("canvas").click({ position: { x: 5, y: 5 } });
    await page.getByTestId("inspector-tab-flow").click();
    await fill("inspector-csat-pastSla", "15%", "15%");
    // the saved flow file holds fractions
    await page.getByTestId("canvas").click({ position: { x: 5, y: 5 } }); // leave the field: shortcuts skip text inputs
    const download = page.waitForEvent("download");
    await page.keyboard.press("Control+s");
    const saved = JSON.parse(readFileSync((await (await download).path()) as string, "utf8"));
    const node = (id: string) => saved.nodes.find((n: { id: string }) => n.id === id);
    expect(node("self-check").deflection).toBe(0.6);
    expect(node("reset-ok").csat).toEqual({ responseRate: 0.08, base: 0.9 });
    expect(saved.csat.pastSla).toBe(0.15);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("a blank flow's team and a new team cost the same, shown in the teams panel", async () => {
    const { context, page } = await openApp(browser);
    await page.getByTestId("canvas").waitFor();
    await page.getByTestId("toolbar-start").click();
    await page.getByTestId("start-new").click();
    await page.getByTestId("inspector-tab-teams").click();
    // Each team's cost shows on its card, without opening it.
    const heads = page.locator('[data-testid^="inspector-team-"][aria-expanded]');
    await heads.first().waitFor();
    const costOf = async (i: number) => /(\d+(?:\.\d+)?)\/h/.exec((await heads.nth(i).textContent()) ?? "")?.[1];
    const first = await costOf(0);
    expect(Number(first)).toBeGreaterThan(0);
    await page.getByTestId("inspector-team-add").click();
    await expect.poll(() => heads.count()).toBe(2);
    expect(await costOf(1)).toBe(first);
    await expect(page.getByTestId("inspector-costPerHour").inputValue()).resolves.toBe(first);
    await context.close();
  });

  it('outcome names read as words: "Follow-up", not "followUp"', async () => {
    const { context, page } = await openApp(browser);
    await page.getByTestId("canvas").waitFor();
    await openSample(page, "omnichannel-retail.json");
    const port = page.locator('[data-testid="node-phone-work"] [data-port="followUp"] .step-port-name');
    await expect(port.textContent()).resolves.toBe("Follow-up");
    await selectStep(page, "phone-work");
    const label = page.locator(
      `label[for="${await page.getByTestId("inspector-outcomes-followUp").getAttribute("id")}"]`,
    );
    await expect(label.textContent()).resolves.toContain("Follow-up");
    await context.close();
  });
});
