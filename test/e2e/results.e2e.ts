/**
 * Simulating in the browser, as a support manager would: run the sample the app opens on and
 * read its KPIs and charts; cancel a long run; add "+2 L1 agents" as a scenario, run it with
 * the base flow and see L1 utilisation drop in the comparison. Screenshots of the dashboard
 * are kept in test-results/screenshots/.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";

/** A sample run on 2 shared cores takes a few seconds; long runs are cancelled long before this. */
const RUN_TIMEOUT_MS = 60_000;

/** Every KPI card the dashboard promises. */
const KPI_CARDS = [
  "fcr",
  "serviceLevel",
  "firstResponseSeconds",
  "resolutionSeconds",
  "backlog",
  "abandonRate",
  "escalationRate",
  "reopenRate",
  "csat",
  "costPerTicket",
];
const CHARTS = ["backlog", "arrivals", "resolution", "utilization", "service-level", "queue"];

/** A flow whose L1 step leads nowhere: three validation errors. */
const BROKEN_FLOW = {
  format: "flowcast/v1",
  name: "Broken desk",
  teams: [{ id: "l1", name: "L1 front line", agents: 5 }],
  nodes: [
    { id: "phone", kind: "channel", label: "Phone", arrivals: { perHour: 20 } },
    { id: "l1-phone", kind: "work", label: "L1 answers", team: "l1", handleTime: "6m", outcomes: { resolved: 1 } },
    { id: "done", kind: "end" },
  ],
  edges: [{ id: "e1", from: "phone", to: "l1-phone" }],
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("running a flow in the browser", () => {
  it("runs the sample and shows KPIs with intervals, the bottleneck and the charts", async () => {
    const { context, page } = await openApp(browser);
    await page.getByTestId("dock-tab-results").click();
    await expect(page.getByTestId("results-empty").textContent()).resolves.toContain("Run");
    await runWith(page, { days: 7, replications: 4 });
    for (const kpi of KPI_CARDS) {
      const card = page.getByTestId(`kpi-${kpi}`);
      await expect(card.textContent()).resolves.toContain("95% CI");
      // The definition is one hover away.
      await expect(card.getAttribute("title")).resolves.toMatch(/: .{20,}/);
    }
    expect(await page.locator('[data-testid^="kpi-utilization-"]').count()).toBeGreaterThan(0);
    await expect(page.getByTestId("bottleneck").textContent()).resolves.toMatch(
      /^Bottleneck: Most of the resolution time: (waiting|agents working)/,
    );
    for (const chart of CHARTS) {
      const box = await page.getByTestId(`chart-${chart}`).locator("canvas").boundingBox();
      expect(box?.height ?? 0).toBeGreaterThan(100);
    }
    const csv = await download(page, "export-kpis-csv");
    expect(csv.name).toMatch(/-kpis\.csv$/);
    expect(csv.text.split("\n")[0]).toBe("kpi,unit,mean,ci95_low,ci95_high");
    expect(csv.text).toMatch(/^serviceLevel,share,[\d.]+,[\d.]+,[\d.]+$/m);
    const json = JSON.parse((await download(page, "export-json")).text);
    expect(json.format).toBe("flowcast-results/v1");
    expect(json.replications).toBe(4);
    const png = await download(page, "chart-png-backlog");
    expect(png.name).toMatch(/-backlog\.png$/);
    expect(png.text.slice(1, 4)).toBe("PNG");
    await snap(page, "results-docked");
    await page.getByTestId("results-expand").click();
    await page.getByTestId("kpi-cards").scrollIntoViewIfNeeded();
    await snap(page, "results-dashboard");
    await page.getByTestId("chart-queue").scrollIntoViewIfNeeded();
    await snap(page, "results-charts");
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("results-expand").getAttribute("aria-pressed")).resolves.toBe("false");
    expect(pageErrors(page)).toEqual([]);
    // The results come back after a reload of the same flow, marked as such.
    await page.reload();
    await page.getByTestId("results-restored").waitFor({ timeout: 15_000 });
    await expect(page.getByTestId("bottleneck").textContent()).resolves.toMatch(/Most of the resolution time/);
    await expect(page.getByTestId("kpi-fcr").textContent()).resolves.toContain("95% CI");
    await snap(page, "results-restored");
    await context.close();
  });

  it("will not run a flow with errors and says why", async () => {
    const { context, page } = await openApp(browser);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByTestId("toolbar-open").click()]);
    await chooser.setFiles({
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(BROKEN_FLOW)),
    });
    await page.getByText("Broken desk").first().waitFor();
    expect(await page.getByTestId("run-button").isDisabled()).toBe(true);
    const reason = await page.getByTestId("run-blocked").textContent();
    expect(reason).toContain('"L1 answers" (l1-phone)');
    expect(reason).toMatch(/\(\+\d+ more\)/);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("cancels a long run and can run again", async () => {
    const { context, page } = await openApp(browser);
    await setSettings(page, { days: 120, replications: 200 });
    await page.getByTestId("run-button").click();
    await page.getByTestId("run-progress").waitFor();
    await page.getByTestId("run-cancel").click();
    await expect(page.getByTestId("run-status").textContent()).resolves.toContain("Cancelled");
    expect(await page.getByTestId("run-progress").count()).toBe(0);
    expect(await page.getByTestId("run-button").isEnabled()).toBe(true);
    await expect(page.getByTestId("results-empty").count()).resolves.toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('compares "+2 L1 agents" with the base flow: L1 utilisation is lower', async () => {
    const { context, page } = await openApp(browser);
    await setSettings(page, { days: 7, replications: 5 });
    await page.getByTestId("dock-tab-results").click();
    const l1 = await findL1Slider(page);
    const team = l1.testId.replace("scenario-agents-", "");
    await page.getByTestId("scenario-name").fill("+2 L1 agents");
    await page.getByTestId(l1.testId).fill("2");
    await expect(page.getByTestId(`${l1.testId}-value`).textContent()).resolves.toBe("+2");
    await page.getByTestId("scenario-save").click();
    await page.getByTestId("scenario-pick-plus2-l1-agents").check();
    await page.getByTestId("scenario-run-compare").click();
    const row = page.getByTestId(`compare-row-utilization-${team}`);
    await row.waitFor({ timeout: RUN_TIMEOUT_MS });
    const base = Number(await row.getByTestId("compare-base").getAttribute("data-value"));
    const other = Number(await row.getByTestId("compare-other").getAttribute("data-value"));
    expect(base).toBeGreaterThan(0);
    expect(other).toBeLessThan(base);
    await expect(page.getByTestId("compare-table").textContent()).resolves.toContain("Service level");
    await page.getByTestId("results-expand").click();
    await page.getByTestId("compare-table").scrollIntoViewIfNeeded();
    await snap(page, "results-compare");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

// helpers

async function setSettings(page: Page, settings: { days: number; replications: number }): Promise<void> {
  await page.getByTestId("run-settings-button").click();
  await page.getByTestId("run-horizon").fill(String(settings.days));
  await page.getByTestId("run-replications").fill(String(settings.replications));
  await page.getByTestId("run-settings-button").click();
}

async function runWith(page: Page, settings: { days: number; replications: number }): Promise<void> {
  await setSettings(page, settings);
  await page.getByTestId("run-button").click();
  await page.getByTestId("kpi-fcr").waitFor({ timeout: RUN_TIMEOUT_MS });
}

/** Clicks a download button and reads the file it offers. */
async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, "latin1") };
}

/** The agents slider of the first-line team: the one whose label names L1 (else tier 1 first). */
async function findL1Slider(page: Page): Promise<{ testId: string }> {
  const ids = await page.locator('input[data-testid^="scenario-agents-"]').evaluateAll((inputs) =>
    inputs.map((i) => ({
      testId: i.getAttribute("data-testid") ?? "",
      label: (i as HTMLInputElement).labels?.[0]?.textContent ?? "",
    })),
  );
  const l1 = ids.find((i) => /\bL1\b|front/i.test(i.label)) ?? ids[0];
  if (!l1) throw new Error("no agents slider in the scenario form");
  return l1;
}
