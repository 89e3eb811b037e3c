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
  const bytes = fromBase64Url(payload);
  if (!bytes) {
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

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * The bytes of base64url `text` (no padding), or undefined when its length cannot be one
 * (a cut link). A plain loop: `atob` and a byte per character through a callback take a
 * quarter of a second on a link of a few megabytes.
 */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < BASE64URL.length; i++) values[BASE64URL.charCodeAt(i)] = i;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? (values[code] as number) : -1;
    if (value < 0) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes.subarray(0, at);
}
