/**
 * Hostile input in a real Chromium: flow files opened with Open… or dropped on the canvas,
 * share links and a poisoned autosave carrying `__proto__`/`constructor` scenario paths,
 * deep nesting, numbers JSON turns into Infinity, and absurdly large values. After each one
 * the app still renders, Object.prototype is untouched, and a refused flow leaves the
 * previous one on the canvas with a message saying what was refused.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";
import { openSample, stepIds } from "./flowPage";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SAMPLE = JSON.parse(readFileSync(join(process.cwd(), "samples", "password-reset.json"), "utf8"));

/** The password-reset sample with `change` applied to a deep copy, as JSON text. */
function variant(change: (flow: Record<string, unknown>) => void, raw?: (text: string) => string): string {
  const flow = structuredClone(SAMPLE);
  flow.name = "Hostile flow";
  change(flow);
  const text = JSON.stringify(flow);
  return raw ? raw(text) : text;
}

function nested(depth: number): string {
  return `${"[".repeat(depth)}1${"]".repeat(depth)}`;
}

/** Flows that must be refused (or, for the absurd-but-valid ones, open without harm). */
const HOSTILE: { name: string; text: string; refused: boolean }[] = [
  {
    name: "proto-scenario",
    refused: true,
    text: variant((f) => {
      f.scenarios = [{ id: "p", name: "P", set: { "clock.__proto__.polluted": "yes" } }];
    }),
  },
  {
    name: "constructor-scenario",
    refused: true,
    text: variant((f) => {
      f.scenarios = [{ id: "c", name: "C", set: { "clock.constructor.prototype.polluted": "yes" } }];
    }),
  },
  {
    name: "proto-react-key",
    refused: true,
    text: variant((f) => {
      f.scenarios = [{ id: "r", name: "R", set: { "csat.__proto__.$$typeof": 1, "clock.__proto__.children": 1 } }];
    }),
  },
  {
    name: "proto-json-key",
    refused: false,
    text: variant(
      () => undefined,
      (t) => t.replace('"name":"Hostile flow"', '"name":"Hostile flow","__proto__":{"polluted":"yes"}'),
    ),
  },
  { name: "deep-nesting", refused: true, text: `{"format":"flowcast/v1","name":"Deep","x":${nested(5000)}}` },
  {
    name: "infinity-rate",
    refused: true,
    text: variant(
      () => undefined,
      (t) => t.replace(/"perHour":\s*[0-9.]+/, '"perHour":1e999'),
    ),
  },
  {
    name: "nan-string",
    refused: true,
    text: variant(
      () => undefined,
      (t) => t.replace(/"agents":\s*[0-9]+/, '"agents":"NaN"'),
    ),
  },
  {
    name: "huge-coordinates",
    refused: false,
    text: variant((f) => {
      const layout = f.layout as Record<string, { x: number; y: number }>;
      for (const id of Object.keys(layout)) layout[id] = { x: 1e300, y: -1e300 };
    }),
  },
];

async function prototypeIsClean(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const probe = {} as Record<string, unknown>;
    return (
      Object.keys(Object.prototype).length === 0 &&
      probe.polluted === undefined &&
      probe.$$typeof === undefined &&
      probe.children === undefined &&
      Object.getOwnPropertyNames(Object.prototype).every((k) => !["polluted", "$$typeof", "children"].includes(k))
    );
  });
}

async function appRenders(page: Page): Promise<void> {
  await page.getByTestId("toolbar").waitFor({ timeout: 5000 });
  await page.getByTestId("canvas").waitFor({ timeout: 5000 });
  expect(await page.locator("#root").evaluate((root) => root.childElementCount)).toBeGreaterThan(0);
}

async function chooseFile(page: Page, name: string, text: string | Buffer): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("toolbar-open").click();
  await (await chooser).setFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
}

async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ([fileName, content]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content as string], fileName as string, { type: "application/json" }));
      document
        .querySelector(".canvas")
        ?.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    [name, text],
  );
}

/** A `#share=` fragment carrying `text` as is (deflate-raw, base64url), like the app's own links. */
async function shareFragment(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const bytes = Buffer.from(await new Response(stream).arrayBuffer());
  return `#share=${bytes.toString("base64url")}`;
}

/** After a hostile input: still rendering, prototype clean, and the right flow on the canvas. */
async function expectSurvived(page: Page, refused: boolean, before: string[], label: string): Promise<void> {
  await appRenders(page);
  expect(await prototypeIsClean(page), `${label}: Object.prototype`).toBe(true);
  if (refused) {
    await expect.poll(() => page.getByTestId("toast-error").count(), { message: label }).toBeGreaterThan(0);
    expect((await stepIds(page)).sort(), `${label}: previous flow kept`).toEqual(before);
    await expect(page.getByTestId("flow-name").textContent()).resolves.not.toContain("Hostile");
  }
  expect(pageErrors(page), label).toEqual([]);
}

