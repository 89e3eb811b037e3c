/**
 * `flowcast schema` as a user runs it: prints the JSON Schema of flowcast/v1 generated from
 * the zod schema; `--out FILE` writes it; usage mistakes exit 2.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NODE_KINDS } from "../../src/model";
import { runCli } from "./run-cli";

/** Every `const` value anywhere in a JSON Schema (where the node kinds appear). */
function consts(schema: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(schema)) for (const item of schema) consts(item, out);
  else if (schema !== null && typeof schema === "object") {
    for (const [key, value] of Object.entries(schema)) {
      if (key === "const") out.push(value);
      else consts(value, out);
    }
  }
  return out;
}

describe("flowcast schema", () => {
  it("prints a JSON Schema that names every node kind and the format", async () => {
    const run = await runCli(["schema"]);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout);
    expect(schema.$schema).toContain("json-schema.org");
    expect(schema.title).toBe("Flowcast flow (flowcast/v1)");
    expect(schema.properties.format).toMatchObject({ const: "flowcast/v1" });
    expect(schema.required).toContain("format");
    const values = consts(schema);
    for (const kind of NODE_KINDS) expect(values).toContain(kind);
  });

  it("writes the same schema to a file with --out", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "flowcast-schema-")), "flowcast.schema.json");
    const written = await runCli(["schema", "--out", path]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe("");
    const printed = await runCli(["schema"]);
    expect(readFileSync(path, "utf8")).toBe(printed.stdout);
  });

  it("rejects unknown options and stray files with exit 2", async () => {
    expect((await runCli(["schema", "--yaml"])).code).toBe(2);
    const stray = await runCli(["schema", "flow.json"]);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain("schema takes no files");
  });
});
