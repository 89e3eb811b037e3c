import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allFields } from "./fields";
import { formatDocs } from "./formatDocs";

describe("docs/format.md", () => {
  const page = formatDocs();

  it("is what the generator writes (run `npm run docs:format` after changing the format)", () => {
    const committed = readFileSync(new URL("../../docs/format.md", import.meta.url), "utf8");
    expect(committed).toBe(page);
  });

  it("names every field of the format", () => {
    const missing = allFields().filter((f) => !page.includes(`${f.path.split(".").pop()}\` |`));
    expect(missing.map((f) => f.path)).toEqual([]);
  });
});
