/**
 * Connections stay drawn: the sequence from the bug report, verbatim, in a real Chromium.
 * Blank flow → add a Channel and an End → rename the End "Resolved" → drag the Channel's
 * handle to the End → reload → select the End and rename it "Closed": the edge is still
 * drawn, a new drag still connects, and Fit still fits.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";
import { drawnEdgeProblems } from "./edgeCheck";
import { dragConnect, edgeIds, waitUntilStill } from "./flowPage";

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
