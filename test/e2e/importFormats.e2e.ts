/**
 * "Import history…" reads the formats help desks export besides a CSV event log: a ticket
 * table (one row per ticket, found by its header; escalation shown as not measured) with a
 * backtest on it, and a gzipped XES log, each read in a worker with progress; a broken gzip
 * file is refused in words.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDeskLog } from "../calibrate/generateLog";
import { csvText, ticketTable } from "../calibrate/ticketTable";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const DESK = {
  perHour: 4,
  days: 21,
  l1: { agents: 3, meanSeconds: 600, sdSeconds: 400 },
  l2: { agents: 2, meanSeconds: 1800, sdSeconds: 1500 },
  escalateShare: 0.2,
  seed: 9,
};

function files() {
  const dir = mkdtempSync(join(tmpdir(), "flowcast-e2e-"));
  const csv: string[] = [];
  generateDeskLog(DESK, (t) => csv.push(t));
  const xes: string[] = [];
  generateDeskLog(DESK, (t) => xes.push(t), "xes");
  const paths = {
    table: join(dir, "zendesk-tickets.csv"),
    xes: join(dir, "desk.xes.gz"),
    broken: join(dir, "broken.xes.gz"),
  };
  writeFileSync(paths.table, csvText(ticketTable(csv.join(""))));
  writeFileSync(paths.xes, gzipSync(xes.join("")));
  writeFileSync(paths.broken, "<log>not gzip at all</log>");
  return paths;
}

describe("Import history… other formats", () => {
  it("reads a ticket table and a gzipped XES log, backtests the table and refuses a broken gzip", async () => {
    const paths = files();
    const { context, page } = await openApp(browser);
    await page.getByTestId("canvas").waitFor();

    // A Zendesk-style ticket table: found by its header, its columns guessed by their names.
    await page.getByTestId("toolbar-import-history").click();
    await page.getByTestId("import-history-file").setInputFiles(paths.table);
    await page.getByTestId("import-history-peek").waitFor();
    expect(await page.getByTestId("import-history-kind").inputValue()).toBe("table");
    expect(await page.getByTestId("import-column-created").inputValue()).toBe("Created at");
    expect(await page.getByTestId("import-column-resolved").inputValue()).toBe("Solved at");
    expect(await page.getByTestId("import-column-team").inputValue()).toBe("Group");
    expect(await page.getByTestId("import-roles").count()).toBe(0);
    await snap(page, "import-table-mapping");
    await page.getByTestId("import-history-run").click();
    await page.getByTestId("fit-report").waitFor({ timeout: 60_000 });
    const row = (figure: string) =>
      page.getByTestId("fit-report-table").locator("tr", { hasText: figure }).first().locator("td");
    expect(await row("escalation share").nth(1).textContent()).toBe("—");
    expect(await row("reassigned (2+ groups)").nth(1).textContent()).toMatch(/%$/);
    expect(await row("tickets per day").nth(1).textContent()).toMatch(/^\d/);
    await snap(page, "import-table-report");

    // Backtest on the table: the weekly chart comes from a worker reading the table.
    await page.getByTestId("import-history-backtest").click();
    await page.getByTestId("chart-backtest-weeks").waitFor({ timeout: 30_000 });
    await page.getByTestId("backtest-run").click();
    await page.getByTestId("backtest-result").waitFor({ timeout: 60_000 });
    const escalated = page.getByTestId("backtest-result").locator("tr", { hasText: "Escalated" });
    expect(await escalated.textContent()).toContain("—");
    await snap(page, "import-table-backtest");
    await page.getByRole("button", { name: "Back", exact: true }).click();
    await page.getByRole("button", { name: "Cancel" }).click();

    // A gzipped XES log: no columns to map; read, fitted and measured in the worker.
    await page.getByTestId("toolbar-import-history").click();
    await page.getByTestId("import-history-file").setInputFiles(paths.xes);
    await page.getByTestId("import-history-xes").waitFor();
    await page.getByTestId("import-history-run").click();
    await page.getByTestId("fit-report").waitFor({ timeout: 60_000 });
    expect(await row("utilisation: l2").nth(1).textContent()).toMatch(/%$/);
    await snap(page, "import-xes-report");

    // Not gzip: refused in words, nothing else changes.
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByTestId("toolbar-import-history").click();
    await page.getByTestId("import-history-file").setInputFiles(paths.broken);
    await page.getByTestId("import-history-run").click();
    const error = page.getByTestId("import-history-error");
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toMatch(/broken\.xes\.gz is not a whole gzip file/);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 180_000);
});
