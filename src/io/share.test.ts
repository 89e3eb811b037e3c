import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseModelText, serializeModel, validateModel } from "../model";
import { decodeShareLink, encodeShareLink, SHARE_PREFIX } from "./share";

const fixture = parseModelText(readFileSync(join(__dirname, "../../test/io/fixtures/io.tiered.json"), "utf8"));
if (!fixture.ok) throw new Error("fixture does not parse");
const model = fixture.model;

describe("share links", () => {
  it("carry the whole flow and decode to the same file", async () => {
    const link = await encodeShareLink(model);
    expect(link.startsWith(SHARE_PREFIX)).toBe(true);
    expect(link.slice(SHARE_PREFIX.length)).toMatch(/^[A-Za-z0-9_-]+$/);
    const decoded = await decodeShareLink(link);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(serializeModel(decoded.model)).toBe(serializeModel(model));
  });

  it("are compressed well below the size of the file", async () => {
    const link = await encodeShareLink(model);
    expect(link.length).toBeLessThan(serializeModel(model).length * 0.6);
  });

  it("decode from a whole URL too", async () => {
    const link = await encodeShareLink(model);
    const decoded = await decodeShareLink(`https://example.test/app/${link}`);
    expect(decoded.ok).toBe(true);
  });

  it("say a truncated link is cut short", async () => {
    const link = await encodeShareLink(model);
    const decoded = await decodeShareLink(link.slice(0, Math.floor(link.length / 2)));
    expect(decoded).toEqual({ ok: false, message: expect.stringMatching(/cut short|changed when copied/) });
  });

  it("say a link with foreign characters was edited", async () => {
    const decoded = await decodeShareLink(`${SHARE_PREFIX}abc$%def`);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.message).toMatch(/characters a share link never has/);
  });

  it("say an empty link holds no flow", async () => {
    const decoded = await decodeShareLink(SHARE_PREFIX);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.message).toMatch(/does not contain a flow/);
  });

  it("say when the compressed text is not a Flowcast flow", async () => {
    const other = await encodeShareLink({ ...model, nodes: [] });
    // Same codec, different content: swap in a valid deflate of something that is not a flow.
    const bytes = new TextEncoder().encode('{"hello": 1}');
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    const packed = new Uint8Array(await new Response(stream).arrayBuffer());
    const payload = Buffer.from(packed).toString("base64url");
    expect(other.startsWith(SHARE_PREFIX)).toBe(true);
    const decoded = await decodeShareLink(`${SHARE_PREFIX}${payload}`);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.message).toMatch(/not a valid Flowcast flow/);
  });

  it("refuse a link that unpacks to more than 20 MB (a decompression bomb, issue 13)", async () => {
    const bytes = new Uint8Array(30_000_000).fill(32);
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    const packed = new Uint8Array(await new Response(stream).arrayBuffer());
    const decoded = await decodeShareLink(`${SHARE_PREFIX}${Buffer.from(packed).toString("base64url")}`);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.message).toMatch(/more than 20 MB/);
  });

  it("open a link whose scenario tries to reach Object.prototype without touching it (issue 13)", async () => {
    const text = JSON.stringify({ ...JSON.parse(serializeModel(model)), scenarios: [] }).replace(
      '"scenarios":[]',
      '"scenarios":[{"id":"evil","set":{"clock.__proto__.polluted":1,"constructor.prototype.polluted":1}}]',
    );
    const stream = new Blob([new TextEncoder().encode(text)])
      .stream()
      .pipeThrough(new CompressionStream("deflate-raw"));
    const packed = new Uint8Array(await new Response(stream).arrayBuffer());
    const decoded = await decodeShareLink(`${SHARE_PREFIX}${Buffer.from(packed).toString("base64url")}`);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(validateModel(decoded.model).some((d) => d.message.includes("not a field"))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
