/**
 * Connections stay drawn: the sequence from the bug report, verbatim, in a real Chromium.
 * Blank flow → add a Channel and an End → rename the End "Resolved" → drag the Channel's
 * handle to the End → reload → select the End and rename it "Closed": the edge is still
 * drawn, a new drag still connects, and Fit still fits.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";
import { drawnEdgeProblems } from "./edgeCheck";
import { dragConnect, edgeIds, openSample, waitUntilStill } from "./flowPage";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function rename(page: Page, nodeId: string, label: string): Promise<void> {
  await page.getByTestId(`node-${nodeId}`).click();
  const field = page.getByTestId("inspector-label");
  // Typed key by key, as a user does: each key is an edit that re-renders the canvas.
  await field.fill("");
  await field.pressSequentially(label, { delay: 15 });
  await field.press("Tab");
  await expect.poll(() => page.getByTestId(`node-${nodeId}`).getByTestId("node-label").textContent()).toBe(label);
}

describe("connections on the canvas", () => {
  it("stay drawn after a reload and a rename, and new drags still connect", async () => {
    const { context, page } = await openApp(browser);
    // The report came from ordinary laptops: a slower CPU widens the timing window in which
    // a measured node was replaced by an unmeasured one.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 3 });
    await page.getByTestId("canvas").waitFor();
    await page.getByTestId("toolbar-start").click();
    await page.getByTestId("start-new").click();
    await page.getByTestId("palette-channel").click();
    await page.getByTestId("node-channel").waitFor();
    await page.getByTestId("palette-end").click();
    await page.getByTestId("node-end").waitFor();
    await rename(page, "end", "Resolved");
    await dragConnect(page, "channel", "out", "end");
    await expect.poll(() => edgeIds(page)).toEqual(["channel-out"]);
    expect(await drawnEdgeProblems(page)).toEqual([]);

    // Let the autosave land, then reload.
    await page.waitForTimeout(1200);
    await page.reload();
    await page.getByTestId("node-end").waitFor();
    await waitUntilStill(page);
    await expect.poll(() => edgeIds(page)).toEqual(["channel-out"]);
    await rename(page, "end", "Closed");
    await waitUntilStill(page);
    expect(await edgeIds(page)).toEqual(["channel-out"]);
    expect(await drawnEdgeProblems(page)).toEqual([]);

    // A new drag still makes an edge.
    await page.getByTestId("palette-channel").click();
    await page.getByTestId("node-channel-2").waitFor();
    await dragConnect(page, "channel-2", "out", "end");
    await expect.poll(() => edgeIds(page).then((ids) => ids.sort())).toEqual(["channel-2-out", "channel-out"]);
    expect(await drawnEdgeProblems(page)).toEqual([]);

    // Fit still moves the view.
    await page.mouse.move(700, 400);
    await page.mouse.wheel(0, 900);
    await page.waitForTimeout(400);
    const before = await page.locator(".react-flow__viewport").getAttribute("style");
    await page.getByTestId("toolbar-fit").click();
    await page.waitForTimeout(700);
    expect(await page.locator(".react-flow__viewport").getAttribute("style")).not.toBe(before);
    await snap(page, "canvas-edges-after-rename");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

describe("the first view of every sample", () => {
  const samples = readdirSync(join(process.cwd(), "samples")).filter((f) => f.endsWith(".json"));
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    it(`at ${size.width}x${size.height}: no step under the minimap, no label on another label or a step, also after Fit`, async () => {
      const { context, page } = await openApp(browser, "/", size);
      await page.getByTestId("canvas").waitFor();
      for (const file of samples) {
        const name = file.replace(/\.json$/, "");
        await openSample(page, file);
        await waitUntilStill(page);
        await snap(page, `first-view-${name}-${size.width}`);
        expect(await coverProblems(page), `${file} at first view`).toEqual([]);
        // Issue 22: every step in sight, its label drawn at 9 px or more (font size x zoom).
        expect(await sightProblems(page), `${file} at first view`).toEqual([]);
        // Fit: the readable frame (or the whole flow), then, pressed again, the whole flow.
        for (const press of ["Fit", "Fit again"]) {
          await page.getByTestId("toolbar-fit").click();
          await page.waitForTimeout(400);
          await waitUntilStill(page);
          expect(await coverProblems(page), `${file} after ${press}`).toEqual([]);
          if (press === "Fit") expect(await sightProblems(page), `${file} after Fit`).toEqual([]);
        }
        await snap(page, `fit-whole-${name}-${size.width}`);
      }
      expect(pageErrors(page)).toEqual([]);
      await context.close();
    });
  }
});

/**
 * Steps out of sight of the canvas, or whose label is drawn under 9 px (its computed font
 * size times the canvas's zoom); and a header that is not one 48 px row.
 */
