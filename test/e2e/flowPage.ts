/**
 * What the designer's browser tests do as a user: open a sample from the start screen, find
 * steps on the canvas by `data-testid="node-<id>"`, drag a port onto a step, read the
 * position of steps.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";

/** The decoded-enough JSON of a sample file (ids and names only). */
export function sampleFile(file: string): { name: string; nodes: { id: string; kind: string; label?: string }[] } {
  return JSON.parse(readFileSync(join(process.cwd(), "samples", file), "utf8"));
}

/** Opens `samples/<file>` through the start screen and waits for its steps. */
export async function openSample(page: Page, file: string): Promise<void> {
  await page.getByTestId("toolbar-start").click();
  await page.getByTestId(`sample-${file.replace(/\.json$/, "")}`).click();
  const first = sampleFile(file).nodes[0];
  if (first) await page.getByTestId(`node-${first.id}`).waitFor();
}

/** Ids of the steps drawn on the canvas. */
export async function stepIds(page: Page): Promise<string[]> {
  return page
    .locator(".react-flow__node .step")
    .evaluateAll((els) => els.map((el) => el.getAttribute("data-testid")?.slice(5) ?? ""));
}

/** Ids of the edges drawn on the canvas. */
export async function edgeIds(page: Page): Promise<string[]> {
  return page.locator(".react-flow__edge").evaluateAll((els) => els.map((el) => el.getAttribute("data-id") ?? ""));
}

/** Drags out-port `port` of step `from` onto the in-handle of step `to`. */
export async function dragConnect(page: Page, from: string, port: string, to: string): Promise<void> {
  // Handles move while a layout or fit-view animates: start only once every step is still.
  await waitUntilStill(page);
  const source = page.locator(`[data-testid="node-${from}"] [data-handleid="${port}"]`);
  const target = page.locator(`[data-testid="node-${to}"] [data-handleid="in"]`);
  const a = await center(source);
  const b = await center(target);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
}

/** Screen boxes of the steps drawn on the canvas, by id. */
export async function stepBoxes(
  page: Page,
): Promise<Record<string, { x: number; y: number; width: number; height: number }>> {
  return page.locator(".react-flow__node .step").evaluateAll((els) =>
    Object.fromEntries(
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return [el.getAttribute("data-testid")?.slice(5) ?? "", { x: r.x, y: r.y, width: r.width, height: r.height }];
      }),
    ),
  );
}

/** Waits until no step moves on screen between two looks 250 ms apart (animations done). */
export async function waitUntilStill(page: Page, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = JSON.stringify(await stepBoxes(page));
  while (Date.now() < deadline) {
    await page.waitForTimeout(250);
    const now = JSON.stringify(await stepBoxes(page));
    if (now === last) return;
    last = now;
  }
  throw new Error("steps kept moving on the canvas for 10 s");
}

// helpers

async function center(locator: ReturnType<Page["locator"]>): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("element is not visible");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
