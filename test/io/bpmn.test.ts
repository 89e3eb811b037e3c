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
import { layeredLayout } from "../../src/io/mermaid/fallbackLayout";
import { parseModel, serializeModel, validateModel } from "../../src/model";
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

/** Text a label or name may hold: markup, quotes, CDATA ends, control characters, emoji. */
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "<img src=x onerror=alert(1)>",
    "a & b",
    '"quoted"',
    "]]>",
    "line\nbreak",
    "tab\there",
    "😀 ü",
    "\u0000\u0007",
  ),
);
const id = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_-]{0,6}$/),
  fc.constantFrom("__proto__", "constructor", "1st", "_x"),
);
const position = fc.record({
  x: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  y: fc.integer({ min: -5000, max: 5000 }),
});
const ports = fc.uniqueArray(fc.constantFrom("resolved", "escalated", "reopen", "lost", "constructor"), {
  minLength: 1,
  maxLength: 3,
});
const shares = ports.map((names) => Object.fromEntries(names.map((name, i) => [name, i === 0 ? 1 : 0])));

const nodeBody = fc.oneof(
  fc.record({
    kind: fc.constant("channel"),
    channel: fc.constantFrom("phone", "chat", "email"),
    arrivals: fc.record({ perHour: fc.double({ min: 0, max: 500, noNaN: true }) }),
  }),
  fc.record({ kind: fc.constant("selfService"), deflection: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant("route"), split: shares }),
  fc.record({ kind: fc.constant("route"), rules: fc.constant([{ if: { contactType: "billing" }, port: "billing" }]) }),
  fc.record(
    {
      kind: fc.constant("work"),
      team: fc.constantFrom("t1", "t2"),
      handleTime: fc.oneof(
        fc.constantFrom("6m", "90s"),
        fc.record({ dist: fc.constant("exponential"), mean: fc.integer({ min: 1, max: 3600 }) }),
      ),
      outcomes: shares,
      queue: fc.option(fc.record({ patience: fc.constant("2m") }), { nil: undefined }),
    },
    { requiredKeys: ["kind", "team", "handleTime", "outcomes"] },
  ),
  fc.record({ kind: fc.constant("escalate"), handoff: fc.constantFrom("structured", "none") }),
  fc.record({ kind: fc.constant("followUp"), wait: fc.constantFrom("1d", "3h"), outcomes: shares }),
  fc.record({ kind: fc.constant("delay"), duration: fc.integer({ min: 0, max: 86400 }) }),
  fc.record({ kind: fc.constant("end"), status: fc.constantFrom("resolved", "unresolved") }),
);

const flow = fc
  .record({
    name: text,
    ids: fc.uniqueArray(id, { minLength: 1, maxLength: 10 }),
    bodies: fc.array(nodeBody, { minLength: 10, maxLength: 10 }),
    labels: fc.array(fc.option(text, { nil: undefined }), { minLength: 10, maxLength: 10 }),
    placed: fc.array(fc.option(position, { nil: undefined }), { minLength: 10, maxLength: 10 }),
    links: fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat(),
        fc.option(fc.constantFrom("resolved", "billing", "otherwise", "contact"), { nil: undefined }),
      ),
      { maxLength: 14 },
    ),
    tiers: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
  })
  .map(({ name, ids, bodies, labels, placed, links, tiers }) => {
    const layout: Record<string, unknown> = Object.create(null);
    const nodes = ids.map((nodeId, i) => {
      const at = placed[i];
      if (at) layout[nodeId] = at;
      return { id: nodeId, ...(labels[i] !== undefined ? { label: labels[i] } : {}), ...bodies[i] };
    });
    const edges = links.map(([from, to, port], i) => ({
      id: `e${i}`,
      from: ids[from % ids.length],
      to: ids[to % ids.length],
      ...(port ? { port } : {}),
    }));
    return {
      format: "flowcast/v1",
      name,
      teams: [
        { id: "t1", name: "First line", tier: tiers[0] },
        { id: "t2", tier: tiers[1], agents: 3 },
      ],
      nodes,
      edges,
      scenarios: [{ id: "more", set: { "teams.t1.agents": 4 }, add: { "teams.t2.agents": 2 } }],
      targets: [{ kpi: "serviceLevel", atLeast: "80%" }],
      layout,
    };
  });

