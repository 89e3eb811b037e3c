/**
 * The inspector in the real app: select a step on the canvas, change its handle time by
 * typing "7m" and see it on the step, type an invalid duration and see the message with the
 * step unchanged, then edit a team's weekly schedule; turn a queue's overflow on, pick the
 * step it overflows to, change the wait and undo; give urgent tickets their own handle time
 * and undo.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";

let browser: Browser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await openApp(browser));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe("the inspector", () => {
  it("edits a step's handle time, rejects an invalid duration and edits a team schedule", async () => {
    await openSampleFlow(page);

    // Select a work step (its figures show its AHT) by clicking it on the canvas.
    const step = page.locator('.react-flow__node [data-testid^="node-"]', { hasText: "AHT" }).first();
    await step.click();
    const form = page.getByTestId("inspector-node");
    await expect.poll(() => form.getAttribute("data-kind")).toBe("work");
    const stepId = (await step.getAttribute("data-testid"))?.replace(/^node-/, "");
    expect(stepId).toBeTruthy();
    const onCanvas = page.getByTestId(`node-${stepId}`);

    // Handle time: whatever its kind, make it exponential and type the mean.
    await page.getByTestId("inspector-handleTime-dist").selectOption("exponential");
    const mean = page.getByTestId("inspector-handleTime-mean");
    await mean.fill("7m");
    await expect.poll(() => onCanvas.textContent()).toContain("AHT 7 min");
    await expect.poll(() => page.getByTestId("inspector-handleTime").textContent()).toContain("= 7 min");
    await snap(page, "inspector-work-step");

    // An invalid duration shows a message and leaves the model as it was.
    await mean.fill("7 minutes");
    const message = page.getByTestId("inspector-handleTime").getByRole("alert");
    await expect.poll(() => message.textContent()).toContain("is not a duration");
    expect(await mean.getAttribute("aria-invalid")).toBe("true");
    expect(await onCanvas.textContent()).toContain("AHT 7 min");
    await snap(page, "inspector-invalid-duration");
    await mean.fill("7m");

    // Nothing selected: the flow panels; open the teams and edit the first team's schedule.
    await page.keyboard.press("Escape");
    await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
    await page.getByTestId("inspector-tab-teams").click();
    await page.locator('[data-testid^="inspector-team-"][aria-expanded]').first().click();
    const schedule = page.getByTestId("inspector-schedule");
    const shifts = await schedule.locator('[data-testid^="inspector-shift"][data-testid$="-remove"]').count();
    await page.getByTestId("inspector-shift-add").click();
    const shift = `inspector-shift${shifts}`;
    await page.getByTestId(`${shift}-from`).fill("20:00");
    await page.getByTestId(`${shift}-to`).fill("06:00");
    await expect.poll(() => page.getByTestId(`${shift}-problem`).first().textContent()).toContain("before it starts");
    await page.getByTestId(`${shift}-sat`).click();
    expect(await page.getByTestId(`${shift}-sat`).getAttribute("aria-pressed")).toBe("true");
    await page.getByTestId(`${shift}-from`).fill("18:00");
    await page.getByTestId(`${shift}-to`).fill("22:00");
    await page.getByTestId(`${shift}-agents`).fill("3");
    expect(await page.getByTestId("inspector-staffing-grid").isVisible()).toBe(true);
    await snap(page, "inspector-team-schedule");

    // Remove the new shift again and change the team's headcount; undo restores it.
    await page.getByTestId(`${shift}-remove`).click();
    expect(await schedule.locator('[data-testid^="inspector-shift"][data-testid$="-remove"]').count()).toBe(shifts);
    const agents = page.getByTestId("inspector-agents");
    const before = await agents.inputValue();
    await agents.fill(String(Number(before) + 2));
    await agents.blur();
    await page.getByTestId("toolbar-undo").click();
    await expect.poll(() => agents.inputValue()).toBe(before);

    expect(pageErrors(page)).toEqual([]);
  });

  it("turns a queue's overflow on, picks the step, changes the wait and undoes", async () => {
    await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
    const step = page.locator('.react-flow__node [data-testid^="node-"]', { hasText: "AHT" }).first();
    await step.click();
    const form = page.getByTestId("inspector-node");
    await expect.poll(() => form.getAttribute("data-kind")).toBe("work");

    const on = page.getByTestId("inspector-overflow-on");
    expect(await on.isChecked()).toBe(false);
    await on.check();
    const after = page.getByTestId("inspector-overflow-after");
    const to = page.getByTestId("inspector-overflow-to");
    await expect.poll(() => after.inputValue()).toBe("1m");
    // The picker lists the other work steps by label, never the step itself.
    const choices = await to.locator("option").allTextContents();
    expect(choices.length).toBeGreaterThan(1);
    expect(choices).not.toContain(await page.getByTestId("inspector-label").inputValue());
    const last = choices.at(-1) as string;
    await to.selectOption({ label: last });
    await expect.poll(async () => (await to.locator("option:checked").textContent()) ?? "").toBe(last);

    // A wait that is not a duration is refused at the field; a good one is kept.
    await after.fill("soon");
    await expect.poll(() => after.getAttribute("aria-invalid")).toBe("true");
    await after.fill("2m");
    await after.blur();
    await expect.poll(() => after.inputValue()).toBe("2m");
    await snap(page, "inspector-overflow");

    // One undo per change: the wait, then the pick, then overflow itself.
    const undo = page.getByTestId("toolbar-undo");
    await undo.click();
    await expect.poll(() => after.inputValue()).toBe("1m");
    await undo.click();
    await expect.poll(async () => (await to.locator("option:checked").textContent()) ?? "").toBe(choices[0]);
    await undo.click();
    await expect.poll(() => on.isChecked()).toBe(false);
    expect(await to.count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });

  it("gives urgent tickets a handle time of their own and undoes it (issue 20)", async () => {
    await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
    await page.locator('.react-flow__node [data-testid^="node-"]', { hasText: "AHT" }).first().click();
    await expect.poll(() => page.getByTestId("inspector-node").getAttribute("data-kind")).toBe("work");
    await page.getByTestId("inspector-handleTimeByPriority-add").selectOption("urgent");
    const urgent = page.getByTestId("inspector-handleTimeByPriority-urgent");
    await urgent.waitFor();
    await page.getByTestId("inspector-handleTimeByPriority-urgent-dist").selectOption("exponential");
    const mean = page.getByTestId("inspector-handleTimeByPriority-urgent-mean");
    await mean.fill("12m");
    await expect.poll(() => urgent.textContent()).toContain("= 12 min");
    // Urgent is taken: the add select offers the other priorities only.
    const offered = await page.getByTestId("inspector-handleTimeByPriority-add").locator("option").allTextContents();
    expect(offered.slice(1)).toEqual(["high", "normal", "low"]);
    await urgent.scrollIntoViewIfNeeded();
    await snap(page, "inspector-handle-time-by-priority");
    // One undo per change: the mean, the kind, then the entry itself.
    const undo = page.getByTestId("toolbar-undo");
    for (let i = 0; i < 3; i++) await undo.click();
    await expect.poll(() => urgent.count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });
});

// helpers

/** Opens a sample flow: from the start screen when the app shows one, else the flow it opened on. */
async function openSampleFlow(page: Page): Promise<void> {
  const node = page.locator('.react-flow__node [data-testid^="node-"]').first();
  const sample = page.locator('[data-testid^="sample-"]').first();
  await Promise.race([node.waitFor({ timeout: 30_000 }), sample.waitFor({ timeout: 30_000 })]);
  if (!(await node.isVisible())) await sample.click();
  await node.waitFor({ timeout: 30_000 });
}
