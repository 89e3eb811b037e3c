/**
 * One test per structural validation rule (ids, connections, ports, shares, references,
 * reachability): each breaks a small valid flow (validate.desk.json) in one way and checks
 * that the diagnostic names the place by label and id and points at the right path.
 */
import { describe, expect, it } from "vitest";
import { parseModel } from "./parse";
import { at, atAfterEdit, DESK, type Json, node, validateEdited } from "./testing";
import { checkModel, validateModel } from "./validate";

describe("the fixture", () => {
  it("is a valid flow with no diagnostics at all", () => {
    expect(validateEdited(() => {})).toEqual([]);
  });
});

describe("duplicate ids", () => {
  it("reports a second step with the same id at its id field", () => {
    const d = at(
      validateEdited((f) => f.nodes.push({ id: "done", kind: "end", label: "Closed again" })),
      "nodes[11].id",
    );
    expect(d).toMatchObject({ severity: "error", nodeId: "done" });
    expect(d.message).toContain('"Resolved" (done)');
    expect(d.message).toContain('"Closed again" (done)');
  });

  it("reports duplicate connection, team, contact type and scenario ids", () => {
    const ds = validateEdited((f) => {
      f.edges.push({ ...f.edges[0] });
      f.teams.push({ id: "l2", name: "Second L2" });
      f.contactTypes.push({ id: "login", name: "Login again" });
      f.scenarios.push({ id: "busy", name: "Busy again" });
    });
    expect(at(ds, "edges[16].id")).toMatchObject({ edgeId: "e1", message: expect.stringContaining('"e1"') });
    expect(at(ds, "teams[2].id")).toMatchObject({ teamId: "l2", message: expect.stringContaining('"Second L2" (l2)') });
    expect(at(ds, "contactTypes[2].id").message).toContain('"Login again" (login)');
    expect(at(ds, "scenarios[2].id").message).toContain('"Busy again" (busy)');
  });
});

describe("connections and ports", () => {
  it("reports a connection from a step that does not exist", () => {
    const d = atAfterEdit("edges[0].from", (f) => {
      f.edges[0].from = "fone";
    });
    expect(d).toMatchObject({ severity: "error", edgeId: "e1" });
    expect(d.message).toContain('"fone"');
    expect(d.message).toContain("does not exist");
  });

  it("reports a connection to a step that does not exist", () => {
    const d = atAfterEdit("edges[6].to", (f) => {
      f.edges[6].to = "finished";
    });
    expect(d.message).toMatch(
      /connection "e7" from "L1 answers" \(l1-answer\) to "finished" leads to a step that does not exist/i,
    );
  });

  it("reports a port the step does not have and lists the ports it has", () => {
    const d = atAfterEdit("edges[7].port", (f) => {
      f.edges[7].port = "escalte";
    });
    expect(d).toMatchObject({ severity: "error", edgeId: "e8" });
    expect(d.message).toContain('port "escalte", which "L1 answers" (l1-answer) does not have');
    expect(d.message).toContain("resolved, escalate, followUp and abandoned");
  });

  it("asks for a port when a connection leaves a step with several ways out without one", () => {
    const d = atAfterEdit("edges[2].port", (f) => {
      delete f.edges[2].port;
    });
    expect(d.message).toContain('"Reset bot" (bot)');
    expect(d.message).toContain("resolved and contact");
  });

  it("reports a connection leaving an end step", () => {
    const d = at(
      validateEdited((f) => f.edges.push({ id: "e99", from: "done", to: "phone" })),
      "edges[16].from",
    );
    expect(d).toMatchObject({ edgeId: "e99", message: expect.stringContaining("leaves an end step") });
  });

  it("reports an out port with nothing connected, at the outcome that creates it", () => {
    const d = atAfterEdit("nodes[4].outcomes.escalate", (f) => {
      f.edges.splice(7, 1); // e8: l1-answer escalate -> handoff
    });
    expect(d).toMatchObject({ severity: "error", nodeId: "l1-answer" });
    expect(d.message).toContain('"L1 answers" (l1-answer) has nothing connected to its "escalate" port');
  });

  it("reports an unconnected route rule port and a step with no way out", () => {
    const ds = validateEdited((f) => {
      f.edges = f.edges.filter((e: Json) => e.id !== "e5" && e.id !== "e10");
    });
    expect(at(ds, "nodes[3].rules[0].port").message).toContain(
      '"Triage" (triage) has nothing connected to its "big-refund" port',
    );
    expect(at(ds, "nodes[8]").message).toContain('"Auto reply" (ack) is not connected to a next step');
  });

  it("says nothing about an unconnected abandoned port (the contact is lost)", () => {
    const ds = validateEdited((f) => {
      node(f, "l2-answer").queue = { patience: "10m" };
    });
    expect(ds).toEqual([]);
  });

  it("reports several connections on one port as ambiguous, at the second one", () => {
    const d = at(
      validateEdited((f) => f.edges.push({ id: "e17", from: "phone", to: "bot" })),
      "edges[16].port",
    );
    expect(d).toMatchObject({ severity: "error", nodeId: "phone", edgeId: "e17" });
    expect(d.message).toContain('"Phone" (phone) has 2 connections on its "out" port ("e1" and "e17")');
    expect(d.message).toContain("ambiguous");
  });
});

