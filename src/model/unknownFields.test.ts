/**
 * Issue 19: unknown fields in a flow file (a typo, a newer format's field) are warnings that
 * name the path and the nearest known field; the flow still decodes and validates the same,
 * and the warnings travel with the model (edits keep them, files never hold them).
 */
import { produce } from "immer";
import { describe, expect, it } from "vitest";
import { diagnose } from "../ui/shell/useDiagnostics";
import { loadWarnings, nearestField } from "./index";
import { parseModel, serializeModel } from "./parse";
import { checkModel } from "./validate";

const FLOW = {
  format: "flowcast/v1",
  name: "Typos",
  clock: { start: "2026-01-05T00:00", horizon: "3d", warmup: "1d", horizn: "5d" },
  teams: [{ id: "l1", agnets: 5, skills: ["billing"] }],
  nodes: [
    { id: "in", kind: "channel", arrivals: { perHour: 10, hourlee: [1] } },
    {
      id: "w",
      kind: "work",
      team: "l1",
      handleTime: { dist: "lognormal", mean: "6m", sd: "2m", sdd: 1 },
      handelTime: "9m",
      outcomes: { resolved: 1 },
      queue: { slaSeconds: 20, patience: "5m", zzz: true },
    },
    { id: "done", kind: "end" },
  ],
  edges: [
    { id: "e1", from: "in", to: "w", prot: "x" },
    { id: "e2", from: "w", port: "resolved", to: "done" },
  ],
  scenarios: [{ id: "s", set: { "teams.l1.agents": 3 } }],
  layout: { in: { x: 0, y: 0, z: 3 } },
  extra: 1,
};

describe("unknown fields", () => {
  const parsed = parseModel(FLOW);
  if (!parsed.ok) throw new Error("the flow must decode");

  it("are warnings naming the path and the nearest known field", () => {
    const lines = (parsed.warnings ?? []).map((w) => `${w.severity} ${w.path}: ${w.message}`);
    expect(lines).toEqual([
      "warning clock.horizn: unknown field; did you mean horizon? It is ignored.",
      "warning teams[0].agnets: unknown field; did you mean agents? It is ignored.",
      "warning teams[0].skills: a field of a newer Flowcast format, unknown to this version; it is ignored.",
      "warning nodes[0].arrivals.hourlee: unknown field; did you mean hourly? It is ignored.",
      "warning nodes[1].handleTime.sdd: unknown field; did you mean sd? It is ignored.",
      "warning nodes[1].handelTime: unknown field; did you mean handleTime? It is ignored.",
      expect.stringMatching(/^warning nodes\[1\]\.queue\.zzz: unknown field; it is ignored \(known here: .*slaSeconds/),
      "warning edges[0].prot: unknown field; did you mean port? It is ignored.",
      "warning layout.in.z: unknown field; it is ignored (known here: x, y).",
      expect.stringMatching(/^warning extra: unknown field; it is ignored/),
    ]);
    expect(parsed.warnings?.[1]).toMatchObject({ teamId: "l1" });
    expect(parsed.warnings?.[5]).toMatchObject({ nodeId: "w" });
  });

  it("never change what the flow is, nor make it invalid", () => {
    const clean = structuredClone(FLOW) as Record<string, unknown>;
    delete clean.extra;
    const plain = parseModel(JSON.parse(serializeModel(parsed.model)));
    expect(plain.ok && plain.warnings).toEqual([]);
    const checked = checkModel(FLOW);
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(checked.diagnostics.filter((d) => /unknown field|newer Flowcast/.test(d.message))).toHaveLength(10);
    expect(parsed.model.teams[0]?.agents).toBe(1);
  });

  it("travel with the model through edits, into the app's problems, but never into the file", () => {
    const edited = produce(parsed.model, (draft) => {
      draft.name = "Edited";
    });
    expect(loadWarnings(edited)).toHaveLength(10);
    expect(diagnose(edited).filter((d) => d.message.includes("did you mean agents"))).toHaveLength(1);
    expect(serializeModel(edited)).not.toContain("agnets");
  });

  it("the nearest field is found for swaps, case and small typos only", () => {
    const known = ["agents", "handleTime", "label", "costPerHour"];
    expect(nearestField("agnets", known)).toBe("agents");
    expect(nearestField("HandleTime", known)).toBe("handleTime");
    expect(nearestField("costperhour", known)).toBe("costPerHour");
    expect(nearestField("colour", known)).toBeUndefined();
  });

  it("a file with thousands of unknown fields lists fifty and counts the rest, quickly", () => {
    const many = {
      ...FLOW,
      layout: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`n${i}`, { x: 0, y: 0, q: 1 }])),
    };
    const started = performance.now();
    const result = parseModel(many);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.ok && result.warnings?.length).toBe(51);
    expect(result.ok && result.warnings?.[50]?.message).toMatch(/^\d+ more unknown fields are not listed/);
  });
});
