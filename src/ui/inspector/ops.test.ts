import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Draft } from "immer";
import { describe, expect, it } from "vitest";
import { DIST_KINDS, type Dist, distMean, type Model, parseModelText } from "../../model";
import { FlowStore } from "../state/store";
import {
  addContactType,
  addOutcome,
  addRule,
  addShift,
  addTeam,
  checkNewId,
  checkNewName,
  convertDist,
  idFromName,
  moveItem,
  normaliseShares,
  removeContactType,
  removeOutcome,
  removeRule,
  removeShare,
  removeShift,
  removeTeam,
  renameContactTypeId,
  renameNodeId,
  renameOutcome,
  renameTeamId,
  setRouteMode,
  setRuleCondition,
  setRulePort,
} from "./ops";

function fixture(): Model {
  const result = parseModelText(readFileSync(join(import.meta.dirname, "ops.tiered.json"), "utf8"));
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.model;
}

/** Runs `recipe` as one store edit, checks it with `expectAfter`, then undo restores and redo re-applies it. */
function checkEdit(recipe: (draft: Draft<Model>) => void, expectAfter: (model: Model, before: Model) => void): void {
  const store = new FlowStore(fixture());
  const before = store.getState().model;
  store.edit("test", recipe);
  const after = store.getState().model;
  expect(after).not.toBe(before);
  expectAfter(after, before);
  store.undo();
  expect(store.getState().model).toEqual(before);
  store.redo();
  expect(store.getState().model).toEqual(after);
  expectAfter(store.getState().model, before);
}

const work = (m: Model, id: string) => {
  const node = m.nodes.find((n) => n.id === id);
  if (node?.kind !== "work") throw new Error(`${id} is not a work node`);
  return node;
};
const route = (m: Model) => {
  const node = m.nodes.find((n) => n.id === "triage");
  if (node?.kind !== "route") throw new Error("no route");
  return node;
};

describe("renameNodeId", () => {
  it("renames edges, the layout key and scenario paths, undoably", () => {
    checkEdit(
      (d) => renameNodeId(d, "l1-phone", "l1-answer"),
      (m) => {
        expect(m.nodes.map((n) => n.id)).toContain("l1-answer");
        expect(m.nodes.map((n) => n.id)).not.toContain("l1-phone");
        expect(m.edges.filter((e) => e.to === "l1-answer").map((e) => e.id)).toEqual(["e2", "e3"]);
        expect(m.edges.filter((e) => e.from === "l1-answer").map((e) => e.id)).toEqual(["e4", "e5"]);
        expect(m.layout["l1-answer"]).toEqual({ x: 300, y: 0 });
        expect(m.layout["l1-phone"]).toBeUndefined();
        expect(Object.keys(m.scenarios[0]?.set ?? {})).toEqual(["teams.l1.agents", "nodes.l1-answer.queue.slaSeconds"]);
      },
    );
  });

  it("rejects a duplicate or invalid id and records nothing", () => {
    const store = new FlowStore(fixture());
    expect(() => store.edit("x", (d) => renameNodeId(d, "phone", "done"))).toThrow(/already used/);
    expect(() => store.edit("x", (d) => renameNodeId(d, "phone", "-bad id"))).toThrow(/letters, digits/);
    expect(store.canUndo()).toBe(false);
    expect(checkNewId("phone", ["phone"], "phone")).toBeUndefined();
    expect(checkNewId("", [])).toMatch(/empty/);
  });
});

describe("checkNewName", () => {
  it("words checkNewId's refusals for a name", () => {
    expect(checkNewName("billing", ["billing", "tech"])).toBe('Name "billing" is already used');
    expect(checkNewName("billing", ["billing"], "billing")).toBeUndefined();
    expect(checkNewName("", [])).toMatch(/^Name .*empty/);
  });
});

describe("renameTeamId", () => {
  it("follows into work steps and scenario paths", () => {
    checkEdit(
      (d) => renameTeamId(d, "l1", "front"),
      (m) => {
        expect(work(m, "l1-phone").team).toBe("front");
        expect(work(m, "l2-work").team).toBe("l2");
        expect(m.teams.map((t) => t.id)).toEqual(["front", "l2"]);
        expect(Object.keys(m.scenarios[0]?.set ?? {})[0]).toBe("teams.front.agents");
      },
    );
  });
});

