/**
 * Accessibility scan (issue 10, item 7): axe-core, injected into the page in a real
 * Chromium, finds no serious or critical violation in any state of the app: the canvas, a
 * step selected, a connection selected, the New/samples dialog, the Export menu, the Mermaid
 * import dialog, the run settings, results in the dock and full screen, a shared
 * (read-only) flow. Each state's report is printed when it fails.
 */
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp, snap } from "./browser";
import { openSample } from "./flowPage";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** Serious and critical axe violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[];
    }
    const results = await axe.run(document, { resultTypes: ["violations"] });
    return results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary}`),
      }));
  });
}

const found: Record<string, Violation[]> = {};

async function scan(page: Page, state: string): Promise<void> {
  await page.waitForTimeout(300); // animations and deferred renders settle
  found[state] = await seriousViolations(page);
  await snap(page, `a11y-${state}`);
}

describe("accessibility", () => {
  it("has no serious or critical axe-core violation in any state", async () => {
    const { context, page } = await openApp(browser);
    await page.locator(".react-flow__node .step").first().waitFor();
    await scan(page, "canvas");

    await openSample(page, "three-tier-desk.json");
    await page.locator('.react-flow__node [data-testid^="node-"]').nth(2).click();
    await page.getByTestId("inspector-node").waitFor();
    await scan(page, "step-selected");

    await page.locator(".react-flow__edge").first().click({ force: true });
    await scan(page, "connection-selected");

    await page.getByTestId("toolbar-start").click();
    await page.getByTestId("start-screen").waitFor();
    await scan(page, "start-dialog");
    await page.keyboard.press("Escape");

    await page.getByTestId("export-menu").click();
    await page.getByTestId("export-popup").waitFor();
    await scan(page, "export-menu");
    await page.getByTestId("import-mermaid").click();
    await page.getByTestId("import-mermaid-text").waitFor();
    await scan(page, "import-dialog");
    await page.keyboard.press("Escape");
    await page.locator(".react-flow__pane").click({ position: { x: 10, y: 10 } });

    await page.getByTestId("run-settings-button").click();
    await page.getByTestId("run-settings").waitFor();
    await scan(page, "run-settings");
    await page.getByTestId("run-horizon").fill("3");
    await page.getByTestId("run-replications").fill("2");
    await page.getByTestId("run-settings-button").click();
    await page.getByTestId("run-button").click();
    await page.getByTestId("kpi-fcr").waitFor({ timeout: 60_000 });
    await scan(page, "results");
    await page.getByTestId("results-expand").click();
    await scan(page, "results-full-screen");
    await page.keyboard.press("Escape");

    await page.getByTestId("export-menu").click();
    await page.getByTestId("export-share").click();
    const link = await page.getByTestId("share-link").inputValue();
    await scan(page, "share-link");
    await page.goto(link);
    await page.reload();
    await page.getByTestId("readonly-banner").waitFor();
    await scan(page, "shared-read-only");

    const report = Object.entries(found)
      .filter(([, violations]) => violations.length > 0)
      .map(([state, violations]) => `${state}: ${JSON.stringify(violations, null, 1)}`);
    expect(report, report.join("\n")).toEqual([]);
    expect(Object.keys(found)).toHaveLength(11);
    await context.close();
  });
});
