/** Issue 19: input text with BOMs, UTF-16, invalid UTF-8 and binary data. */
import { describe, expect, it } from "vitest";
import { decodeText, detectEncoding, TextInput, TextInputError } from "./text";

const utf16le = (text: string, bom = true) => {
  const body = Buffer.from(text, "utf16le");
  return new Uint8Array(bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body);
};
const utf16be = (text: string) => {
  const le = Buffer.from(text, "utf16le");
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1] as number;
    be[i + 1] = le[i] as number;
  }
  return new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
};
const CSV = "ticket,time,team\nT1,2026-01-05T08:00,Équipe Ü\n";

describe("decodeText", () => {
  it("reads UTF-8 with and without a BOM, and UTF-16 either way round, with or without BOM", () => {
    expect(decodeText(new TextEncoder().encode(CSV))).toEqual({ text: CSV, encoding: "utf-8" });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CSV)]))).toEqual({
      text: CSV,
      encoding: "utf-8 with BOM",
    });
    expect(decodeText(utf16le(CSV))).toEqual({ text: CSV, encoding: "utf-16le" });
    expect(decodeText(utf16le(CSV, false))).toEqual({ text: CSV, encoding: "utf-16le" });
    expect(decodeText(utf16be(CSV))).toEqual({ text: CSV, encoding: "utf-16be" });
    expect(decodeText(new Uint8Array(0))).toEqual({ text: "", encoding: "utf-8" });
    expect(decodeText(new TextEncoder().encode("{}"))).toEqual({ text: "{}", encoding: "utf-8" });
  });

  it("names the lines that are not UTF-8, a few of them, and counts the rest", () => {
    const latin1 = new Uint8Array(Buffer.from(`a\n${"caf\u00e9\n".repeat(8)}`, "latin1"));
    expect(() => decodeText(latin1, "log.csv")).toThrow(
      /^log\.csv is not valid UTF-8 text: bytes on lines 2, 3, 4, 5, 6 and more are not UTF-8/,
    );
    const one = new Uint8Array(Buffer.from("a\nb\nsch\u00f6n\n", "latin1"));
    expect(() => decodeText(one, "x")).toThrow(/bytes on line 3 are not UTF-8/);
  });

  it("keeps a U+FFFD the file wrote itself", () => {
    expect(decodeText(new TextEncoder().encode("a\uFFFDb")).text).toBe("a\uFFFDb");
  });

  it("refuses binary data with a short message that quotes none of it", () => {
    const zeros = new Uint8Array(1_000_000);
    let message = "";
    try {
      decodeText(zeros, "zeros.bin");
    } catch (error) {
      expect(error).toBeInstanceOf(TextInputError);
      message = (error as Error).message;
    }
    expect(message).toBe(
      "zeros.bin is not a text file: it holds binary data (a zero byte at byte 1); expected text such as JSON or CSV",
    );
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(() => decodeText(png, "p.png")).toThrow(/p\.png is not a text file/);
  });

  it("streams: characters and line numbers across chunk boundaries", () => {
    const bytes = new TextEncoder().encode(`${"é\n".repeat(1000)}\u00ff`);
    const input = new TextInput("s");
    let text = "";
    for (let i = 0; i < bytes.length; i += 7) text += input.push(bytes.subarray(i, i + 7));
    text += input.end();
    expect(text).toBe(`${"é\n".repeat(1000)}\u00ff`);
    const bad = new Uint8Array([...new TextEncoder().encode("ok\n".repeat(40)), 0xe9, 0x0a]);
    const broken = new TextInput("b");
    expect(() => {
      for (let i = 0; i < bad.length; i += 5) broken.push(bad.subarray(i, i + 5));
      broken.end();
    }).toThrow(/line 41 are not UTF-8/);
  });

  it("tells UTF-16 without a BOM from UTF-8 by its zero bytes", () => {
    expect(detectEncoding(utf16le("ticket,time", false))).toBe("utf-16le");
    expect(detectEncoding(new TextEncoder().encode("ticket,time"))).toBe("utf-8");
  });
});
