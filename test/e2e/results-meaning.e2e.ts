/**
 * Numbers a manager can take at face value (issue 9), in the browser: a flow whose front
 * line is offered more work than it can do gets a warnings banner above the dashboard
 * naming the team; a flow with no service-level target shows "—" for service level and
 * says why (and "—" for abandonment when no queue has a patience), with no banner when nothing is wrong; every KPI card says on hover what it
 * counts; interval figures meet WCAG AA contrast. Screenshots go to
 * test-results/screenshots/results-meaning-*.png.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";

/** Short runs on 2 shared cores take seconds; an overloaded flow drains its backlog too. */
const RUN_TIMEOUT_MS = 90_000;

/** 60 calls an hour of 6 minutes: 6 agents' worth of work for 4 agents (150% offered load). */
const OVERLOADED = {
  format: "flowcast/v1",
  name: "Overloaded desk",
  clock: { horizon: "2d", warmup: "4h" },
  teams: [{ id: "l1", name: "L1 front line", agents: 4, costPerHour: 30 }],
  nodes: [
    { id: "phone", kind: "channel", label: "Phone", arrivals: { perHour: 60 } },
    {
      id: "l1-phone",
      kind: "work",
      label: "L1 answers",
      team: "l1",
      handleTime: "6m",
      queue: { slaSeconds: 60 },
      outcomes: { resolved: 1 },
    },
    { id: "done", kind: "end" },
  ],
  edges: [
    { id: "e1", from: "phone", to: "l1-phone" },
    { id: "e2", from: "l1-phone", port: "resolved", to: "done" },
  ],
};

/** The same desk at half the volume (75% load) and no queue with an SLA target. */
const NO_SLA = {
  ...OVERLOADED,
  name: "Calm desk without SLA",
  nodes: [
    { id: "phone", kind: "channel", label: "Phone", arrivals: { perHour: 30 } },
    { id: "l1-phone", kind: "work", label: "L1 answers", team: "l1", handleTime: "6m", outcomes: { resolved: 1 } },
    { id: "done", kind: "end" },
  ],
};

