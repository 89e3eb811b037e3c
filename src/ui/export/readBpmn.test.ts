import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBpmn } from "./readBpmn";

const CAMUNDA = readFileSync(join(__dirname, "../../../test/io/fixtures/camunda-support.bpmn"), "utf8");

describe("reading a chosen BPMN file (decoded where it is read, not on the page)", () => {
  it("reads a file the same as its pasted text", async () => {
    const pasted = await readBpmn(CAMUNDA);
    const chosen = await readBpmn({ file: new Blob([CAMUNDA]), name: "support.bpmn" });
    expect(chosen.ok).toBe(true);
    expect(chosen).toEqual(pasted);
  });

  it("reads a UTF-16 file with its byte order mark", async () => {
    const utf16 = new Uint8Array(2 + CAMUNDA.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < CAMUNDA.length; i++) {
      const code = CAMUNDA.charCodeAt(i);
      utf16[2 + 2 * i] = code & 0xff;
      utf16[3 + 2 * i] = code >> 8;
    }
    const chosen = await readBpmn({ file: new Blob([utf16]), name: "support.bpmn" });
    expect(chosen).toEqual(await readBpmn(CAMUNDA));
  });

  it("refuses a binary file in one short line naming it", async () => {
    const bytes = new Uint8Array(4096);
    bytes.set([0x89, 0x50, 0x4e, 0x47]);
    const chosen = await readBpmn({ file: new Blob([bytes]), name: "diagram.png" });
    expect(chosen.ok).toBe(false);
    if (chosen.ok) return;
    expect(chosen.errors).toHaveLength(1);
    expect(chosen.errors[0]).toMatch(/^diagram\.png is not a text file: it holds binary data/);
    expect(chosen.errors[0]?.length).toBeLessThan(200);
  });

  it("names the lines of a file that is not UTF-8", async () => {
    const latin1 = new TextEncoder().encode(CAMUNDA.replace("Triage", "Tri\u0000age"));
    latin1[latin1.indexOf(0)] = 0xe9; // é in Latin-1
    const chosen = await readBpmn({ file: new Blob([latin1]), name: "support.bpmn" });
    expect(chosen.ok).toBe(false);
    if (!chosen.ok) expect(chosen.errors[0]).toMatch(/^support\.bpmn is not valid UTF-8 text: bytes on line \d+/);
  });

  it("refuses a file too big to read before reading it", async () => {
    const huge = { size: 50_000_000, arrayBuffer: () => Promise.reject(new Error("read")) } as unknown as Blob;
    const chosen = await readBpmn({ file: huge, name: "huge.bpmn" });
    expect(chosen).toEqual({
      ok: false,
      errors: ["huge.bpmn is 50,000,000 bytes long; Flowcast reads BPMN files of at most 20,000,000 characters"],
    });
  });
});
