/**
 * Export and sharing in the real app, as a trainer would use them: download PNG (1x, 2x)
 * and SVG of the three-tier sample and check the files, open the printable runbook and look
 * at it, send a share link that opens the same flow read-only (a broken one says why), and
 * paste the support article's Mermaid diagram to get an editable flow.
 */
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pngSize } from "../../src/io/node/rasterise";
import { launchBrowser, openApp, pageErrors, SCREENSHOTS, snap } from "./browser";

const SAMPLE = JSON.parse(readFileSync(join(__dirname, "../../samples/three-tier-desk.json"), "utf8")) as {
  name: string;
  nodes: { id: string; label?: string }[];
  teams: { name: string }[];
};
/** A step on the canvas (lanes are canvas nodes too, without a kind). */
const STEP = '.react-flow__node [data-testid^="node-"][data-kind]';
const ARTICLE = readFileSync(join(__dirname, "../io/fixtures/password-reset.mmd"), "utf8");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("export and share", () => {
  it("downloads PNG at 1x and 2x and an SVG of the whole flow", async () => {
    const { context, page } = await openApp(browser);
    await openSample(page, "three-tier-desk");

    const svg = readFileSync(await download(page, "export-svg"), "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    // Each step's label starts its box's text (wrapped onto lines in the compact boxes).
    for (const node of SAMPLE.nodes) {
      const group = new RegExp(`<g data-id="${node.id}">(.*?)</g>`).exec(svg)?.[1] ?? "";
      const text = [...group.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
      expect(text).toContain(escapeXml(node.label ?? node.id).slice(0, 12));
    }
    const [width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!.slice(1).map(Number);

    const one = readFileSync(await download(page, "export-png-1x"));
    const twoPath = await download(page, "export-png-2x");
    const two = readFileSync(twoPath);
    // Keep the exported picture with the screenshots, to look at.
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync(twoPath, join(SCREENSHOTS, "export-three-tier-desk@2x.png"));
    expect(one.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(pngSize(one)).toEqual({ width, height });
    expect(pngSize(two)).toEqual({ width: width! * 2, height: height! * 2 });
    expect(two.length).toBeGreaterThan(one.length);
    expect(one.length).toBeGreaterThan(30_000);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("opens the printable runbook with the diagram first and a page per channel", async () => {
    const { context, page } = await openApp(browser);
    await openSample(page, "three-tier-desk");
    await page.getByTestId("export-menu").click();
    const [popup] = await Promise.all([context.waitForEvent("page"), page.getByTestId("export-runbook-print").click()]);
    await popup.waitForLoadState("load");
    await popup.emulateMedia({ media: "print" });
    await popup.setViewportSize({ width: 1123, height: 794 }); // A4 landscape at 96 dpi
    const text = (await popup.locator("body").textContent()) ?? "";
    for (const team of SAMPLE.teams) expect(text).toContain(team.name);
    expect(text).toContain("Escalation triggers");
    expect(await popup.locator("section.channel").count()).toBeGreaterThan(0);
    await snap(popup, "export-runbook-print-first-page");
    await popup.locator("section.channel").first().scrollIntoViewIfNeeded();
    await snap(popup, "export-runbook-print-channel");
    await context.close();
  });

  it("shares a link that opens the same flow read-only, and a broken link says what is wrong", async () => {
    const { context, page } = await openApp(browser);
    await openSample(page, "three-tier-desk");
    await page.getByTestId("export-menu").click();
    await page.getByTestId("export-share").click();
    const link = await page.getByTestId("share-link").inputValue();
    expect(link).toMatch(/#share=[A-Za-z0-9_-]+$/);

    const colleague = await context.newPage();
    await colleague.goto(link);
    await colleague.getByTestId("readonly-banner").waitFor();
    expect(await colleague.getByTestId("flow-name").textContent()).toBe(SAMPLE.name);
    await colleague.locator(STEP).first().waitFor();
    expect(await colleague.locator(STEP).count()).toBe(SAMPLE.nodes.length);
    await snap(colleague, "export-share-opened");

    const broken = await context.newPage();
    await broken.goto(link.slice(0, link.length - 40));
    const toast = broken.getByTestId("toast-error").filter({ hasText: "share link" }).first();
    await toast.waitFor();
    expect(await toast.textContent()).toMatch(/cut short|changed when copied/);
    await snap(broken, "export-share-broken");
    expect(await broken.getByTestId("readonly-banner").count()).toBe(0);
    await context.close();
  });

  it("imports the article's Mermaid flowchart as an editable flow after showing the guesses", async () => {
    const { context, page } = await openApp(browser);
    await openSample(page, "three-tier-desk");
    await page.getByTestId("export-menu").click();
    await page.getByTestId("import-mermaid").click();
    await page.getByTestId("import-mermaid-text").fill("graph TD\n  A[Start --> B");
    await page.getByTestId("import-mermaid-read").click();
    expect(await page.getByTestId("import-mermaid-errors").textContent()).toContain("line 2, column 4");
    expect(await page.getByTestId("flow-name").textContent()).toMatch(new RegExp(`^${SAMPLE.name}`));

    await page.getByTestId("import-mermaid-text").fill(ARTICLE);
    await page.getByTestId("import-mermaid-read").click();
    const report = page.getByTestId("import-mermaid-report");
    expect(await report.textContent()).toMatch(/10 steps, 9 connections\. \d+ guessed fields to check/);
    await snap(page, "export-import-mermaid-report");
    await page.getByTestId("import-mermaid-open").click();
    await expect.poll(() => page.getByTestId("flow-name").textContent()).toMatch(/^Imported flowchart/);
    await expect.poll(() => page.locator(STEP).count()).toBe(10);
    await snap(page, "export-imported-flow");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

// helpers

async function openSample(page: Page, file: string): Promise<void> {
  const sample = page.getByTestId(`sample-${file}`);
  const node = page.locator('.react-flow__node [data-testid^="node-"]').first();
  await Promise.race([node.waitFor({ timeout: 30_000 }), sample.waitFor({ timeout: 30_000 })]);
  if (!(await sample.isVisible())) {
    await page.getByTestId("toolbar-start").click();
    await sample.waitFor();
  }
  await sample.click();
  await expect.poll(() => page.getByTestId("flow-name").textContent()).toMatch(new RegExp(`^${SAMPLE.name}`));
  await node.waitFor({ timeout: 30_000 });
}

async function download(page: Page, item: string): Promise<string> {
  if (!(await page.getByTestId(item).isVisible())) await page.getByTestId("export-menu").click();
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(item).click()]);
  return savedPath(file);
}

async function savedPath(file: Download): Promise<string> {
  const path = await file.path();
  if (!path) throw new Error(`download ${file.suggestedFilename()} failed`);
  return path;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