describe("BPMN round trip of generated flows", () => {
  it("gives back every generated flow exactly (fast-check, seed 23, 60 flows)", async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(flow, async (file) => {
        const parsed = parseModel(file);
        fc.pre(parsed.ok);
        if (!parsed.ok) return;
        const model = parsed.model;
        // Plain columns rather than elkjs for the unplaced steps: the same export, far quicker.
        const xml = await toBpmn(model, { ...layeredLayout(model), ...model.layout });
        const back = await fromBpmn(xml);
        if (!back.ok) throw new Error(back.errors.join("\n"));
        expect(serializeModel(back.model)).toBe(serializeModel(model));
        checked++;
      }),
      { seed: 23, numRuns: 60 },
    );
    expect(checked).toBeGreaterThan(50);
  });
});

async function importFixture(name: string) {
  const result = await fromBpmn(readFileSync(join(FIXTURES, name), "utf8"));
  if (!result.ok) throw new Error(result.errors.join("\n"));
  expect(result.report.exact).toBe(false);
  expect(validateModel(result.model).filter((d) => d.severity === "error")).toEqual([]);
  return result;
}

describe("BPMN import of diagrams from other tools", () => {
  it("reads a Camunda Modeler diagram: teams from lanes, timers, escalations, every guess and omission listed", async () => {
    const { model, report } = await importFixture("camunda-support.bpmn");
    expect(model.name).toBe("IT service desk");
    expect(model.teams.map((t) => [t.name, t.tier])).toEqual([
      ["1st level support", 1],
      ["2nd level support", 2],
    ]);
    const byId = new Map(model.nodes.map((n) => [n.id, n]));
    expect(byId.get("StartEvent_phone")).toMatchObject({ kind: "channel", channel: "phone" });
    expect(byId.get("Activity_investigate")).toMatchObject({ kind: "work", team: "2nd-level-support" });
    expect(byId.get("Event_wait_customer")).toMatchObject({
      kind: "delay",
      duration: { dist: "fixed", value: 4 * 3600 },
    });
    expect(byId.get("Gateway_solved")).toMatchObject({ kind: "route", split: { yes: 0.5, no: 0.5 } });
    expect(byId.has("Gateway_join")).toBe(false); // a joining gateway passes contacts through
    expect(report.guessed.map((g) => g.field)).toEqual(
      expect.arrayContaining(["arrivals.perHour", "handleTime", "split", "agents"]),
    );
    expect(report.guessed.find((g) => g.nodeId === "Gateway_solved")?.message).toContain(["$", "{solved}"].join(""));
    expect(report.unmapped.join("\n")).toMatch(/message flow "Confirmation e-mail"/);
    expect(report.unmapped.join("\n")).toMatch(/boundary event "3 days passed"/);
    expect(report.unmapped.join("\n")).toMatch(/"Escalate to vendor".*left out/);
    expect(Object.keys(model.layout).sort()).toEqual(model.nodes.map((n) => n.id).sort());
  });

  it("reads a bpmn.io diagram: the sub-process flattened with a note, data objects listed", async () => {
    const { model, report } = await importFixture("bpmnio-refund.bpmn");
    const edges = model.edges.map((e) => `${e.from}>${e.to}`);
    expect(edges).toEqual(
      expect.arrayContaining(["Activity_collect>Activity_policy", "Activity_policy>Gateway_amount"]),
    );
    expect(report.notes.join("\n")).toMatch(/sub-process "Check refund".*flattened/);
    expect(report.unmapped.join("\n")).toMatch(/data object/);
    expect(model.teams).toHaveLength(1);
  });

  it("reads a Signavio export: link events joined, status from the end's name, compensation and event sub-processes listed", async () => {
    const { model, report } = await importFixture("signavio-complaints.bpmn");
    const byId = new Map(model.nodes.map((n) => [n.id, n]));
    expect(model.edges).toContainEqual(
      expect.objectContaining({ from: "sid-GW-SEVERITY", to: "sid-TASK-ANALYSE", port: "serious" }),
    );
    expect(byId.get("sid-END-LEGAL")).toMatchObject({ kind: "end", status: "unresolved" });
    expect(byId.get("sid-END-CLOSED")).toMatchObject({ kind: "end", status: "resolved" });
    expect(byId.get("sid-START-EMAIL")).toMatchObject({
      kind: "channel",
      channel: "email",
      label: "Complaint by e-mail",
    });
    expect(model.teams.find((t) => t.name === "Quality team (Tier 2)")?.tier).toBe(2);
    const unmapped = report.unmapped.join("\n");
    expect(unmapped).toMatch(/compensation boundary event/);
    expect(unmapped).toMatch(/compensation task "Withdraw voucher"/);
    expect(unmapped).toMatch(/event sub-process "Customer withdraws complaint"/);
  });

  it("follows names and moves made in a BPMN editor on a Flowcast export", async () => {
    const model = loadFlow("samples/password-reset.json");
    const node = model.nodes.find((n) => n.kind === "work")!;
    const xml = await toBpmn(model, await flowPositions(model));
    const shapeAt = new RegExp(`(bpmnElement="Node_${node.id}">\\s*<dc:Bounds x=")([-\\d.]+)`);
    const edited = xml
      .replace(`id="Node_${node.id}" name="${node.label}"`, `id="Node_${node.id}" name="Renamed in Camunda"`)
      .replace(shapeAt, (_all, head: string, x: string) => `${head}${Number(x) + 300}`);
    const back = await fromBpmn(edited);
    if (!back.ok) throw new Error(back.errors.join("\n"));
    const moved = back.model.nodes.find((n) => n.id === node.id)!;
    expect(moved.label).toBe("Renamed in Camunda");
    expect(back.model.layout[node.id]!.x).toBeCloseTo(model.layout[node.id]!.x + 300, 0);
  });
});