async function sightProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const pane = document.querySelector('[data-testid="canvas"] .react-flow')?.getBoundingClientRect();
    const transform = (document.querySelector(".react-flow__viewport") as HTMLElement | null)?.style.transform ?? "";
    const zoom = Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? Number.NaN);
    if (!pane) return ["no canvas"];
    for (const step of document.querySelectorAll(".react-flow__node .step")) {
      const id = step.getAttribute("data-testid") ?? "";
      const r = step.getBoundingClientRect();
      if (r.left < pane.left - 1 || r.right > pane.right + 1 || r.top < pane.top - 1 || r.bottom > pane.bottom + 1)
        problems.push(`${id} is out of sight`);
      const label = step.querySelector('[data-testid="node-label"]');
      const px = label ? Number.parseFloat(getComputedStyle(label).fontSize) * zoom : 0;
      if (!(px >= 9)) problems.push(`${id}'s label is drawn at ${px.toFixed(1)} px`);
    }
    const header = document.querySelector('[data-testid="toolbar"]')?.getBoundingClientRect();
    if (window.innerWidth >= 1280 && header?.height !== 48) problems.push(`the header is ${header?.height} px tall`);
    return problems;
  });
}

/**
 * What hides work at this view: a step under the minimap or the zoom buttons, a label on
 * another label, a label on a step. Screen boxes, 1 px of slack.
 */
async function coverProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Rect = { left: number; top: number; right: number; bottom: number };
    const hit = (a: Rect, b: Rect) =>
      a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    const pane = document.querySelector('[data-testid="canvas"] .react-flow')?.getBoundingClientRect();
    if (!pane) return ["no canvas"];
    const inPane = (r: Rect) =>
      r.right > pane.left && r.left < pane.right && r.bottom > pane.top && r.top < pane.bottom;
    const steps = [...document.querySelectorAll(".react-flow__node .step")]
      .map((el) => ({ id: el.getAttribute("data-testid") ?? "", r: el.getBoundingClientRect() }))
      .filter((s) => inPane(s.r));
    const labels = [...document.querySelectorAll(".react-flow__edge")]
      .map((el) => ({ id: el.getAttribute("data-id") ?? "", box: el.querySelector(".react-flow__edge-textwrapper") }))
      .filter((l) => l.box)
      .map((l) => ({ id: l.id, r: (l.box as Element).getBoundingClientRect() }))
      .filter((l) => inPane(l.r));
    const problems: string[] = [];
    const minimap = document.querySelector(".react-flow__minimap")?.getBoundingClientRect();
    // Folded only with its button there to show it.
    if (!minimap && !document.querySelector('[data-testid="controls-minimap"]'))
      problems.push("no minimap and no button to show it");
    const controls = document.querySelector('[data-testid="zoom-bar"]')?.getBoundingClientRect();
    for (const s of steps) {
      if (minimap && hit(s.r, minimap)) problems.push(`${s.id} is under the minimap`);
      if (controls && hit(s.r, controls)) problems.push(`${s.id} is under the zoom buttons`);
    }
    labels.forEach((l, k) => {
      for (const s of steps) if (hit(l.r, s.r)) problems.push(`label of ${l.id} is on ${s.id}`);
      for (const m of labels.slice(k + 1)) if (hit(l.r, m.r)) problems.push(`label of ${l.id} is on label of ${m.id}`);
    });
    return problems;
  });
}
