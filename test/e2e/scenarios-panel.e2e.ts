/**
 * The Scenarios panel in the real app: an `add` entry ("+2 agents") is shown and edited like
 * `set` and `scale`, and a typed path that is not a field of the flow (a prototype key
 * included) shows the model's reason and changes nothing; the card's id, name and description
 * fields commit (a taken id refused). Screenshot in
 * test-results/screenshots/inspector-scenarios-add.png.
 */
import type { Browser } from "playwright-core";
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

describe("the scenarios panel", () => {
  it("adds and edits an add entry, and refuses a path that is not a field of the flow", async () => {
    const { context, page } = await openApp(browser);
    await openSample(page, "three-tier-desk.json");
    await page.keyboard.press("Escape");
    await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
    await page.getByTestId("inspector-tab-scenarios").click();

    // Scenario 0 ("+2 L1 agents") sets teams.l1.agents; add an `add` entry to it.
    const card = page.getByTestId("inspector-scenario-plus2-l1");
    await page.getByTestId("inspector-scenario0-add-add").click();
    const row = card.locator('[data-field="add"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator(".insp-chip").textContent()).toBe("+");
    const rowId = (await row.getAttribute("data-testid"))?.replace(/^inspector-/, "") ?? "";
    const path = page.getByTestId(`inspector-${rowId}-path`);
    const amount = page.getByTestId(`inspector-${rowId}-value`);
    expect(await path.inputValue()).toBe("teams.l1.agents");

    // Make it +3 L2 agents.
    await path.fill("teams.l2.agents");
    await path.blur();
    await amount.fill("3");
    await amount.blur();
    await expect.poll(() => path.inputValue()).toBe("teams.l2.agents");
    await expect.poll(() => amount.inputValue()).toBe("3");

    // A prototype path: the model's reason, marked invalid, and the entry keeps its old path.
    await path.fill("clock.__proto__.polluted");
    await expect.poll(() => card.getByRole("alert").first().textContent()).toContain('"__proto__" is not a field');
    expect(await path.getAttribute("aria-invalid")).toBe("true");
    await snap(page, "inspector-scenarios-add");
    await path.blur();
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty("polluted");
    expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBeUndefined();

    // Undo the amount and the path: the entry is back to the default, then gone.
    await page.getByTestId("toolbar-undo").click();
    await expect.poll(() => amount.inputValue()).toBe("1");

    // The card's text fields: an id already taken is refused; the name and description commit,
    // and an emptied description stays empty.
    const id = page.getByTestId("inspector-scenario0-id");
    await id.fill("structured");
    await expect.poll(() => card.getByRole("alert").first().textContent()).toBe('Id "structured" is already used');
    await id.fill("plus2-l1");
    await id.blur();
    const name = page.getByTestId("inspector-scenario0-name");
    const description = page.getByTestId("inspector-scenario0-description");
    await name.fill("Two more L1 agents");
    await name.blur();
    await description.fill("Morning peak only");
    await description.blur();
    await expect.poll(() => name.inputValue()).toBe("Two more L1 agents");
    await expect.poll(() => description.inputValue()).toBe("Morning peak only");
    await description.fill("");
    await description.blur();
    await expect.poll(() => description.inputValue()).toBe("");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
