/**
 * "Import history…" as a user meets it: open a desk's event log, see its first rows and the
 * guessed columns, calibrate, read the fit report, and open the flow on the canvas.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDeskLog } from "../calibrate/generateLog";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";
import { stepIds } from "./flowPage";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("Import history…", () => {
  it("maps the columns of a desk's event log, shows the fit report and opens the flow", async () => {
    const parts: string[] = [];
    generateDeskLog(
      {
        perHour: 20,
        days: 7,
        l1: { agents: 5, meanSeconds: 600, sdSeconds: 400 },
        l2: { agents: 3, meanSeconds: 1800, sdSeconds: 1500 },
        escalateShare: 0.2,
        seed: 4,
      },
      (t) => parts.push(t),
    );
    const file = join(mkdtempSync(join(tmpdir(), "flowcast-e2e-")), "desk-history.csv");
    writeFileSync(file, parts.join(""));

    const { context, page } = await openApp(browser);
    await page.getByTestId("canvas").waitFor();
    await page.getByTestId("toolbar-import-history").click();
    await page.getByTestId("import-history-file").setInputFiles(file);
    await page.getByTestId("import-history-peek").waitFor();
    expect(await page.getByTestId("import-column-case").inputValue()).toBe("ticket");
    expect(await page.getByTestId("import-column-time").inputValue()).toBe("time");
    expect(await page.getByTestId("import-column-activity").inputValue()).toBe("event");
    expect(await page.getByTestId("import-column-team").inputValue()).toBe("team");
    // How tickets closed: Flowcast's own logs name the end step in `node`.
    expect(await page.getByTestId("import-column-status").inputValue()).toBe("node");
    // Every status of the file, with its rows and its role (Flowcast's own events here).
    const roles = page.getByTestId("import-roles");
    await roles.waitFor();
    expect(await page.getByRole("combobox", { name: "Role of queue" }).inputValue()).toBe("queued");
    expect(await roles.textContent()).toContain("Flowcast event");
    await snap(page, "import-history-mapping");
    await page.getByTestId("import-history-run").click();
    await page.getByTestId("fit-report").waitFor({ timeout: 60_000 });
    const table = await page.getByTestId("fit-report-table").textContent();
    expect(table).toContain("tickets per day");
    expect(table).toContain("utilisation: l2");
    // What the flow keeps of the log (issue 20): here the log's own horizon.
    expect(await page.getByTestId("fit-report-kept").textContent()).toMatch(
      /Horizon: the log's own span of ticket starts, 6\.99 days/,
    );
    await page.getByTestId("fit-report-kept").scrollIntoViewIfNeeded();
    await snap(page, "import-history-report");

    // "close" read as nothing: no ticket ever closes, so every ticket is still open at the end
    // and the log has no resolution time; the report re-fits with the new meaning.
    const resolution = page.getByTestId("fit-report-table").locator("tr", { hasText: "resolution time p50" });
    const resolutionBefore = await resolution.textContent();
    expect(await resolution.locator("td").nth(1).textContent()).toMatch(/min|h/);
    const close = page.getByRole("combobox", { name: "Role of close" });
    expect(await close.inputValue()).toBe("closed");
    await close.selectOption("ignore");
    expect(await page.getByTestId("import-roles-cli").textContent()).toContain('--map "close=ignore"');
    await expect.poll(() => resolution.locator("td").nth(1).textContent(), { timeout: 60_000 }).toBe("—");
    await page.getByTestId("import-history-refitting").waitFor({ state: "detached", timeout: 60_000 });
    const summary = (await page.getByTestId("fit-report").locator("p").first().textContent()) ?? "";
    const [tickets, open] = [/([\d,]+) tickets,/, /([\d,]+) tickets were still open/].map((re) =>
      Number(re.exec(summary)?.[1]?.replace(/,/g, "")),
    );
    expect(tickets).toBeGreaterThan(1000);
    expect(open).toBe(tickets);
    expect(await page.getByTestId("import-roles").textContent()).toContain("your choice");
    await snap(page, "import-history-roles-changed");
    expect(await dialogViolations(page)).toEqual([]);
    // Back to its own meaning: the rule goes and the first figures return.
    await close.selectOption("closed");
    await expect.poll(() => resolution.textContent(), { timeout: 60_000 }).toBe(resolutionBefore);
    expect(await page.getByTestId("import-roles-cli").count()).toBe(0);

    await page.getByTestId("import-history-open").click();
    await expect.poll(() => stepIds(page)).toContain("work-l2");
    await snap(page, "import-history-flow");
    // The opened flow runs and writes its own event log, which has the documented header.
    await page.getByTestId("export-menu").click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-event-log").click()]);
    expect(download.suggestedFilename()).toMatch(/event-log\.csv$/);
    const saved = await download.path();
    const head = readFileSync(saved, "utf8").split("\n", 2);
    expect(head[0]).toBe("ticket,time,event,node,team,agent,priority,channel,contactType,lifecycle");
    expect(head[1]).toMatch(/^T0,2026-01-0\dT[\d:.]+,arrival,ch-phone,/);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 120_000);
});

/** Serious and critical axe-core violations inside the Import history dialog. */
async function dialogViolations(page: Page): Promise<string[]> {
  const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Element, o: object) => Promise<Result> } }).axe;
    const dialog = document.querySelector('[data-testid="import-history-dialog"]') as Element;
    const { violations } = await axe.run(dialog, { resultTypes: ["violations"] });
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}
