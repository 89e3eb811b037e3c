/**
 * BPMN in the real app (issue 23): Export > BPMN downloads a file that bpmn-js (the bpmn.io
 * viewer, served from node_modules: no network) renders with one shape per step, outcome
 * gateway, lane and pool and one connection per sequence flow; Import > BPMN reads a Camunda
 * Modeler diagram into an editable flow, and a Flowcast export back exactly.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasSplitGateway } from "../../src/io/bpmn/geometry";
import { computeLanes } from "../../src/layout/lanes";
import { parseModelText } from "../../src/model";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";

const ROOT = join(__dirname, "../..");
const VIEWER = join(ROOT, "node_modules/bpmn-js/dist/bpmn-viewer.production.min.js");
const STYLES = ["diagram-js.css", "bpmn-js.css"].map((name) => join(ROOT, "node_modules/bpmn-js/dist/assets", name));
const STEP = '.react-flow__node [data-testid^="node-"][data-kind]';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await openApp(browser));
});
afterAll(async () => {
  await browser?.close();
});

describe("BPMN in the app", () => {
  it("exports a BPMN file that bpmn-js renders with every step, gateway, lane and flow", async () => {
    await openSample(page, "three-tier-desk");
    const path = await download(page, "export-bpmn");
    const xml = readFileSync(path, "utf8");
    const parsed = parseModelText(readFileSync(join(ROOT, "samples/three-tier-desk.json"), "utf8"));
    if (!parsed.ok) throw new Error("sample does not parse");
    const model = parsed.model;
    const splits = model.nodes.filter(hasSplitGateway).length;
    const lanes = computeLanes(model, model.layout).length;
    const expected = { shapes: model.nodes.length + splits + lanes + 1, connections: model.edges.length + splits };

    const viewer = await page.context().newPage();
    await viewer.setContent('<div id="canvas" style="width: 1400px; height: 860px"></div>');
    for (const style of STYLES) await viewer.addStyleTag({ path: style });
    await viewer.addScriptTag({ path: VIEWER });
    const rendered = await viewer.evaluate(async (text) => {
      // biome-ignore lint/suspicious/noExplicitAny: the viewer's global from its UMD bundle
      const BpmnJS = (window as any).BpmnJS;
      const bpmn = new BpmnJS({ container: "#canvas" });
      const { warnings } = await bpmn.importXML(text);
      bpmn.get("canvas").zoom("fit-viewport");
      // biome-ignore lint/suspicious/noExplicitAny: diagram-js elements
      const elements = bpmn.get("elementRegistry").filter((e: any) => e.type !== "label" && e.parent);
      return {
        // biome-ignore lint/suspicious/noExplicitAny: bpmn-js import warnings
        warnings: warnings.map((w: any) => w.message),
        // biome-ignore lint/suspicious/noExplicitAny: diagram-js elements
        shapes: elements.filter((e: any) => !e.waypoints).length,
        // biome-ignore lint/suspicious/noExplicitAny: diagram-js elements
        connections: elements.filter((e: any) => e.waypoints).length,
        drawn: document.querySelectorAll(".djs-element.djs-shape, .djs-element.djs-connection").length,
      };
    }, xml);
    expect(rendered.warnings).toEqual([]);
    expect({ shapes: rendered.shapes, connections: rendered.connections }).toEqual(expected);
    expect(rendered.drawn).toBeGreaterThanOrEqual(expected.shapes + expected.connections);
    await snap(viewer, "bpmn-three-tier-desk-in-bpmn-js");
    await viewer.close();

    // The same file back through Import > BPMN: read exactly.
    await openImport(page);
    await page.getByTestId("import-bpmn-file").setInputFiles(path);
    await expect
      .poll(() => page.getByTestId("import-bpmn-report").textContent(), { timeout: 30_000 })
      .toContain("read back exactly");
    await page.getByTestId("import-bpmn-open").click();
    await expect.poll(() => page.locator(STEP).count()).toBe(model.nodes.length);
    expect(pageErrors(page)).toEqual([]);
  });

  it("imports a Camunda Modeler diagram, listing guesses and what was left out", async () => {
    await openImport(page);
    await page.getByTestId("import-bpmn-file").setInputFiles(join(ROOT, "test/io/fixtures/camunda-support.bpmn"));
    const report = page.getByTestId("import-bpmn-report");
    await expect.poll(() => report.textContent(), { timeout: 30_000 }).toContain("guessed fields to check");
    const text = (await report.textContent()) ?? "";
    expect(text).toContain('message flow "Confirmation e-mail"');
    expect(text).toContain("handle time about 6 minutes");
    await snap(page, "bpmn-import-camunda-report");
    await page.getByTestId("import-bpmn-open").click();
    await expect.poll(() => page.locator(STEP).count()).toBe(8);
    await expect.poll(() => page.getByTestId("flow-name").textContent()).toMatch(/^IT service desk/);
    await snap(page, "bpmn-import-camunda-canvas");

    await openImport(page);
    await page.getByTestId("import-bpmn-text").fill('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>');
    await page.getByTestId("import-bpmn-read").click();
    await expect.poll(() => page.getByTestId("import-bpmn-errors").textContent()).toContain("DOCTYPE");
    await page.keyboard.press("Escape");
    expect(pageErrors(page)).toEqual([]);
  });
});

// helpers

async function openSample(target: Page, file: string): Promise<void> {
  const sample = target.getByTestId(`sample-${file}`);
  const node = target.locator('.react-flow__node [data-testid^="node-"]').first();
  await Promise.race([node.waitFor({ timeout: 30_000 }), sample.waitFor({ timeout: 30_000 })]);
  if (!(await sample.isVisible())) {
    await target.getByTestId("toolbar-start").click();
    await sample.waitFor();
  }
  await sample.click();
  await node.waitFor({ timeout: 30_000 });
}

async function openImport(target: Page): Promise<void> {
  await target.getByTestId("export-menu").click();
  await target.getByTestId("import-bpmn").click();
  await target.getByTestId("import-bpmn-dialog").waitFor();
}

async function download(target: Page, item: string): Promise<string> {
  await target.getByTestId("export-menu").click();
  const [file] = await Promise.all([target.waitForEvent("download"), target.getByTestId(item).click()]);
  const path = await file.path();
  if (!path) throw new Error(`download ${file.suggestedFilename()} failed`);
  return path;
}
