/** Escaping text for XML and HTML output (SVG, the printable runbook). */

/** Escapes the five XML special characters, so any label is safe in text and attributes. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