/** The calm desk with a scenario that gives its queue a patience: only the scenario can lose callers. */
const PATIENCE_SCENARIO = {
  ...NO_SLA,
  name: "Calm desk, patience as a scenario",
  scenarios: [
    { id: "patient", name: "Callers hang up after 3 minutes", set: { "nodes.l1-phone.queue.patience": "3m" } },
  ],
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("results a manager can take at face value", () => {
  it("warns above the dashboard, naming the team, when a flow is overloaded", async () => {
    const { context, page } = await openApp(browser);
    await openFlow(page, OVERLOADED);
    await run(page);
    const banner = page.getByTestId("results-warnings");
    await banner.waitFor();
    const text = (await banner.textContent()) ?? "";
    expect(text).toContain("L1 front line");
    expect(text).toMatch(/capacity|grow/i);
    // Above the KPI cards, where it is read first.
    const bannerBox = await banner.boundingBox();
    const cardsBox = await page.getByTestId("kpi-cards").boundingBox();
    expect(bannerBox && cardsBox && bannerBox.y < cardsBox.y).toBe(true);
    await expect(page.getByTestId("kpi-serviceLevel-value").textContent()).resolves.toMatch(/%/);
    await expectReadableIntervals(page);
    await page.getByTestId("results-expand").click();
    await snap(page, "results-meaning-overloaded");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows "—" for service level and abandonment when no queue models them, says why, and raises no warning', async () => {
    const { context, page } = await openApp(browser);
    await openFlow(page, NO_SLA);
    await run(page);
    const card = page.getByTestId("kpi-serviceLevel");
    await expect(page.getByTestId("kpi-serviceLevel-value").textContent()).resolves.toBe("—");
    await expect(card.textContent()).resolves.toContain("No queue has a service-level target");
    await expect(card.getAttribute("title")).resolves.toContain("No queue has a service-level target");
    // No queue has a patience either: abandonment is not modelled, which is not 0%.
    const abandon = page.getByTestId("kpi-abandonRate");
    await expect(page.getByTestId("kpi-abandonRate-value").textContent()).resolves.toBe("—");
    await expect(abandon.textContent()).resolves.toContain("No queue has a patience, so no caller hangs up");
    await expect(abandon.getAttribute("title")).resolves.toContain("Set a patience on a work step's queue");
    expect(await page.getByTestId("results-warnings").count()).toBe(0);
    // Nor an empty service-level chart.
    expect(await page.getByTestId("chart-service-level").count()).toBe(0);
    // Every card says what it counts; FCR in the exact words of its definition.
    const fcrTitle = await page.getByTestId("kpi-fcr").getAttribute("title");
    expect(fcrTitle).toContain("resolved at the first contact, with no escalation, reopen or repeat contact");
    for (const title of await page
      .locator('[data-testid^="kpi-"][title]')
      .evaluateAll((els) => els.map((el) => el.getAttribute("title") ?? ""))) {
      expect(title).toMatch(/: .{30,}/);
    }
    await page.getByTestId("results-expand").click();
    await snap(page, "results-meaning-no-sla");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("marks abandonment not comparable when only a scenario has a patience, and still compares the rest", async () => {
    const { context, page } = await openApp(browser);
    await openFlow(page, PATIENCE_SCENARIO);
    await page.getByTestId("run-settings-button").click();
    await page.getByTestId("run-replications").fill("3");
    await page.getByTestId("run-settings-button").click();
    await page.getByTestId("dock-tab-results").click();
    await page.getByTestId("scenario-pick-patient").check();
    await page.getByTestId("scenario-run-compare").click();
    const row = page.getByTestId("compare-row-abandonRate");
    await row.waitFor({ timeout: RUN_TIMEOUT_MS });
    await expect(row.getByTestId("compare-base").textContent()).resolves.toBe("—");
    await expect(row.getByTestId("compare-other").textContent()).resolves.toMatch(/^\d+\.\d%$/);
    const cell = row.getByTestId("compare-not-comparable");
    await expect(cell.textContent()).resolves.toMatch(/not comparable.*not modelled in/);
    await expect(cell.getAttribute("title")).resolves.toContain("No queue has a patience");
    expect(await row.getByTestId("compare-difference").count()).toBe(0);
    // The KPIs both runs report are still compared.
    await expect(page.getByTestId("compare-row-backlog").getByTestId("compare-difference").count()).resolves.toBe(1);
    await page.getByTestId("results-expand").click();
    await page.getByTestId("compare-table").scrollIntoViewIfNeeded();
    await snap(page, "results-meaning-compare-patience");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

// helpers

async function openFlow(page: Page, flow: { name: string }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByTestId("toolbar-open").click()]);
  await chooser.setFiles({
    name: "flow.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(flow)),
  });
  await page.getByText(flow.name).first().waitFor();
}

/** Runs the open flow over its own horizon with three replications. */
async function run(page: Page): Promise<void> {
  await page.getByTestId("run-settings-button").click();
  await page.getByTestId("run-replications").fill("3");
  await page.getByTestId("run-settings-button").click();
  await page.getByTestId("dock-tab-results").click();
  await page.getByTestId("run-button").click();
  await page.getByTestId("kpi-fcr").waitFor({ timeout: RUN_TIMEOUT_MS });
}

/** Every interval figure on the dashboard has at least 4.5:1 contrast with what is behind it (WCAG AA). */
async function expectReadableIntervals(page: Page): Promise<void> {
  const ratios = await page.locator(".results-dashboard .kpi-ci").evaluateAll((els) => {
    const rgb = (text: string) => (text.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const [R, G, B] = [r, g, b].map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (R ?? 0) + 0.7152 * (G ?? 0) + 0.0722 * (B ?? 0);
    };
    return els.map((el) => {
      let back: Element | null = el;
      let background = "rgba(0, 0, 0, 0)";
      while (back) {
        background = getComputedStyle(back).backgroundColor;
        if (!/rgba\(.*, 0\)$/.test(background) && background !== "transparent") break;
        back = back.parentElement;
      }
      if (!back) background = "rgb(255, 255, 255)";
      const [a, b] = [luminance(rgb(getComputedStyle(el).color)), luminance(rgb(background))];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    });
  });
  expect(ratios.length).toBeGreaterThan(0);
  for (const ratio of ratios) expect(ratio).toBeGreaterThanOrEqual(4.5);
}
