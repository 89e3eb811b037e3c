/**
 * Share links: the whole flow, compressed, in the URL fragment (`#share=...`), so no server
 * ever sees it. The payload is the flow file's JSON (serializeModel), deflated
 * (CompressionStream "deflate-raw", in browsers and Node 20 alike) and written as base64url.
 * Decoding a broken or truncated link says what is wrong instead of throwing.
 */
import { type Model, parseModelText, serializeModel } from "../model";

/** The fragment prefix that marks a share link. */
export const SHARE_PREFIX = "#share=";

export type ShareDecodeResult = { ok: true; model: Model } | { ok: false; message: string };

/** Encodes a flow as a URL fragment `#share=<base64url of deflate-raw(JSON)>`. */
export async function encodeShareLink(model: Model): Promise<string> {
  const json = new TextEncoder().encode(serializeModel(model));
  const packed = (await pipeBytes(json, new CompressionStream("deflate-raw"))) as Uint8Array;
  return `${SHARE_PREFIX}${toBase64Url(packed)}`;
}

/**
 * Decodes a share fragment (with or without the leading `#share=`, or a whole URL holding
 * one) back into a flow. A damaged link gives a message a person can act on.
 */
export async function decodeShareLink(fragment: string): Promise<ShareDecodeResult> {
  const unpacked = await unpackShareLink(fragment);
  if (!unpacked.ok) return unpacked;
  const parsed = parseModelText(unpacked.text);
  if (!parsed.ok) {
    const first = parsed.diagnostics[0]?.message ?? "unknown problem";
    return broken(`the flow inside it is not a valid Flowcast flow: ${first}`);
  }
  return { ok: true, model: parsed.model };
}

/**
 * The flow text a share fragment carries, unpacked with a bound on its size (a link of a
 * few KB must not unpack to gigabytes), or why it cannot be: the app parses the text in its
 * own guarded way (src/ui/export/share.ts), decodeShareLink with parseModelText.
 */
export async function unpackShareLink(
  fragment: string,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const payload = extractPayload(fragment);
  if (payload === undefined) return broken("it does not contain a flow (nothing after #share=).");
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) {
    return broken("it contains characters a share link never has; it may have been cut or edited when copied.");
  }
  const packed = fromBase64Url(payload);
  if (!packed) return broken("it is cut short or was changed when copied (the encoded text is incomplete).");
  try {
    const bytes = await pipeBytes(packed, new DecompressionStream("deflate-raw"), MAX_UNPACKED_BYTES);
    if (!bytes) {
      return broken(
        `the flow inside it unpacks to more than ${MAX_UNPACKED_BYTES / 1e6} MB, far more than any flow; it was not opened.`,
      );
    }
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return broken("it is cut short or was changed when copied (the compressed flow cannot be unpacked).");
  }
}

// helpers

function broken(reason: string): { ok: false; message: string } {
  return { ok: false, message: reason };
}

function extractPayload(fragment: string): string | undefined {
  const at = fragment.indexOf(SHARE_PREFIX);
  const payload = at >= 0 ? fragment.slice(at + SHARE_PREFIX.length) : fragment.replace(/^#/, "");
  const trimmed = payload.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** Most bytes a share link may unpack to: a link of a few KB must not unpack to gigabytes. */
const MAX_UNPACKED_BYTES = 20_000_000;

/** The transformed bytes, or undefined once they pass `limit` (the stream is then cancelled). */
async function pipeBytes(
  bytes: Uint8Array,
  transform: TransformStream<BufferSource, Uint8Array>,
  limit = Number.POSITIVE_INFINITY,
): Promise<Uint8Array | undefined> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

function toBase64Url(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    if (b !== undefined) out += ALPHABET[(n >> 6) & 63]!;
    if (c !== undefined) out += ALPHABET[n & 63]!;
  }
  return out;
}

/** Each base64url character's value by its char code (-1: not base64url). */
const VALUES = (() => {
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) values[ALPHABET.charCodeAt(i)] = i;
  return values;
})();

/**
 * Undefined when the length cannot come from whole bytes (a link cut mid-character). A
 * table lookup per char code: searching the alphabet for each character of a link of a few
 * megabytes held the page's main thread for over 100 ms.
 */
function fromBase64Url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? (VALUES[code] as number) : -1;
    if (value < 0) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 255;
    }
  }
  return bytes.subarray(0, at);
}
