/**
 * How large a PNG of the flow may be, in the app and on the command line alike: a step placed
 * at x = 10,000,000 would ask for terabytes of pixels (or, in a browser, a canvas the browser
 * silently leaves blank), so the zoom is lowered until the picture fits MAX_SIDE and
 * MAX_PIXELS, and a picture that would then be unreadable is refused with the reason.
 */

/** Longest side of a PNG (px): what browsers and image viewers still open. */
export const MAX_SIDE = 16_384;
/** Most pixels in a PNG: 64 megapixels, 256 MB while it is drawn. */
export const MAX_PIXELS = 64 * 1024 * 1024;
/** The shorter side below which a shrunk picture no longer shows a readable step. */
const MIN_READABLE_SIDE = 16;

/**
 * The zoom to draw a `width` x `height` picture at: `scale`, or lower when that would pass
 * MAX_SIDE or MAX_PIXELS. Throws a RangeError, in words, when even that would be unreadable.
 */
export function rasterZoom(width: number, height: number, scale = 1): number {
  const fit = Math.min(scale, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)));
  if (!(fit * Math.min(width, height) >= MIN_READABLE_SIDE)) {
    throw new RangeError(
      `the picture would be ${Math.round(width).toLocaleString("en")} x ${Math.round(height).toLocaleString("en")} px; shrunk to fit ${MAX_SIDE.toLocaleString("en")} px it would be unreadable. Export it as SVG instead, or move far-away steps closer`,
    );
  }
  return fit;
}
