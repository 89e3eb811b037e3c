/**
 * Fields that take what people type and targets in words (issue 22), on one page of the
 * three-tier sample: an outcome named with spaces, a removed outcome's share spread over the
 * rest (and back with undo), "New team…" asking for name, tier and agents, a tier typed "L2",
 * and the staffing dialog's targets read as sentences, keeping what was typed on Escape,
 * resetting the bound when the KPI changes and setting the step's answer time.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";
import { openSample } from "./flowPage";

let browser: Browser;
let page: Page;
let close: () => Promise<void>;
beforeAll(async () => {
  browser = await launchBrowser();
  const app = await openApp(browser);
  page = app.page;
  close = () => app.context.close();
  await page.getByTestId("canvas").waitFor();
  await openSample(page, "three-tier-desk.json");
});
afterAll(async () => {
  await close?.();
  await browser?.close();
});

const value = (testId: string) => page.getByTestId(testId).inputValue();

describe("fields that take what people type (issue 22)", () => {
  it("names an outcome with spaces, spreads a removed share, and asks before making a team", async () => {
    await page.getByTestId("node-l1-phone").click();
    await page.getByTestId("inspector-node").waitFor();
    const name = page.getByTestId("inspector-outcomes-escalate-name");
    await expect(name.inputValue()).resolves.toBe("Escalate");
    await name.fill("Tier 2 review");
    await name.press("Enter");
    // The port keeps an id derived from the words; the name reads back as typed.
    await page.getByTestId("inspector-outcomes-tier-2-review-name").waitFor();
    await expect(value("inspector-outcomes-tier-2-review-name")).resolves.toBe("Tier 2 review");
    await page.locator('[data-testid="node-l1-phone"] [data-port="tier-2-review"]').waitFor();

    // Removing an outcome spreads its 12% over the rest: still 100%, no Normalise needed.
    await page.getByTestId("inspector-outcomes-followUp-remove").click();
    await expect.poll(() => page.getByTestId("inspector-outcomes-total").textContent()).toContain("Total 100%");
    expect(await page.getByTestId("inspector-outcomes-normalise").count()).toBe(0);
    await page.locator(".insp-title").click();
    await page.keyboard.press("Control+z");
    await expect.poll(() => value("inspector-outcomes-followUp")).toBe("12%");
    await expect.poll(() => value("inspector-outcomes-resolved")).toBe("76%");

    // "New team…" asks for the name, tier and agents; nothing is made until Create.
    const teams = await page.getByTestId("inspector-team").locator("option").count();
    await page.getByTestId("inspector-team").selectOption({ label: "New team…" });
    await page.getByTestId("inspector-newteam").waitFor();
    await page.getByTestId("inspector-newteam-name").fill("Billing L2");
    await page.getByTestId("inspector-newteam-tier").fill("L2");
    await page.getByTestId("inspector-newteam-agents").fill("3");
    await snap(page, "fields-new-team");
    await page.getByTestId("inspector-newteam-create").click();
    await expect.poll(() => value("inspector-team")).toBe("billing-l2");
    expect(await page.getByTestId("inspector-team").locator("option").count()).toBe(teams + 1);
    await expect(
      page.locator("#inspector-team option:checked, [data-testid=inspector-team] option:checked").first().textContent(),
    ).resolves.toBe("Billing L2 (L2)");

    // A tier is typed as "L3" or 3 and shown as L3.
    await page.keyboard.press("Escape");
    await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
    await page.getByTestId("inspector-tab-teams").click();
    await page.getByTestId("inspector-team-billing-l2").click();
    const tier = page.getByTestId("inspector-tier");
    await expect(tier.inputValue()).resolves.toBe("L2");
    await tier.fill("3");
    await tier.press("Tab");
    await expect.poll(() => tier.inputValue()).toBe("L3");
    await tier.fill("L0");
    await expect.poll(() => page.locator(".insp-error").first().textContent()).toContain("Tier must be at least L1");
    await tier.fill("L2");
    await tier.press("Tab");
    expect(pageErrors(page)).toEqual([]);
  });

  it("reads targets as sentences, keeps what was typed and sets the step's answer time", async () => {
    await page.getByTestId("find-staffing").click();
    const dialog = page.getByTestId("staffing-dialog");
    await dialog.waitFor();
    await dialog.getByTestId("target-add").click();
    const words = dialog.getByTestId("target-0-words");
    await expect(words.textContent()).resolves.toMatch(/^80% answered within 20 s at /);
    // KPIs are words, never ids.
    const kpiTexts = await dialog.getByTestId("target-0-kpi").locator("option").allTextContents();
    expect(kpiTexts.filter((t) => /[a-z][A-Z]/.test(t))).toEqual([]);

    // A new KPI gets a bound of its own; going back does not turn 50 into 5000%.
    await dialog.getByTestId("target-0-kpi").selectOption("waitMean");
    await expect.poll(() => dialog.getByTestId("target-0-value").inputValue()).toBe("20s");
    await dialog.getByTestId("target-0-scope").selectOption("flow");
    await dialog.getByTestId("target-0-kpi").selectOption("backlogPastSla");
    await expect.poll(() => words.textContent()).toBe("backlog past SLA at most 50");
    await dialog.getByTestId("target-0-scope").selectOption("node:l1-phone");
    await dialog.getByTestId("target-0-kpi").selectOption("serviceLevel");
    await expect.poll(() => dialog.getByTestId("target-0-value").inputValue()).toBe("80%");

    // "85" typed then Escape: kept as 85%, and the dialog stays open.
    const input = dialog.getByTestId("target-0-value");
    await input.fill("85");
    await input.press("Escape");
    await expect.poll(() => words.textContent()).toMatch(/^85% answered within 20 s/);
    expect(await dialog.isVisible()).toBe(true);
    // Text that does not read stays with its message.
    await input.fill("lots");
    await input.press("Escape");
    await expect(input.inputValue()).resolves.toBe("lots");
    await expect(dialog.locator(".insp-error").first().textContent()).resolves.toContain("80%, 80 or 0.8");
    await input.fill("85%");
    await input.press("Enter");

    // The answer time is the step's SLA, set from the target.
    const sla = dialog.getByTestId("inspector-target-0-sla");
    await sla.fill("30s");
    await sla.press("Tab");
    await expect.poll(() => words.textContent()).toMatch(/^85% answered within 30 s/);
    await snap(page, "fields-targets");
    await dialog.getByTestId("staffing-close").click();
    await page.getByTestId("node-l1-phone").click();
    await expect.poll(() => value("inspector-slaSeconds")).toBe("30s");
    expect(pageErrors(page)).toEqual([]);
  });
});
