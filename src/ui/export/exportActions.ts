/**
 * What the export menu does, apart from React: draw the flow's SVG (the same renderer as the
 * CLI), rasterise it on a canvas for PNG, open the printable runbook, build share links and
 * import Mermaid. Files are handed to the browser as downloads.
 */

import { toBpmn } from "../../io/bpmn/toBpmn";
import { fromMermaid, type MermaidImport } from "../../io/mermaid/fromMermaid";
import { escapeLabel, toMermaid } from "../../io/mermaid/toMermaid";
import { toRunbookHtml } from "../../io/runbook/runbookHtml";
import { toRunbookMarkdown } from "../../io/runbook/runbookMarkdown";
import { encodeShareLink } from "../../io/share";
import { type Positions, renderFlowSvg } from "../../io/svg/flowSvg";
import { rasterZoom } from "../../io/svg/rasterSize";
import { layoutFlow } from "../../layout/layoutFlow";
import type { Model } from "../../model";
import type { Results } from "../../sim/results";
import { downloadDataUrl, downloadText, fileStemOf } from "../results/download";
import { shareUrl } from "./share";

/** Positions of every node: the saved layout where it places every node, else elkjs. */
export async function positionsOf(model: Model): Promise<Positions> {
  if (model.nodes.every((n) => model.layout[n.id])) return model.layout;
  return { ...(await layoutFlow(model)), ...model.layout };
}

/** The flow's SVG document (whole flow, not the viewport). */
export async function flowSvg(model: Model, options: { load?: Results; scale?: number } = {}): Promise<string> {
  return renderFlowSvg(model, await positionsOf(model), options);
}

/** Downloads the flow as an SVG file. */
export async function downloadSvg(model: Model, load?: Results): Promise<void> {
  downloadText(`${stem(model)}.svg`, await flowSvg(model, load ? { load } : {}), "image/svg+xml");
}

/** Downloads the flow as a PNG at `scale` (1 or 2) times the SVG's size. */
export async function downloadPng(model: Model, scale: number, load?: Results): Promise<void> {
  const svg = await flowSvg(model, { scale, ...(load ? { load } : {}) });
  const blob = await rasteriseInBrowser(svg);
  const url = URL.createObjectURL(blob);
  downloadDataUrl(`${stem(model)}${scale === 1 ? "" : `@${scale}x`}.png`, url);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Rasterises an SVG document (at its width and height) to a PNG blob on a canvas, shrunk to
 * what a canvas can hold (rasterSize.ts) and refused in words when that would be unreadable.
 */
export async function rasteriseInBrowser(svg: string): Promise<Blob> {
  const [asked, askedHeight] = (/width="([\d.]+)" height="([\d.]+)"/.exec(svg) ?? []).slice(1).map(Number);
  const zoom = asked && askedHeight ? rasterZoom(asked, askedHeight) : 1;
  const width = asked === undefined ? undefined : asked * zoom;
  const height = askedHeight === undefined ? undefined : askedHeight * zoom;
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width ?? image.naturalWidth);
    canvas.height = Math.round(height ?? image.naturalHeight);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("this browser cannot draw on a canvas");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error("the picture could not be encoded"))),
        "image/png",
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Downloads the flow as a Mermaid flowchart. The title is escaped as labels are (`<` as
 * `#60;` ...), so a flow name such as `<img onerror=...>` never reaches a Mermaid renderer as
 * markup (issue 19).
 */
export function downloadMermaid(model: Model): void {
  downloadText(`${stem(model)}.mmd`, toMermaid({ ...model, name: escapeLabel(model.name) }), "text/plain");
}

/** Downloads the flow as BPMN 2.0 XML (Camunda Modeler, bpmn.io), every parameter kept for import. */
export async function downloadBpmn(model: Model): Promise<void> {
  downloadText(`${stem(model)}.bpmn`, await toBpmn(model, await positionsOf(model)), "application/xml");
}

export function downloadRunbookMarkdown(model: Model): void {
  downloadText(`${stem(model)}-runbook.md`, toRunbookMarkdown(model), "text/markdown");
}

/** Opens the printable runbook in a new tab (the browser's print dialog prints it). */
export async function openPrintableRunbook(model: Model): Promise<Window | null> {
  const html = toRunbookHtml(model, await positionsOf(model));
  const url = URL.createObjectURL(new Blob([html], { type: "text/html" }));
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return window.open(url, "_blank");
}

/** The full share URL of a flow, for the current page. */
export async function shareLinkOf(model: Model): Promise<string> {
  return shareUrl(await encodeShareLink(model), window.location);
}

/** Imports Mermaid text as a flow laid out by elkjs. */
export function importMermaid(text: string): Promise<MermaidImport> {
  return fromMermaid(text, layoutFlow);
}

// helpers

function stem(model: Model): string {
  return fileStemOf(model.name, null);
}
