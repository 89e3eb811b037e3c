import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computeLanes } from "../../layout/lanes";
import { parseModelText } from "../../model";
import type { Results } from "../../sim/results";
import { pngSize, rasteriseSvg } from "../node/rasterise";
import { renderFlowSvg } from "./flowSvg";

const parsed = parseModelText(readFileSync(join(__dirname, "../../../test/io/fixtures/io.tiered.json"), "utf8"));
if (!parsed.ok) throw new Error("fixture does not parse");
const model = parsed.model;

describe("renderFlowSvg", () => {
  it("draws every node label, the title, the lanes and a legend", () => {
    const svg = renderFlowSvg(model, model.layout);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/);
    for (const label of ["Phone", "Email", "Triage", "L1 answers", "Hand off to L2", "L3 fixes", "Resolved"]) {
      expect(svg).toContain(`>${label}<`);
    }
    expect(svg).toContain(">Tiered support desk<");
    expect(svg).toContain("resolved 72%");
    for (const lane of computeLanes(model, model.layout)) expect(svg).toContain(`width="${lane.width}"`);
    expect(svg).toContain(">TIER 3<");
    expect(svg).toContain(">Follow-up<");
    expect(svg.match(/marker-end="url\(#fc-arrow\)"/g)).toHaveLength(model.edges.length);
  });

  it("escapes labels so the document stays well-formed XML", () => {
    const tricky = structuredClone(model);
    tricky.name = `Fish & "chips" <desk>`;
    tricky.nodes[0]!.label = "Q&A <live> 'now'";
    const svg = renderFlowSvg(tricky, tricky.layout);
    // The compact step box wraps the label after "<live>".
    expect(svg).toContain(">Q&amp;A &lt;live&gt;</text>");
    expect(svg).toContain(">&apos;now&apos;</text>");
    expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    // resvg parses strictly (it rejects malformed XML and duplicate attributes).
    expect(() => rasteriseSvg(svg)).not.toThrow();
  });

  it("scales width and height but not the viewBox", () => {
    const one = renderFlowSvg(model, model.layout);
    const two = renderFlowSvg(model, model.layout, { scale: 2 });
    const size = (svg: string) =>
      /width="(\d+)" height="(\d+)" viewBox="0 0 (\d+) (\d+)"/.exec(svg)!.slice(1).map(Number);
    const [w1, h1, vw1, vh1] = size(one);
    const [w2, h2, vw2, vh2] = size(two);
    expect([w2, h2, vw2, vh2]).toEqual([w1! * 2, h1! * 2, vw1, vh1]);
  });

  it("rasterises at 1x and 2x to PNGs of the viewBox size", () => {
    const svg = renderFlowSvg(model, model.layout);
    const [vw, vh] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!.slice(1).map(Number);
    expect(pngSize(rasteriseSvg(svg, 1))).toEqual({ width: vw, height: vh });
    expect(pngSize(rasteriseSvg(svg, 2))).toEqual({ width: vw! * 2, height: vh! * 2 });
  });

  it("colours work steps by their team's load from a run", () => {
    const estimate = (mean: number) => ({ mean, ci95: [mean, mean] as [number, number] });
    const load = {
      teams: { l1: { utilization: estimate(0.97) }, l2: { utilization: estimate(0.5) } },
      nodes: { "l1-answer": { kind: "work", entered: estimate(100), waitMean: estimate(42) } },
      edges: {},
    } as unknown as Results;
    const svg = renderFlowSvg(model, model.layout, { load });
    expect(svg).toContain("97% busy · wait 42 s");
    expect(svg).toContain('fill="#fecaca"');
    expect(svg).toContain('fill="#bbf7d0"');
  });

  it("leaves the legend out on request", () => {
    expect(renderFlowSvg(model, model.layout, { legend: false })).not.toContain(">Follow-up<");
  });
});
