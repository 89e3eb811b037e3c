/**
 * Opening a flow from a share link (`#share=...` in the URL fragment): decodes the
 * compressed flow so the app can show it read-only with "Make a copy". A broken link gives
 * a message and leaves the current flow alone (the caller loads nothing).
 */
import { decodeShareLink, SHARE_PREFIX } from "../../io/share";
import type { Model } from "../../model";

export type ShareOpenResult = { ok: true; model: Model } | { ok: false; message: string };

/** Decodes the flow carried by `hash` (a `location.hash` starting with `#share=`). */
export async function openShareFromHash(hash: string): Promise<ShareOpenResult> {
  if (!hash.startsWith(SHARE_PREFIX)) return { ok: false, message: "This address holds no share link." };
  return decodeShareLink(hash);
}

/** The full URL of a share link for `fragment` on the current page. */
export function shareUrl(fragment: string, location: { origin: string; pathname: string }): string {
  return `${location.origin}${location.pathname}${fragment}`;
}