describe("hostile BPMN", () => {
  const wrap = (body: string) =>
    `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">${body}</bpmn:definitions>`;

  async function refused(text: string, message: RegExp) {
    const started = performance.now();
    const result = await fromBpmn(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join("\n")).toMatch(message);
    expect(performance.now() - started).toBeLessThan(3000);
  }

  it("refuses entity expansion (billion laughs) without expanding anything", async () => {
    const entities = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join("");
    await refused(
      `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">${entities}]>${wrap('<bpmn:process id="p"><bpmn:task id="t" name="&l10;"/></bpmn:process>')}`,
      /DOCTYPE/,
    );
  });

  it("refuses 50,000 elements with the limit named", async () => {
    const tasks = Array.from({ length: 50_000 }, (_, i) => `<bpmn:task id="t${i}"/>`).join("");
    await refused(wrap(`<bpmn:process id="p">${tasks}</bpmn:process>`), /more than 10,000 steps/);
  });

  it("refuses deep nesting", async () => {
    const depth = 5000;
    await refused(
      wrap(`${'<bpmn:subProcess id="s">'.repeat(depth)}${"</bpmn:subProcess>".repeat(depth)}`),
      /nested more than 100 levels/,
    );
  });

  it("refuses what is not BPMN, naming the reason", async () => {
    await refused("", /no tasks|not a BPMN/);
    await refused("\u0000\u0001 binary", /not a BPMN|no tasks/);
    await refused('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', /not a BPMN 2.0 file/);
  });

  it("keeps __proto__ ids, names and lanes as plain data", async () => {
    const result = await fromBpmn(
      wrap(`<bpmn:process id="p" name="__proto__">
        <bpmn:laneSet id="ls"><bpmn:lane id="constructor" name="__proto__"><bpmn:flowNodeRef>__proto__</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
        <bpmn:startEvent id="start"/>
        <bpmn:task id="__proto__" name="constructor"/>
        <bpmn:endEvent id="toString"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="__proto__"/>
        <bpmn:sequenceFlow id="f2" name="__proto__" sourceRef="__proto__" targetRef="toString"/>
      </bpmn:process>`),
    );
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(result.model.nodes.map((n) => n.id)).toEqual(["start", "__proto__", "toString"]);
    expect(Object.hasOwn(result.model.layout, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(validateModel(result.model).filter((d) => d.severity === "error")).toEqual([]);
  });
});
