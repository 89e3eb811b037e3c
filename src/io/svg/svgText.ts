/**
 * Text in exported SVG without a DOM to measure it: widths are estimated from an average
 * glyph width (generous, so text fits in the widest fallback font), and labels wrap on words.
 */

/** Average glyph width as a share of the font size (DejaVu Sans, the widest fallback, is ~0.58). */
const GLYPH_WIDTH = 0.6;

/** Estimated width of `text` at `fontSize` px. */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * GLYPH_WIDTH;
}

/**
 * Wraps `text` into at most `maxLines` lines no wider than `width` px; the last line ends
 * with "…" when text is left over.
 */
export function wrapText(text: string, width: number, fontSize: number, maxLines: number): string[] {
  const maxChars = Math.max(4, Math.floor(width / (fontSize * GLYPH_WIDTH)));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= maxChars) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (line.length > maxChars) {
      lines.push(`${line.slice(0, maxChars - 1)}-`);
      line = line.slice(maxChars - 1);
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${last.length >= maxChars ? last.slice(0, maxChars - 1) : last}…`;
  return kept;
}
