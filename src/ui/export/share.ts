/**
 * Opening a flow from a share link (`#share=...` in the URL fragment): unpacks the
 * compressed flow (deflate-raw, base64url, as `src/io/share.ts` writes it) with a bound on
 * its unpacked size, then decodes it through the guarded parser, so a hostile link can
 * neither touch the page's prototypes nor blow up memory. A refused link gives a message
 * and the unpacked text for download, and leaves the current flow alone (the caller loads
 * nothing).
 */
import { SHARE_PREFIX } from "../../io/share";
import type { Model } from "../../model";
import { MAX_FLOW_CHARS } from "../files/guardedParse";
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
  const payload = hash.slice(SHARE_PREFIX.length).trim();
  if (payload === "") return { ok: false, message: "it does not contain a flow (nothing after #share=)." };
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) {
    return {
      ok: false,
      message: "it contains characters a share link never has; it may have been cut or edited when copied.",
    };
  }
  const unpacked = await unpack(payload);
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

// helpers

const CUT = "it is cut short or was changed when copied (the compressed flow cannot be unpacked).";

/** Inflates base64url `payload`, stopping as soon as it grows past what a flow can be. */
async function unpack(payload: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  let bytes: Uint8Array;
  try {
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
    bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return { ok: false, message: "it is cut short or was changed when copied (the encoded text is incomplete)." };
  }
  try {
    const reader = new Blob([bytes as BlobPart])
      .stream()
      .pipeThrough(new DecompressionStream("deflate-raw"))
      .getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_FLOW_CHARS) {
        await reader.cancel();
        return { ok: false, message: "it unpacks to more than 20 MB; no flow is that large." };
      }
      chunks.push(value);
    }
    const text = new TextDecoder("utf-8", { fatal: true }).decode(await new Blob(chunks as BlobPart[]).arrayBuffer());
    return { ok: true, text };
  } catch {
    return { ok: false, message: CUT };
  }
}