describe("renameContactTypeId", () => {
  it("renames mix keys (order kept), per-type fields and route conditions", () => {
    checkEdit(
      (d) => renameContactTypeId(d, "billing", "invoice"),
      (m) => {
        const phone = m.nodes.find((n) => n.id === "phone");
        expect(phone?.kind === "channel" && Object.entries(phone.mix ?? {})).toEqual([
          ["invoice", 0.4],
          ["login", 0.6],
        ]);
        expect(route(m).rules?.[0]?.if.contactType).toBe("invoice");
        expect(m.contactTypes[0]?.id).toBe("invoice");
      },
    );
    checkEdit(
      (d) => renameContactTypeId(d, "login", "signin"),
      (m) => {
        expect(Object.keys(work(m, "l1-phone").handleTimeByType ?? {})).toEqual(["signin"]);
        expect(Object.keys(work(m, "l1-phone").outcomesByType ?? {})).toEqual(["signin"]);
      },
    );
  });

  it("removing a contact type drops its keys", () => {
    checkEdit(
      (d) => removeContactType(d, "login"),
      (m) => {
        expect(m.contactTypes.map((c) => c.id)).toEqual(["billing"]);
        expect(work(m, "l1-phone").handleTimeByType).toBeUndefined();
        expect(work(m, "l1-phone").outcomesByType).toBeUndefined();
      },
    );
  });
});

describe("outcomes", () => {
  it("renaming an outcome renames its share, per-type shares and the port of its edges", () => {
    checkEdit(
      (d) => renameOutcome(d, "l1-phone", "escalate", "to-l2"),
      (m) => {
        const node = work(m, "l1-phone");
        expect(Object.keys(node.outcomes)).toEqual(["resolved", "to-l2"]);
        expect(node.outcomesByType?.login).toEqual({ resolved: 0.9, "to-l2": 0.1 });
        expect(m.edges.find((e) => e.id === "e5")?.port).toBe("to-l2");
        expect(m.edges.find((e) => e.id === "e4")?.port).toBe("resolved");
      },
    );
  });

  it("refuses to rename onto an existing outcome", () => {
    const store = new FlowStore(fixture());
    expect(() => store.edit("x", (d) => renameOutcome(d, "l1-phone", "escalate", "resolved"))).toThrow(
      /already exists/,
    );
    expect(store.canUndo()).toBe(false);
  });

  it("adds an outcome under a fresh name and removes one with its edges", () => {
    checkEdit(
      (d) => {
        addOutcome(d, "l1-phone");
        addOutcome(d, "l1-phone");
      },
      (m) =>
        expect(Object.keys(work(m, "l1-phone").outcomes)).toEqual(["resolved", "escalate", "outcome", "outcome-2"]),
    );
    checkEdit(
      (d) => removeOutcome(d, "l1-phone", "escalate"),
      (m) => {
        // Issue 22: the removed share is spread over the rest, so the shares still add up.
        expect(work(m, "l1-phone").outcomes).toEqual({ resolved: 1 });
        expect(work(m, "l1-phone").outcomesByType?.login).toEqual({ resolved: 1 });
        expect(m.edges.map((e) => e.id)).not.toContain("e5");
      },
    );
  });

  it("spreads a removed share over the rest in proportion, or equally when the rest are 0 (issue 22)", () => {
    const shares = { a: 0.5, b: 0.3, c: 0.2 };
    removeShare(shares, "a");
    expect(shares).toEqual({ b: 0.6, c: 0.4 });
    const zero = { a: 1, b: 0, c: 0 };
    removeShare(zero, "a");
    expect(zero).toEqual({ b: 0.5, c: 0.5 });
  });

  it("derives ids from names typed with spaces, read back as the same words (issue 22)", () => {
    expect(idFromName("Tier 1")).toBe("tier-1");
    expect(idFromName(" Needs evidence ")).toBe("needs-evidence");
    expect(idFromName("L2 queue")).toBe("L2-queue");
    expect(idFromName("followUp")).toBe("followUp");
    expect(idFromName("!!")).toBe("");
  });

  it("normalising shares makes them add up to 1, keeping proportions", () => {
    checkEdit(
      (d) => {
        const node = d.nodes.find((n) => n.id === "l1-phone");
        if (node?.kind === "work") node.outcomes = normaliseShares({ resolved: 3, escalate: 1 });
      },
      (m) => expect(work(m, "l1-phone").outcomes).toEqual({ resolved: 0.75, escalate: 0.25 }),
    );
    expect(normaliseShares({ a: 0, b: 0 })).toEqual({ a: 0.5, b: 0.5 });
  });
});