describe("route steps", () => {
  it("reports a route with both rules and a split", () => {
    const d = atAfterEdit("nodes[3]", (f) => {
      node(f, "triage").split = { "big-refund": 0.1, otherwise: 0.9 };
    });
    expect(d.message).toContain('"Triage" (triage) has both rules and a split');
  });

  it("reports a route with neither rules nor a split", () => {
    const ds = validateEdited((f) => {
      delete node(f, "triage").rules;
    });
    expect(ds.find((d) => d.path === "nodes[3]" && d.message.includes("neither rules nor a split"))).toMatchObject({
      nodeId: "triage",
      severity: "error",
    });
  });
});

describe("shares", () => {
  it("reports outcome shares that do not add up to 1, in the words of the issue", () => {
    const d = atAfterEdit("nodes[4].outcomes", (f) => {
      node(f, "l1-answer").outcomes.resolved = 0.62;
    });
    expect(d).toMatchObject({ severity: "error", nodeId: "l1-answer" });
    expect(d.message).toBe('Outcome shares of "L1 answers" (l1-answer) add up to 0.90; they must add up to 1.');
  });

  it("accepts shares within 1e-6 of 1 and shows a near miss with enough digits", () => {
    expect(
      validateEdited((f) => {
        node(f, "check").outcomes = { confirmed: 0.7000004, reopened: 0.2, silent: 0.1 };
      }),
    ).toEqual([]);
    const d = atAfterEdit("nodes[7].outcomes", (f) => {
      node(f, "check").outcomes = { confirmed: 0.6999, reopened: 0.2, silent: 0.1 };
    });
    expect(d.message).toContain('"Customer confirms" (check) add up to 0.9999;');
  });

  it("checks per-type outcomes, splits and every channel mix", () => {
    const ds = validateEdited((f) => {
      node(f, "l2-answer").outcomesByType = { billing: { resolved: 0.5, unresolved: 0.4 } };
      node(f, "phone").mix = { billing: 0.5, login: 0.6 };
      node(f, "phone").priority = { high: 0.3, normal: 0.8 };
      node(f, "phone").customerTier = { gold: 0.2, standard: 0.7 };
      delete node(f, "triage").rules;
      node(f, "triage").split = { "big-refund": 0.5, otherwise: 0.4 };
    });
    expect(at(ds, "nodes[6].outcomesByType.billing").message).toContain(
      'Outcome shares for contact type "billing" of "L2 investigates" (l2-answer) add up to 0.90',
    );
    expect(at(ds, "nodes[0].mix").message).toContain('Contact type shares of "Phone" (phone) add up to 1.10');
    expect(at(ds, "nodes[0].priority").message).toContain('Priority shares of "Phone" (phone) add up to 1.10');
    expect(at(ds, "nodes[0].customerTier").message).toContain('Customer tier shares of "Phone" (phone) add up to 0.90');
    expect(at(ds, "nodes[3].split").message).toContain('Split shares of "Triage" (triage) add up to 0.90');
  });

  it("reports a share out of range on a model built by hand (not through the schema)", () => {
    const parsed = parseModel(structuredClone(DESK));
    if (!parsed.ok) throw new Error("fixture does not decode");
    const model = structuredClone(parsed.model);
    const work = model.nodes[4];
    if (work?.kind !== "work") throw new Error("fixture changed");
    work.outcomes.resolved = Number.NaN;
    const d = at(validateModel(model), "nodes[4].outcomes.resolved");
    expect(d.message).toContain('"L1 answers" (l1-answer): "resolved" is NaN');
  });
});

