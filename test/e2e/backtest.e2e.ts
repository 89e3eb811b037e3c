/**
 * The Backtest step of "Import history…" as a user meets it: open a desk's log, choose
 * Backtest, see the weekly volume and pick the split on it, run (in a worker, with
 * progress), and read actual against predicted as a table and three charts.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDeskLog } from "../calibrate/generateLog";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("Import history… Backtest", () => {
  it("picks the split on the weekly chart, runs off the main thread and shows actual vs predicted", async () => {
    const parts: string[] = [];
    // Four whole weeks from Monday 2026-01-05.
    generateDeskLog(
      {
        perHour: 4,
        days: 28,
        l1: { agents: 3, meanSeconds: 600, sdSeconds: 400 },
        l2: { agents: 2, meanSeconds: 1800, sdSeconds: 1500 },
        escalateShare: 0.2,
        seed: 5,
      },
      (t) => parts.push(t),
    );
    const file = join(mkdtempSync(join(tmpdir(), "flowcast-e2e-")), "desk-weeks.csv");
    writeFileSync(file, parts.join(""));

    const { context, page } = await openApp(browser);
    await page.getByTestId("canvas").waitFor();
    await page.getByTestId("toolbar-import-history").click();
    await page.getByTestId("import-history-file").setInputFiles(file);
    await page.getByTestId("import-history-peek").waitFor();
    await page.getByTestId("import-history-backtest").click();
    await page.getByTestId("chart-backtest-weeks").waitFor({ timeout: 30_000 });
    // Default split: the last of the four weeks is the test period.
    const periods = page.getByTestId("backtest-periods");
    expect(await periods.textContent()).toMatch(/Train 2026-01-05 to 2026-01-25 .* Test 2026-01-26 to 2026-02-01/);
    // Clicking the third week's bar starts the test period there.
    const canvas = page.getByTestId("chart-backtest-weeks").locator("canvas");
    const box = (await canvas.boundingBox())!;
    await canvas.click({ position: { x: box.width * 0.62, y: box.height * 0.5 } });
    await expect.poll(() => periods.textContent()).toMatch(/Train 2026-01-05 to 2026-01-18 .* Test 2026-01-19/);
    expect(await page.getByTestId("backtest-split").inputValue()).toBe("2");
    await snap(page, "backtest-split");

    await page.getByTestId("backtest-run").click();
    await page.getByTestId("backtest-progress").waitFor();
    await page.getByTestId("backtest-result").waitFor({ timeout: 60_000 });
    const table = (await page.getByTestId("backtest-table").textContent()) ?? "";
    expect(table).toContain("Tickets per week");
    expect(table).toContain("Resolution time p90");
    expect(await page.getByTestId("backtest-summary").textContent()).toMatch(/on \d+ of \d+ figures/);
    for (const chart of ["backtest-volume", "backtest-resolution", "backtest-backlog"])
      await page.getByTestId(`chart-${chart}`).locator("canvas").waitFor();
    await snap(page, "backtest-result");
    await page.getByTestId("chart-backtest-backlog").scrollIntoViewIfNeeded();
    await snap(page, "backtest-charts");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
