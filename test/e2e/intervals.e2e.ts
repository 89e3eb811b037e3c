/**
 * "Import interval report…" as a user meets it: open an ACD's 30-minute report, see the
 * columns guessed and the weekly profile with the holiday flagged, a wrong column named in
 * the dialog, fit (in a worker), read the report's figures beside the simulated ones and
 * open the flow on the canvas.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { erlangStaffing, generateIntervalReport } from "../calibrate/generateIntervals";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Ids of serious and critical axe-core violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    type Results = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<Results> } }).axe;
    const { violations } = await axe.run(document);
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("Import interval report…", () => {
  it("guesses the columns, previews the weekly profile, fits and opens the flow", async () => {
    const offered = Array.from({ length: 336 }, (_, k) => {
      const day = Math.floor(k / 48);
      const hour = (k % 48) / 2;
      if (day < 5 && hour >= 8 && hour < 18) return Math.round(30 + 40 * Math.sin((Math.PI * (hour - 8)) / 10));
      return day === 5 && hour >= 9 && hour < 13 ? 15 : 0;
    });
    const agents = erlangStaffing(offered, 30, 240, 150, 20, 0.8);
    const text = generateIntervalReport({
      intervalMinutes: 30,
      firstDate: "2026-01-05",
      days: 28,
      slaSeconds: 20,
      channels: [{ name: "Phone", offered, agents, ahtSeconds: 240, patienceSeconds: 150 }],
      dayFactor: { "2026-01-19": 0.05 },
    });
    const file = join(mkdtempSync(join(tmpdir(), "flowcast-e2e-")), "acd-intervals.csv");
    writeFileSync(file, text);

    const { context, page } = await openApp(browser);
    await page.getByTestId("canvas").waitFor();
    await page.getByTestId("toolbar-import-intervals").click();
    await page.getByTestId("import-intervals-file").setInputFiles(file);
    await page.getByTestId("import-intervals-peek").waitFor();
    expect(await page.getByTestId("intervals-column-start").inputValue()).toBe("interval");
    expect(await page.getByTestId("intervals-column-serviceLevel").inputValue()).toBe("service_level");
    await page.getByTestId("intervals-preview").waitFor();
    expect(await page.getByTestId("intervals-preview").textContent()).toMatch(
      /432 intervals of 30 minutes, 1 channel .* 4 whole weeks\./,
    );
    expect(await page.getByTestId("intervals-flagged").textContent()).toContain("2026-01-19 (Mon)");
    await snap(page, "intervals-preview");
    expect(await seriousViolations(page)).toEqual([]);

    // A wrong column is named in the dialog and blocks the fit; choosing the right one clears it.
    await page.getByTestId("intervals-column-offered").selectOption("aht");
    await expect
      .poll(() => page.getByTestId("import-intervals-error").textContent())
      .toContain('line 2, column "aht": "4:00" is not a number of contacts');
    expect(await page.getByTestId("import-intervals-run").isDisabled()).toBe(true);
    await page.getByTestId("intervals-column-offered").selectOption("offered");
    await page.getByTestId("intervals-preview").waitFor();

    await page.getByTestId("import-intervals-run").click();
    await page.getByTestId("intervals-fit").waitFor({ timeout: 60_000 });
    const fit = (await page.getByTestId("intervals-fit").textContent()) ?? "";
    expect(fit).toMatch(/AHT 240 s, patience 1[3-6]\d s, agents from ASA and service level/);
    expect(fit).toContain("Mon");
    await snap(page, "intervals-fit");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId("import-intervals-open").click();
    await page.getByTestId("import-intervals-dialog").waitFor({ state: "detached" });
    await page.locator(".react-flow__node", { hasText: "Contacts queue" }).waitFor();
    await snap(page, "intervals-flow");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
