/**
 * Figures per interval in the app: a flow planned in 30-minute intervals (a morning ramp
 * inside the hour, closed at night and on Sunday) runs, and its results show a heat map of
 * the week, day by interval, for the chosen step and measure. Screenshot `intervals-heatmap`.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";

const RUN_TIMEOUT_MS = 60_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("figures per interval", () => {
  it("draws a day x interval heat map of service level, and finds the staffing per interval", async () => {
    const { context, page } = await openApp(browser);
    await openFlow(page, rampFlow());
    await page.getByTestId("run-settings-button").click();
    await page.getByTestId("run-replications").fill("2");
    await page.getByTestId("run-settings-button").click();
    await page.getByTestId("dock-tab-results").click();
    await page.getByTestId("run-button").click();
    const map = page.getByTestId("interval-heatmap");
    await map.waitFor({ timeout: RUN_TIMEOUT_MS });
    await map.scrollIntoViewIfNeeded();
    // 7 days x 48 intervals; Monday 09:00-09:30 is measured, Sunday is closed
    expect(await map.locator(".interval-cell").count()).toBe(336);
    await expect(page.getByTestId("interval-cell-18").getAttribute("title")).resolves.toMatch(
      /^Mon 09:00-09:30: \d+%$/,
    );
    await expect(page.getByTestId("interval-cell-308").getAttribute("title")).resolves.toBe(
      "Sun 10:00-10:30: nothing measured",
    );
    await snap(page, "intervals-heatmap");
    await page.getByTestId("interval-measure").selectOption("asa");
    await expect(page.getByTestId("interval-cell-18").getAttribute("title")).resolves.toMatch(
      /^Mon 09:00-09:30: [\d.]+ s$/,
    );

    // Find staffing per interval: the requirement of the week, day by interval, and why.
    await page.getByTestId("find-staffing").click();
    const dialog = page.getByTestId("staffing-dialog");
    await dialog.waitFor();
    await dialog.getByTestId("target-add").click();
    await dialog.getByTestId("staffing-replications").fill("2");
    await dialog.getByTestId("staffing-horizon").fill("9");
    await dialog.getByTestId("staffing-per-interval").check();
    await dialog.getByTestId("staffing-start").click();
    const grid = dialog.getByTestId("staffing-requirement-a");
    await grid.waitFor({ timeout: RUN_TIMEOUT_MS });
    await expect(grid.locator(".staffing-requirement-cell").nth(18).getAttribute("title")).resolves.toMatch(
      /^Mon 09:00-09:30: \d+ agents?$/,
    );
    await expect(dialog.getByTestId("staffing-why-a").textContent()).resolves.toMatch(
      /^Front line: held by Answer: answered within 20 s at least 80% in every 30-minute interval/,
    );
    await grid.scrollIntoViewIfNeeded();
    await snap(page, "intervals-staffing");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

// helpers

function rampFlow() {
  const profile = new Array<number>(336).fill(0);
  for (let d = 0; d < 6; d++) for (let k = 16; k < 36; k++) profile[d * 48 + k] = k === 16 ? 1 : k < 24 ? 3 : 2;
  return {
    format: "flowcast/v1",
    name: "Ramp by interval",
    clock: { horizon: "9d", warmup: "2d", intervalMinutes: 30 },
    teams: [{ id: "a", name: "Front line", agents: 3, costPerHour: 30 }],
    nodes: [
      { id: "in", kind: "channel", label: "Phone", arrivals: { perHour: 10, profile } },
      {
        id: "q",
        kind: "work",
        label: "Answer",
        team: "a",
        handleTime: { dist: "exponential", mean: 300 },
        queue: { slaSeconds: 20 },
        outcomes: { resolved: 1 },
      },
      { id: "done", kind: "end" },
    ],
    edges: [
      { id: "e1", from: "in", to: "q" },
      { id: "e2", from: "q", port: "resolved", to: "done" },
    ],
  };
}

async function openFlow(page: Page, flow: { name: string }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByTestId("toolbar-open").click()]);
  await chooser.setFiles({
    name: "flow.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(flow)),
  });
  await page.getByText(flow.name).first().waitFor();
}
