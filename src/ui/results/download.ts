/** Saving files from the page: a text or a data URL handed to the browser as a download. */

/** Offers `text` as a file named `fileName` of type `mime`. */
export function downloadText(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  downloadDataUrl(fileName, url);
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offers a data: or blob: URL as a file named `fileName`. */
export function downloadDataUrl(fileName: string, url: string): void {
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
}

/** A file-name-safe stem from a flow name and scenario ("Tiered desk", "plus2" -> "tiered-desk-plus2"). */
export function fileStemOf(model: string, scenario: string | null): string {
  const stem = [model, scenario ?? ""]
    .join(" ")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return stem || "results";
}
