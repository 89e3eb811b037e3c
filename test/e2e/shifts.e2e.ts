/**
 * The Shifts step of Find staffing as a workforce planner uses it, on the small email team:
 * per-interval targets, shift rules (a mistake named by its field, then fixed), the plan
 * solved by HiGHS in a Web Worker of the built app (its progress shown, Cancel stopping it), its coverage chart, cost, shifts and
 * roster with days off, the roster CSV downloaded, and the plan added as a scenario in one
 * undoable step. Screenshots at 1280x800 in test-results/screenshots/.
 */
import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";
import { openSample } from "./flowPage";

const PLAN_TIMEOUT_MS = 180_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("shift plans in the app", () => {
  it("plans shifts and a roster, downloads the roster and adds the plan as one undoable scenario", async () => {
    const { context, page } = await openApp(browser, "/", { width: 1280, height: 800 });
    await openSample(page, "email-small-team.json");
    await page.getByTestId("find-staffing").click();
    const dialog = page.getByTestId("staffing-dialog");
    await dialog.getByTestId("target-add").click();
    await dialog.getByTestId("staffing-replications").fill("2");
    await dialog.getByTestId("staffing-horizon").fill("8");

    // The Shifts step: the rules form opens with defaults; a mistake is named by its field.
    await dialog.getByTestId("staffing-shifts").check();
    await expect(dialog.getByTestId("staffing-per-interval").isChecked()).resolves.toBe(true);
    await expect(dialog.getByTestId("shift-lengths").inputValue()).resolves.toBe("8h");
    await dialog.getByTestId("shift-lengths").fill("8 hours");
    await expect(dialog.getByTestId("shift-rules-error").textContent()).resolves.toContain(
      'Shift lengths: "hours" is not a duration',
    );
    await expect(dialog.getByTestId("staffing-start").isDisabled()).resolves.toBe(true);
    await dialog.getByTestId("shift-lengths").fill("8h, 6h");
    await expect(dialog.getByTestId("shift-rules-error").count()).resolves.toBe(0);
    await dialog.getByTestId("shift-rules").scrollIntoViewIfNeeded();
    await snap(page, "shifts-rules");

    // The progress line names the plan being solved; Cancel ends the solver's worker at once.
    await dialog.getByTestId("staffing-start").click();
    await expect
      .poll(() => dialog.getByTestId("staffing-progress").textContent(), { timeout: PLAN_TIMEOUT_MS, interval: 100 })
      .toContain("Solving the shift plan (HiGHS, plan 1)");
    await dialog.getByTestId("staffing-cancel").click();
    await expect(dialog.getByTestId("staffing-message").textContent()).resolves.toBe("The search was cancelled.");

    await dialog.getByTestId("staffing-start").click();
    await dialog.getByTestId("staffing-progress").waitFor();
    const plan = dialog.getByTestId("shift-plan");
    await plan.waitFor({ timeout: PLAN_TIMEOUT_MS });
    await expect(dialog.getByTestId("shift-cost").textContent()).resolves.toMatch(/^[\d,]+$/);
    await expect(dialog.getByTestId("shift-team-support").textContent()).resolves.toMatch(
      /paid hours, [\d,]+ per week, \d+ people at 5 days a week/,
    );
    await expect(dialog.getByTestId("shift-check").textContent()).resolves.toMatch(/Checked by simulation/);
    await dialog.getByTestId("chart-shift-coverage-support").locator("canvas").waitFor();
    const shiftRows = await dialog.getByTestId("shift-table").locator("tbody tr").count();
    expect(shiftRows).toBeGreaterThan(0);
    await dialog.getByTestId("chart-shift-coverage-support").scrollIntoViewIfNeeded();
    await snap(page, "shifts-plan");

    // The roster: one row per person, their shift or "off" each day, at most 5 days each.
    await dialog.getByTestId("shift-roster-summary").click();
    const people = await dialog.getByTestId("shift-roster").locator("tbody tr").count();
    expect(people).toBeGreaterThan(0);
    await dialog.getByTestId("shift-roster").scrollIntoViewIfNeeded();
    await snap(page, "shifts-roster");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      dialog.getByTestId("shift-download-roster").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/roster\.csv$/);
    const csv = (await readFile(await download.path(), "utf8")).trim().split("\n");
    expect(csv[0]).toBe("team,person,mon,tue,wed,thu,fri,sat,sun,days_worked,paid_hours");
    expect(csv.length).toBe(people + 1);
    for (const row of csv.slice(1)) {
      const days = row.split(",").slice(2, 9);
      expect(days.filter((d) => d !== "off").length).toBeLessThanOrEqual(5);
    }

    // Add as scenario: one edit, one undo.
    await dialog.getByTestId("shift-add-scenario").click();
    await expect(dialog.getByTestId("shift-add-scenario").textContent()).resolves.toContain("Added as scenario");
    await dialog.getByTestId("staffing-close").click();
    await page.getByTestId("dock-tab-results").click();
    const runner = page.getByTestId("scenario-runner");
    await expect(runner.textContent()).resolves.toContain("Shift plan per 60-minute interval");
    await page.getByTestId("toolbar-undo").click();
    await expect.poll(() => runner.textContent()).not.toContain("Shift plan per 60-minute interval");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 400_000);
});
