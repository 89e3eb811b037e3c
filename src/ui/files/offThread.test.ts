import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseModelText, serializeModel } from "../../model";
import { diagnose } from "../shell/diagnose";
import { parseFlowGuarded } from "./guardedParse";
import { diagnoseOffThread, parseFlowOffThread, SMALL_TEXT, serializeFlowOffThread } from "./offThread";

const SAMPLE = readFileSync(new URL("../../../samples/three-tier-desk.json", import.meta.url), "utf8");

describe("flow work off the main thread (where Workers do not exist: in place)", () => {
  it("decodes long flow text as the guarded parser does, the layout without a prototype", async () => {
    const file = JSON.parse(SAMPLE) as { description?: string };
    file.description = "x".repeat(SMALL_TEXT);
    const text = JSON.stringify(file);
    const result = await parseFlowOffThread(text);
    const direct = parseFlowGuarded(text);
    expect(result.ok && direct.ok).toBe(true);
    if (!result.ok || !direct.ok) return;
    expect(serializeModel(result.model)).toBe(serializeModel(direct.model));
    expect(Object.getPrototypeOf(result.model.layout)).toBe(null);
  });

  it("writes and checks a flow as serializeModel and diagnose do", async () => {
    const parsed = parseModelText(SAMPLE);
    if (!parsed.ok) throw new Error("the sample does not decode");
    expect(await serializeFlowOffThread(parsed.model)).toBe(serializeModel(parsed.model));
    expect(await diagnoseOffThread(parsed.model)).toEqual(diagnose(parsed.model));
  });
});
