/**
 * The flow designer in a real Chromium: samples open on the canvas, a step is added from the
 * palette, connected and edited, validation points at it, undo/redo and auto-layout work.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openApp, pageErrors, snap } from "./browser";
import { dragConnect, edgeIds, openSample, sampleFile, stepBoxes, stepIds } from "./flowPage";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function freshPage(): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await openApp(browser);
  await page.getByTestId("canvas").waitFor();
  return { page, close: () => context.close() };
}

describe("the canvas", () => {
  it("opens a sample and shows every one of its steps, in lanes", async () => {
    const { page, close } = await freshPage();
    await openSample(page, "three-tier-desk.json");
    const sample = sampleFile("three-tier-desk.json");
    expect((await stepIds(page)).sort()).toEqual(sample.nodes.map((n) => n.id).sort());
    await expect(page.getByTestId("flow-name").textContent()).resolves.toContain(sample.name);
    expect(await page.getByTestId("lane-L1").count()).toBe(1);
    await snap(page, "canvas-three-tier");
    expect(pageErrors(page)).toEqual([]);
    await close();
  });

  it("adds a work step from the palette, connects it, and sets its team and handle time", async () => {
    const { page, close } = await freshPage();
    await openSample(page, "password-reset.json");
    await page.getByTestId("palette-work").click();
    const step = page.getByTestId("node-work");
    await step.waitFor();
    // The new step is selected, so the inspector shows its form.
    await page.getByTestId("inspector-node").waitFor();
    await page.getByTestId("inspector-team").selectOption("l2");
    await page.getByTestId("inspector-handleTime-mean").fill("9m");
    await page.getByTestId("inspector-handleTime-mean").press("Tab");
    await expect(step.textContent()).resolves.toContain("AHT 9 min");
    await expect(step.textContent()).resolves.toMatch(/L2/);
    // Move it clear of the sample's steps, then connect its "resolved" port to an end.
    await page.getByTestId("toolbar-layout").click();
    await page.getByTestId("toolbar-layout").getByText("Auto-layout").waitFor();
    // Auto-layout frames the start of the flow at a readable zoom; Fit twice shows it all.
    await page.getByTestId("toolbar-fit").click();
    await page.getByTestId("toolbar-fit").click();
    const before = await edgeIds(page);
    await dragConnect(page, "work", "resolved", "closed");
    await expect.poll(() => edgeIds(page)).toHaveLength(before.length + 1);
    expect((await edgeIds(page)).filter((id) => !before.includes(id))).toEqual(["work-resolved"]);
    await snap(page, "canvas-added-step");
    expect(pageErrors(page)).toEqual([]);
    await close();
  });

  it("lists a validation error for an unconnected step, and clicking it selects and centres the step", async () => {
    const { page, close } = await freshPage();
    await openSample(page, "password-reset.json");
    await page.getByTestId("dock-tab-problems").click();
    await expect(page.getByTestId("validation-ok").count()).resolves.toBe(1);
    await page.getByTestId("palette-end").click();
    await page.getByTestId("palette-delay").click();
    // The header's badge counts the problems and opens their list.
    await expect.poll(() => page.getByTestId("problems-badge").textContent()).toMatch(/\d/);
    await page.getByTestId("problems-badge").click();
    const problem = page.locator('[data-testid="diagnostic"][data-node="delay"][data-severity="error"]').first();
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toMatch(/delay|Automated/i);
    await expect(page.getByTestId("node-delay").getAttribute("data-severity")).resolves.toBe("error");
    // Select something else and pan away, then let the diagnostic bring the step back.
    await page.keyboard.press("Escape");
    await page.getByTestId("toolbar-fit").click();
    await page.waitForTimeout(400);
    await problem.click();
    await page.waitForTimeout(700);
    await expect(page.locator('[data-testid="node-delay"].is-selected').count()).resolves.toBe(1);
    const box = await page.getByTestId("node-delay").boundingBox();
    const canvas = await page.getByTestId("canvas").boundingBox();
    if (!box || !canvas) throw new Error("canvas or step not visible");
    expect(Math.abs(box.x + box.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(40);
    expect(Math.abs(box.y + box.height / 2 - (canvas.y + canvas.height / 2))).toBeLessThan(40);
    await snap(page, "canvas-validation");
    await close();
  });

  it("undoes and redoes adding, duplicating and deleting steps", async () => {
    const { page, close } = await freshPage();
    await openSample(page, "password-reset.json");
    const original = (await stepIds(page)).length;
    await page.getByTestId("palette-route").click();
    await page.getByTestId("node-route").waitFor();
    expect(await stepIds(page)).toHaveLength(original + 1);
    await page.keyboard.press("Control+d");
    await page.getByTestId("node-route-copy").waitFor();
    expect(await stepIds(page)).toHaveLength(original + 2);
    await page.keyboard.press("Delete");
    await expect.poll(() => stepIds(page)).toHaveLength(original + 1);
    await page.keyboard.press("Control+z");
    await expect.poll(() => stepIds(page)).toHaveLength(original + 2);
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+z");
    await expect.poll(() => stepIds(page)).toHaveLength(original);
    await page.keyboard.press("Control+Shift+z");
    await expect.poll(() => stepIds(page)).toHaveLength(original + 1);
    await page.keyboard.press("Control+y");
    await expect.poll(() => stepIds(page)).toHaveLength(original + 2);
    await page.getByTestId("toolbar-undo").click();
    await expect.poll(() => stepIds(page)).toHaveLength(original + 1);
    await close();
  });

  it("copies and pastes the selected steps with the edge between them", async () => {
    const { page, close } = await freshPage();
    await openSample(page, "password-reset.json");
    await page.getByTestId("node-ticket").click();
    await page.getByTestId("node-l1-reset").click({ modifiers: ["Control"] });
    await page.keyboard.press("Control+c");
    await page.keyboard.press("Control+v");
    await page.getByTestId("node-ticket-copy").waitFor();
    await page.getByTestId("node-l1-reset-copy").waitFor();
    expect(await edgeIds(page)).toContain("e-ticket-l1-reset-copy");
    await close();
  });

  it("auto-lays the flow out without overlaps, lanes top to bottom, in one undoable step", async () => {
    const { page, close } = await freshPage();
    await openSample(page, "three-tier-desk.json");
    const before = await stepBoxes(page);
    await page.getByTestId("toolbar-layout").click();
    await page.getByTestId("toolbar-layout").getByText("Auto-layout").waitFor();
    await page.waitForTimeout(500);
    const after = await stepBoxes(page);
    const boxes = Object.entries(after);
    for (const [a, p] of boxes)
      for (const [b, q] of boxes) {
        if (a >= b) continue;
        const overlap = p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
        expect(overlap, `${a} overlaps ${b}`).toBe(false);
      }
    const lanes = await page
      .locator(".lane")
      .evaluateAll((els) => els.map((el) => ({ label: el.textContent, top: el.getBoundingClientRect().top })));
    const ordered = [...lanes].sort((a, b) => a.top - b.top).map((lane) => lane.label);
    expect(ordered.filter((label) => label?.startsWith("L"))).toEqual(
      [...ordered.filter((label) => label?.startsWith("L"))].sort(),
    );
    await snap(page, "canvas-auto-layout");
    await page.getByTestId("toolbar-undo").click();
    await page.getByTestId("toolbar-fit").click();
    await page.waitForTimeout(500);
    const undone = await stepBoxes(page);
    // Back where they were (the view is fitted the same way, so screen boxes match).
    const moved = Object.keys(before).filter((id) => Math.abs((undone[id]?.x ?? 0) - (before[id]?.x ?? 0)) > 2);
    expect(moved).toEqual([]);
    await close();
  });

  it("offers to change a work step's team when it is dropped into another tier's lane", async () => {
    const { page, close } = await freshPage();
    await openSample(page, "three-tier-desk.json");
    await page.getByTestId("toolbar-layout").click();
    await page.getByTestId("toolbar-layout").getByText("Auto-layout").waitFor();
    await page.waitForTimeout(500);
    const step = await page.getByTestId("node-l1-email").boundingBox();
    const lane = await page.getByTestId("lane-L2").boundingBox();
    if (!step || !lane) throw new Error("step or lane not visible");
    const grab = { x: step.x + step.width / 2, y: step.y + 12 };
    await page.mouse.move(grab.x, grab.y);
    await page.mouse.down();
    await page.mouse.move(grab.x + 10, grab.y + 10, { steps: 3 });
    await page.mouse.move(grab.x + 20, lane.y + lane.height / 2 - step.height / 2 + 12, { steps: 8 });
    // Where the user let go (the step then keeps to its own lane until its team changes).
    const dropped = await page.getByTestId("node-l1-email").boundingBox();
    await page.mouse.up();
    const offer = page.getByRole("button", { name: "Use L2 specialists" });
    await offer.waitFor();
    await snap(page, "canvas-lane-drop");
    await offer.click();
    await page.waitForTimeout(300);
    await snap(page, "canvas-lane-drop-accepted");
    // The step stays near where it was dropped (in the L2 lane, in view; beside a step that
    // already holds the spot), not moved out of sight.
    const kept = await page.getByTestId("node-l1-email").boundingBox();
    const l2 = await page.getByTestId("lane-L2").boundingBox();
    if (!dropped || !kept || !l2) throw new Error("step or lane not visible after the team change");
    const canvas = await page.locator(".react-flow").boundingBox();
    if (!canvas) throw new Error("canvas not visible");
    expect(Math.abs(kept.x - dropped.x)).toBeLessThan(dropped.width * 1.5);
    expect(kept.y).toBeLessThanOrEqual(dropped.y + 4);
    expect(kept.x).toBeGreaterThanOrEqual(canvas.x);
    expect(kept.y + kept.height).toBeLessThanOrEqual(canvas.y + canvas.height);
    expect(kept.y).toBeGreaterThanOrEqual(l2.y);
    expect(kept.y + kept.height).toBeLessThanOrEqual(l2.y + l2.height);
    await page.getByTestId("node-l1-email").click();
    await expect(page.getByTestId("inspector-team").inputValue()).resolves.toBe("l2");
    await expect(page.getByTestId("node-l1-email").textContent()).resolves.toContain("L2 specialists");
    await close();
  });
});
