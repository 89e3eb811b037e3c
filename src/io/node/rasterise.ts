/**
 * PNG from the flow's SVG in Node, with resvg (a renderer that ships its own binary): the
 * same SVG the app rasterises on a canvas, so a picture from the CLI matches the app's.
 * Text is drawn with the system fonts (DejaVu Sans as the fallback family).
 */
import { Resvg } from "@resvg/resvg-js";

/** Rasterises an SVG document to PNG bytes at `scale` times its viewBox size (1 px per unit at 1). */
export function rasteriseSvg(svg: string, scale = 1): Uint8Array {
  const renderer = new Resvg(svg, {
    background: "#ffffff",
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
  });
  return renderer.render().asPng();
}

/** Width and height of a PNG from its header (bytes 16..24 of the IHDR chunk). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