describe("references", () => {
  it("reports a work step handled by a team that does not exist, listing the teams", () => {
    const d = atAfterEdit("nodes[6].team", (f) => {
      node(f, "l2-answer").team = "l3";
    });
    expect(d).toMatchObject({ nodeId: "l2-answer", teamId: "l3" });
    expect(d.message).toContain(
      '"L2 investigates" (l2-answer) is handled by team "l3", which does not exist; teams: l1 and l2.',
    );
  });

  it("reports unknown contact types in mixes, deflection, per-type handle times, outcomes and rules", () => {
    const ds = validateEdited((f) => {
      node(f, "chat").mix = { logon: 1 };
      node(f, "bot").deflection = { logon: 0.3 };
      node(f, "l2-answer").handleTimeByType = { refunds: "30m" };
      node(f, "l2-answer").outcomesByType = { refunds: { resolved: 1 } };
      node(f, "triage").rules[0].if.contactType = ["billing", "bill"];
    });
    expect(at(ds, "nodes[1].mix.logon").message).toContain(
      '"Chat" (chat) names contact type "logon", which does not exist; contact types: billing and login.',
    );
    expect(at(ds, "nodes[2].deflection.logon").message).toContain('"Reset bot" (bot)');
    expect(at(ds, "nodes[6].handleTimeByType.refunds").message).toContain('"L2 investigates" (l2-answer)');
    expect(at(ds, "nodes[6].outcomesByType.refunds").message).toContain('contact type "refunds"');
    expect(at(ds, "nodes[3].rules[0].if.contactType").message).toContain(
      'Rule 1 of "Triage" (triage) tests contact type "bill"',
    );
  });

  it("reports a rule on a channel kind that does not exist, and warns about one no channel feeds", () => {
    const ds = validateEdited((f) => {
      node(f, "triage").rules.push({ if: { channel: "fax" }, port: "otherwise" });
      node(f, "triage").rules.push({ if: { channel: "email", priority: "critical" }, port: "otherwise" });
    });
    expect(at(ds, "nodes[3].rules[1].if.channel")).toMatchObject({
      severity: "error",
      message: expect.stringContaining(
        'Rule 2 of "Triage" (triage) tests channel "fax", which is not a kind of channel',
      ),
    });
    expect(at(ds, "nodes[3].rules[2].if.channel")).toMatchObject({
      severity: "warning",
      message: expect.stringContaining("no email channel feeds this flow"),
    });
    expect(at(ds, "nodes[3].rules[2].if.priority").message).toContain('priority "critical", which is not a priority');
  });
});

describe("reachability", () => {
  it("reports a step no channel leads to", () => {
    const d = atAfterEdit("nodes[11]", (f) => {
      f.nodes.push({ id: "orphan", kind: "delay", label: "Orphan wait", duration: "1m" });
      f.edges.push({ id: "e17", from: "orphan", to: "done" });
    });
    expect(d).toMatchObject({ severity: "error", nodeId: "orphan" });
    expect(d.message).toContain('"Orphan wait" (orphan) cannot be reached from any channel');
  });

  it("reports steps caught in a loop with no way to an end", () => {
    const ds = validateEdited((f) => {
      // The follow-up now only ever loops back to L1, and L1's resolved contacts go to the follow-up.
      f.edges.find((e: Json) => e.id === "e14").to = "l1-answer";
      f.edges.find((e: Json) => e.id === "e16").to = "ack";
      f.edges.find((e: Json) => e.id === "e7").to = "ack";
      f.edges.find((e: Json) => e.id === "e8").to = "ack";
    });
    const d = at(ds, "nodes[7]");
    expect(d.message).toContain('From "Customer confirms" (check) no path leads to an end step');
    expect(at(ds, "nodes[4]").nodeId).toBe("l1-answer");
    // The bot still reaches "Resolved" through its resolved port.
    expect(ds.some((x) => x.nodeId === "bot")).toBe(false);
  });

  it("reports a flow without a channel and a flow without an end, once each", () => {
    const empty = parseModel({ format: "flowcast/v1" });
    if (!empty.ok) throw new Error("an empty flow should decode");
    const ds = validateModel(empty.model);
    expect(ds.map((d) => d.message)).toEqual([
      expect.stringContaining("no channel step"),
      expect.stringContaining("no end step"),
    ]);
    expect(ds.every((d) => d.path === "nodes" && d.severity === "error")).toBe(true);
  });
});

describe("checkModel", () => {
  it("returns parse diagnostics without a model, and the model with semantic diagnostics", () => {
    expect(checkModel("{ not json")).toEqual({ diagnostics: [expect.objectContaining({ severity: "error" })] });
    const file = structuredClone(DESK);
    file.nodes[4].outcomes.resolved = 0.62;
    const result = checkModel(JSON.stringify(file));
    expect(result.model?.nodes).toHaveLength(11);
    expect(result.diagnostics.map((d) => d.path)).toEqual(["nodes[4].outcomes"]);
  });
});
