/**
 * Opening a flow from a share link (`#share=...` in the URL fragment): unpacks the
 * compressed flow with a bound on its unpacked size (unpackShareLink, beside the writer in
 * `src/io/share.ts`), then decodes it through the guarded parser, so a hostile link can
 * neither touch the page's prototypes nor blow up memory. A refused link gives a message
 * and the unpacked text for download, and leaves the current flow alone (the caller loads
 * nothing).
 */
import { SHARE_PREFIX, unpackShareLink } from "../../io/share";
import type { Model } from "../../model";
import { parseFlowOffThread } from "../files/offThread";

export type ShareOpenResult =
  | { ok: true; model: Model }
  | {
      ok: false;
      message: string;
      /** The flow text the link carried, when it could be unpacked (for download). */
      text?: string;
    };

/** Decodes the flow carried by `hash` (a `location.hash` starting with `#share=`). */
export async function openShareFromHash(hash: string): Promise<ShareOpenResult> {
  if (!hash.startsWith(SHARE_PREFIX)) return { ok: false, message: "This address holds no share link." };
  const unpacked = await unpackShareLink(hash);
  if (!unpacked.ok) return { ok: false, message: unpacked.message };
  const parsed = await parseFlowOffThread(unpacked.text);
  if (!parsed.ok) {
    return {
      ok: false,
      message: `the flow inside it was refused: ${parsed.problems[0] ?? "unknown problem"}`,
      text: unpacked.text,
    };
  }
  return { ok: true, model: parsed.model };
}

/** The full URL of a share link for `fragment` on the current page. */
export function shareUrl(fragment: string, location: { origin: string; pathname: string }): string {
  return `${location.origin}${location.pathname}${fragment}`;
}
