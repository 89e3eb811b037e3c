/**
 * Drives Debian's Chromium (/usr/bin/chromium) through playwright-core: no browser download.
 * `openApp` gives a fresh page on the served build; `snap` keeps a screenshot as an artifact
 * in test-results/screenshots/.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ERRORS = new WeakMap<Page, string[]>();
export const SCREENSHOTS = join(process.cwd(), "test-results", "screenshots");

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/** A fresh context (empty storage) and page at `path` of the served app. */
export async function openApp(
  browser: Browser,
  path = "/",
  options: { width?: number; height?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  ERRORS.set(page, errors);
  await page.goto(`${inject("baseURL")}${path}`);
  return { context, page };
}

/** Uncaught errors the page has thrown since it opened. */
export function pageErrors(page: Page): string[] {
  return ERRORS.get(page) ?? [];
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
export async function snap(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
