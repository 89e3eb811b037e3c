/**
 * PNG from the flow's SVG in Node, with resvg (a renderer that ships its own binary): the
 * same SVG the app rasterises on a canvas, so a picture from the CLI matches the app's.
 * Text is drawn with the system fonts (DejaVu Sans as the fallback family).
 *
 * The picture is bounded: a step placed at x = 10,000,000 would ask for terabytes of pixels,
 * so the zoom is lowered until the picture fits MAX_SIDE and MAX_PIXELS, and the caller is
 * told.
 */
import { Resvg } from "@resvg/resvg-js";
import { rasterZoom } from "../svg/rasterSize";

export { MAX_PIXELS, MAX_SIDE } from "../svg/rasterSize";

/** A rasterised picture and the zoom it was drawn at (lower than asked when it had to fit). */
export interface Raster {
  png: Uint8Array;
  scale: number;
  requestedScale: number;
  width: number;
  height: number;
}

/**
 * Rasterises an SVG document to PNG bytes at `scale` times its viewBox size (1 px per unit
 * at 1), or smaller when that would pass MAX_SIDE or MAX_PIXELS. Throws a RangeError when
 * even a picture 1 px high would be too wide to read (a layout spread over millions of px).
 */
export function rasteriseSvgBounded(svg: string, scale = 1): Raster {
  const { width, height } = viewBoxSize(svg) ?? measure(svg);
  const fit = rasterZoom(width, height, scale);
  const png = renderer(svg, fit).render().asPng();
  const size = pngSize(png);
  return { png, scale: fit, requestedScale: scale, ...size };
}

/** Rasterises an SVG document to PNG bytes at `scale` times its viewBox size, bounded as rasteriseSvgBounded. */
export function rasteriseSvg(svg: string, scale = 1): Uint8Array {
  return rasteriseSvgBounded(svg, scale).png;
}

/** Width and height of a PNG from its header (bytes 16..24 of the IHDR chunk). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

// helpers

function renderer(svg: string, zoom: number): Resvg {
  return new Resvg(svg, {
    background: "#ffffff",
    fitTo: { mode: "zoom", value: zoom },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
  });
}

/** Size of an SVG without a viewBox, from resvg's parse (parsing does not allocate pixels). */
function measure(svg: string): { width: number; height: number } {
  const parsed = new Resvg(svg);
  return { width: parsed.width, height: parsed.height };
}

function viewBoxSize(svg: string): { width: number; height: number } | undefined {
  const match = /<svg\b[^>]*\bviewBox="\s*[-\d.e]+[\s,]+[-\d.e]+[\s,]+([\d.e+]+)[\s,]+([\d.e+]+)\s*"/.exec(
    svg.slice(0, 2000),
  );
  if (!match) return undefined;
  const width = Number(match[1]);
  const height = Number(match[2]);
  return width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height) ? { width, height } : undefined;
}