describe("route rules", () => {
  it("switches to a split keeping the ports, and back to rules", () => {
    checkEdit(
      (d) => setRouteMode(d, "triage", "split"),
      (m) => {
        expect(route(m).split).toEqual({ billing: 0.5, otherwise: 0.5 });
        expect(route(m).rules).toBeUndefined();
      },
    );
    checkEdit(
      (d) => {
        setRouteMode(d, "triage", "split");
        setRouteMode(d, "triage", "rules");
      },
      (m) => expect(route(m).rules).toEqual([{ if: {}, port: "billing" }]),
    );
  });

  it("sets and clears rule conditions", () => {
    checkEdit(
      (d) => {
        setRuleCondition(d, "triage", 0, "priority", ["urgent", "high"]);
        setRuleCondition(d, "triage", 0, "attempts", { gte: 2 });
        setRuleCondition(d, "triage", 0, "contactType", []);
      },
      (m) => expect(route(m).rules?.[0]?.if).toEqual({ priority: ["urgent", "high"], attempts: { gte: 2 } }),
    );
  });

  it("a port another rule still uses keeps its edges", () => {
    checkEdit(
      (d) => {
        const node = d.nodes.find((n) => n.id === "triage");
        if (node?.kind === "route") node.rules?.push({ if: { channel: "chat" }, port: "billing" });
        setRulePort(d, "triage", 0, "money");
      },
      (m) => {
        expect(route(m).rules?.map((r) => r.port)).toEqual(["money", "billing"]);
        expect(m.edges.find((e) => e.id === "e2")?.port).toBe("billing");
      },
    );
  });

  it("a rule's port rename moves its edges; add, move and remove rules", () => {
    checkEdit(
      (d) => setRulePort(d, "triage", 0, "money"),
      (m) => {
        expect(route(m).rules?.[0]?.port).toBe("money");
        expect(m.edges.find((e) => e.id === "e2")?.port).toBe("money");
      },
    );
    checkEdit(
      (d) => {
        addRule(d, "triage");
        const node = d.nodes.find((n) => n.id === "triage");
        if (node?.kind === "route" && node.rules) moveItem(node.rules, 1, 0);
      },
      (m) => expect(route(m).rules?.map((r) => r.port)).toEqual(["rule", "billing"]),
    );
    checkEdit(
      (d) => removeRule(d, "triage", 0),
      (m) => {
        expect(route(m).rules).toEqual([]);
        expect(m.edges.map((e) => e.id)).not.toContain("e2");
        expect(m.edges.map((e) => e.id)).toContain("e3");
      },
    );
  });
});

describe("teams and shifts", () => {
  it("adds and removes a shift; an emptied schedule is dropped", () => {
    checkEdit(
      (d) => addShift(d, "l2"),
      (m) =>
        expect(m.teams[1]?.schedule).toEqual([
          { days: ["mon", "tue", "wed", "thu", "fri"], from: "08:00", to: "17:00", agents: 4 },
        ]),
    );
    checkEdit(
      (d) => removeShift(d, "l1", 0),
      (m) => expect(m.teams[0]?.schedule).toBeUndefined(),
    );
  });

  it("removes a team and adds a contact type with a fresh id", () => {
    checkEdit(
      (d) => {
        removeTeam(d, "l2");
        addContactType(d);
      },
      (m) => {
        expect(m.teams.map((t) => t.id)).toEqual(["l1"]);
        expect(m.contactTypes.map((c) => c.id)).toEqual(["billing", "login", "type"]);
      },
    );
  });

  it("adds a team with a fresh id", () => {
    checkEdit(
      (d) => {
        addTeam(d);
        addTeam(d);
      },
      (m) => expect(m.teams.map((t) => t.id)).toEqual(["l1", "l2", "team", "team-2"]),
    );
  });

  it("adds a team named by the user, with its tier and agents (issue 22)", () => {
    checkEdit(
      (d) => void addTeam(d, "team", { name: "Billing L2", tier: 2, agents: 3 }),
      (m) => expect(m.teams.at(-1)).toMatchObject({ id: "billing-l2", name: "Billing L2", tier: 2, agents: 3 }),
    );
  });
});

describe("convertDist", () => {
  it("keeps the mean when switching to every kind", () => {
    const from: Dist = { dist: "lognormal", mean: 360, sd: 240 };
    for (const kind of DIST_KINDS) {
      const to = convertDist(from, kind);
      expect(to.dist).toBe(kind);
      expect(distMean(to)).toBeCloseTo(360, 9);
    }
  });
});