describe("hostile flows in the app", () => {
  it("Open… and drop refuse hostile files, keep the previous flow and leave Object.prototype alone", async () => {
    const { context, page } = await openApp(browser);
    await page.getByTestId("canvas").waitFor();
    await openSample(page, "three-tier-desk.json");
    const before = (await stepIds(page)).sort();
    for (const [i, input] of HOSTILE.entries()) {
      const how = i % 2 === 0 ? "open" : "drop";
      if (how === "open") await chooseFile(page, `${input.name}.json`, input.text);
      else await dropFile(page, `${input.name}.json`, input.text);
      // Give the open (async file read, parse, render) time to land either way.
      await page.waitForTimeout(400);
      await expectSurvived(page, input.refused, before, `${how} ${input.name}`);
      if (!input.refused) await openSample(page, "three-tier-desk.json");
      await page.evaluate(() => {
        for (const button of document.querySelectorAll<HTMLButtonElement>('[data-testid="toast-dismiss"]'))
          button.click();
      });
    }
    await snap(page, "hostile-open-drop");
    await context.close();
  });

  it("reads files as the command line does: UTF-16 opens, binary and Latin-1 are refused in a line", async () => {
    const { context, page } = await openApp(browser);
    await page.getByTestId("canvas").waitFor();
    // a flow saved as UTF-16 (little endian, with its byte order mark) opens
    const utf16 = variant((f) => {
      f.name = "Wide flow";
    });
    await chooseFile(page, "wide.json", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, "utf16le")]));
    await expect.poll(() => page.getByTestId("flow-name").textContent()).toContain("Wide flow");
    const before = (await stepIds(page)).sort();
    // a picture handed over by mistake: one short line, the flow kept
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(200_000, 7),
    ]);
    await chooseFile(page, "picture.json", png);
    const toast = page.getByTestId("toast-error");
    await toast.waitFor();
    const message = (await toast.textContent()) ?? "";
    expect(message).toContain("picture.json is not a text file");
    expect(message.length).toBeLessThan(400);
    expect(message).not.toMatch(/\bat \S+:\d+|Error:/);
    expect((await stepIds(page)).sort()).toEqual(before);
    expect(await page.getByTestId("flow-name").textContent()).toContain("Wide flow");
    // a history CSV saved as Latin-1: its lines are named
    const csv = [
      "case,time,activity,team",
      "1,2026-01-05T09:00:00Z,Créé,L1",
      "1,2026-01-05T09:10:00Z,Closed,L1",
      "2,2026-01-05T09:20:00Z,Créé,L1",
    ].join("\n");
    await page.getByTestId("toolbar-import-history").click();
    await page
      .getByTestId("import-history-file")
      .setInputFiles({ name: "latin1.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "latin1") });
    const error = page.getByTestId("import-history-error");
    await error.waitFor();
    expect(await error.textContent()).toMatch(/latin1\.csv is not valid UTF-8 text: bytes on lines 2, 4 /);
    await snap(page, "hostile-latin1-history");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("share links with hostile flows open nothing, say so, and keep the app rendering", async () => {
    const { context, page } = await openApp(browser);
    await page.locator(".react-flow__node .step").first().waitFor();
    const before = (await stepIds(page)).sort();
    const base = page.url().split("#")[0];
    const some = ["proto-scenario", "proto-react-key", "deep-nesting", "infinity-rate"];
    for (const input of HOSTILE.filter((h) => some.includes(h.name))) {
      await page.goto(`${base}${await shareFragment(input.text)}`);
      await page.reload();
      await page.locator(".react-flow__node .step").first().waitFor();
      await expectSurvived(page, true, before, `share ${input.name}`);
      expect(await page.getByTestId("readonly-banner").count()).toBe(0);
    }
    await snap(page, "hostile-share");
    await context.close();
  });

  it("a poisoned autosave is refused with a message and can be downloaded; the app starts", async () => {
    const { context, page } = await openApp(browser);
    await page.locator(".react-flow__node .step").first().waitFor();
    const poisoned = HOSTILE.find((h) => h.name === "proto-react-key")?.text as string;
    await page.evaluate(async (text) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open("flowcast", 1);
        request.onupgradeneeded = () => request.result.createObjectStore("flows");
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction("flows", "readwrite");
        tx.objectStore("flows").put({ text, savedAt: Date.now() + 60_000 }, "autosave");
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      localStorage.clear();
    }, poisoned);
    // Twice: a refused autosave must not turn into a blank app on the next reload either.
    for (const round of [1, 2]) {
      await page.reload();
      await appRenders(page);
      await page.locator(".react-flow__node .step").first().waitFor();
      const banner = page.getByTestId("autosave-refused");
      await banner.waitFor();
      await expect(banner.textContent()).resolves.toMatch(/saved flow .*refused/i);
      expect(await prototypeIsClean(page), `round ${round}`).toBe(true);
      expect(pageErrors(page)).toEqual([]);
    }
    await snap(page, "hostile-autosave-refused");
    const download = page.waitForEvent("download");
    await page.getByTestId("autosave-refused-download").click();
    const file = await download;
    expect(readFileSync((await file.path()) as string, "utf8")).toBe(poisoned);
    await context.close();
  });
});
