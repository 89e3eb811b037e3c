/**
 * Calibration keeps the log's shape (issue 20): a desk with known truth (two live channels
 * whose first work steps at L1 differ in handle time and patience and share L1's agents,
 * urgent and normal priorities served most urgent first, urgent phone tickets taking longer,
 * an escalation to L2, two end statuses) is simulated with its event log (`simulate --event-log`: the CSV text streamed
 * into the reader), calibrated, and every parameter is recovered.
 *
 * Sample: 20.5 days at 30 tickets an hour (about 14,700 tickets, seed 1); L1 runs at 80%
 * load so some callers hang up (over 340 abandonments per channel). Tolerances are about
 * three standard errors of each estimate from that sample or more: handle-time means 5%
 * (standard error under 1.5% with 2,500+ visits of cv 0.7: 4,500+ first visits per channel,
 * 30% of them urgent), patience 17% (exponential
 * MLE from k abandonments: standard error 1/sqrt(k), 5.4% at most), shares 2.5 points
 * (binomial standard error at most 0.8 point), the horizon to the hour. The seed is
 * fixed, so the outcome is the same on every run; the tolerances say how close the method
 * is, not how lucky the seed was.
 */
import { describe, expect, it } from "vitest";
import {
  calibrate,
  EventLogReader,
  EventLogWriter,
  endStatusOf,
  FLOWCAST_COLUMNS,
  keptStatuses,
} from "../../src/calibrate";
import { checkModel, parseModelText } from "../../src/model";
import { runReplication } from "../../src/sim";

const truth = {
  /** Not a whole number of days: the calibrated horizon must be the log's, not rounded. */
  days: 20.5,
  /** Phone: urgent tickets take longer (handleTimeByPriority); chat's do not. */
  phone: { perHour: 20, handleMean: 360, urgentHandleMean: 600, patienceMean: 240, urgent: 0.3 },
  chat: { perHour: 10, handleMean: 720, patienceMean: 600, urgent: 0.3 },
  /** Of L1's answered tickets: escalated, cancelled (the rest resolved). */
  l1: { escalate: 0.2, cancelled: 0.1 },
  l2: { handleMean: 1500, cancelled: 0.25 },
};

const desk = {
  format: "flowcast/v1",
  name: "Known two-channel desk",
  clock: { start: "2026-01-05T00:00", horizon: truth.days * 86400, warmup: "1d" },
  teams: [
    { id: "l1", tier: 1, agents: 5 },
    { id: "l2", tier: 2, agents: 4 },
  ],
  nodes: [
    {
      id: "phone",
      kind: "channel",
      channel: "phone",
      arrivals: { perHour: truth.phone.perHour },
      priority: { urgent: truth.phone.urgent, normal: 1 - truth.phone.urgent },
    },
    {
      id: "chat",
      kind: "channel",
      channel: "chat",
      arrivals: { perHour: truth.chat.perHour },
      priority: { urgent: truth.chat.urgent, normal: 1 - truth.chat.urgent },
    },
    {
      ...l1Step("l1-phone", truth.phone),
      handleTimeByPriority: {
        urgent: { dist: "lognormal", mean: truth.phone.urgentHandleMean, sd: truth.phone.urgentHandleMean * 0.7 },
      },
    },
    l1Step("l1-chat", truth.chat),
    { id: "esc", kind: "escalate", noteTime: 0 },
    {
      id: "l2-work",
      kind: "work",
      team: "l2",
      handleTime: { dist: "gamma", mean: truth.l2.handleMean, sd: 900 },
      outcomes: { resolved: 1 - truth.l2.cancelled, cancelled: truth.l2.cancelled },
    },
    { id: "resolved", kind: "end", status: "resolved" },
    { id: "cancelled", kind: "end", status: "unresolved" },
  ],
  edges: [
    { id: "e1", from: "phone", to: "l1-phone" },
    { id: "e2", from: "chat", to: "l1-chat" },
    ...["l1-phone", "l1-chat"].flatMap((id) => [
      { id: `${id}-r`, from: id, port: "resolved", to: "resolved" },
      { id: `${id}-c`, from: id, port: "cancelled", to: "cancelled" },
      { id: `${id}-e`, from: id, port: "escalate", to: "esc" },
    ]),
    { id: "e3", from: "esc", to: "l2-work" },
    { id: "e4", from: "l2-work", port: "resolved", to: "resolved" },
    { id: "e5", from: "l2-work", port: "cancelled", to: "cancelled" },
  ],
};

function l1Step(id: string, channel: { handleMean: number; patienceMean: number }) {
  return {
    id,
    kind: "work",
    team: "l1",
    handleTime: { dist: "lognormal", mean: channel.handleMean, sd: channel.handleMean * 0.7 },
    queue: { discipline: "priority", patience: { dist: "exponential", mean: channel.patienceMean } },
    outcomes: {
      resolved: 1 - truth.l1.escalate - truth.l1.cancelled,
      cancelled: truth.l1.cancelled,
      escalate: truth.l1.escalate,
    },
  };
}

describe("calibration keeps channels, patience, priorities, end statuses and the horizon (issue 20)", () => {
  const original = parseModelText(JSON.stringify(desk));
  if (!original.ok) throw new Error(original.diagnostics.map((d) => d.message).join("; "));
  const reader = new EventLogReader({ columns: { ...FLOWCAST_COLUMNS } });
  const writer = new EventLogWriter(original.model.clock.start, (text) => reader.push(text));
  runReplication(original.model, 1, 0, undefined, writer);
  writer.flush();
  reader.end();
  const result = calibrate(reader, "calibrated");
  const parsed = parseModelText(JSON.stringify(result.model));
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("; "));
  const model = parsed.model;
  const a = reader.analysis;
  const node = (id: string) => {
    const n = model.nodes.find((x) => x.id === id);
    if (!n) throw new Error(`no node ${id} in ${model.nodes.map((x) => x.id).join(", ")}`);
    return n;
  };
  const work = (id: string) => {
    const n = node(id);
    if (n.kind !== "work") throw new Error(`${id} is not a work step`);
    return n;
  };
  const mean = (d: { dist: string }) => ("mean" in d ? (d.mean as number) : Number.NaN);
  const rel = (x: number, y: number) => Math.abs(x / y - 1);

  it("writes a flow that validates", () => {
    const errors = checkModel(JSON.stringify(result.model)).diagnostics.filter((d) => d.severity === "error");
    expect(errors).toEqual([]);
  });

  it("has enough of each to tell (the sample the tolerances rest on)", () => {
    for (const c of ["phone", "chat"]) {
      const key = `${a.teams.list.indexOf("l1")}\u0000${a.channels.list.indexOf(c)}`;
      expect(a.entryHandle.get(key)!.n).toBeGreaterThan(4500);
      expect(a.entryQueue.get(key)!.abandons).toBeGreaterThan(340);
    }
  });

  it("gives each channel its own first step at L1, sharing L1's agents, with its handle time and patience", () => {
    for (const c of ["phone", "chat"] as const) {
      const step = work(`work-l1-${c}`);
      expect(step.team).toBe("l1");
      expect(step.queue.patience?.dist).toBe("exponential");
      expect(rel(mean(step.queue.patience!), truth[c].patienceMean)).toBeLessThan(0.17);
      expect(Math.abs(step.outcomes.escalate! - truth.l1.escalate)).toBeLessThan(0.025);
    }
    expect(model.teams.map((t) => [t.id, t.agents])).toEqual([
      ["l1", 5],
      ["l2", 4],
    ]);
    expect(model.nodes.some((n) => n.id === "work-l1")).toBe(false);
    expect(rel(mean(work("work-l2").handleTime), truth.l2.handleMean)).toBeLessThan(0.05);
  });

  it("keeps handle time per priority where it differs (phone), and only there", () => {
    const phone = work("work-l1-phone");
    expect(rel(mean(phone.handleTimeByPriority!.urgent!), truth.phone.urgentHandleMean)).toBeLessThan(0.05);
    expect(rel(mean(phone.handleTimeByPriority!.normal!), truth.phone.handleMean)).toBeLessThan(0.05);
    const chat = work("work-l1-chat");
    expect(chat.handleTimeByPriority).toBeUndefined();
    expect(rel(mean(chat.handleTime), truth.chat.handleMean)).toBeLessThan(0.05);
    expect(work("work-l2").handleTimeByPriority).toBeUndefined();
    expect(result.fits.byPriority.size).toBe(1);
  });

  it("measures abandonment per channel for the report", () => {
    const figures = result.summary.figures.abandoned;
    expect(figures.phone!.tickets + figures.chat!.tickets).toBe(result.summary.figures.tickets);
    // Every caller who hangs up does so in the first queue here: the same count both ways.
    for (const c of ["phone", "chat"]) {
      const q = a.entryQueue.get(`${a.teams.list.indexOf("l1")}\u0000${a.channels.list.indexOf(c)}`)!;
      expect(figures[c]!.share * figures[c]!.tickets).toBeCloseTo(q.abandons, 6);
    }
    expect(figures.phone!.share).toBeGreaterThan(figures.chat!.share);
  });

  it("serves priorities most urgent first and keeps each channel's priority mix", () => {
    for (const n of model.nodes) if (n.kind === "work") expect(n.queue.discipline).toBe("priority");
    for (const c of ["phone", "chat"] as const) {
      const ch = node(`ch-${c}`);
      if (ch.kind !== "channel") throw new Error("not a channel");
      expect(Math.abs(ch.priority!.urgent! - truth[c].urgent)).toBeLessThan(0.025);
    }
  });

  it("keeps both end statuses, with each step's shares", () => {
    const ends = model.nodes.filter((n) => n.kind === "end").map((n) => [n.id, n.kind === "end" ? n.status : ""]);
    expect(ends.sort()).toEqual([
      ["cancelled", "unresolved"],
      ["resolved", "resolved"],
    ]);
    const l1Cancelled = truth.l1.cancelled / (1 - truth.l1.escalate);
    for (const [step, cancelled] of [
      ["l1-phone", l1Cancelled],
      ["l1-chat", l1Cancelled],
      ["l2", truth.l2.cancelled],
    ] as const) {
      const split = node(`close-${step}`);
      if (split.kind !== "route") throw new Error("not a split");
      expect(Math.abs(split.split!.cancelled! - cancelled)).toBeLessThan(0.025);
      expect(
        model.edges
          .filter((e) => e.from === `close-${step}`)
          .map((e) => e.to)
          .sort(),
      ).toEqual(["cancelled", "resolved"]);
    }
    expect(Object.keys(result.summary.figures.endStatus).sort()).toEqual(["cancelled", "resolved"]);
  });

  it("runs for the log's own span, not a rounded one", () => {
    const span = model.clock.horizon - model.clock.warmup;
    expect(Math.abs(span - truth.days * 86400)).toBeLessThan(3600);
  });
});

describe("end statuses from a help desk's closing activities (issue 20)", () => {
  // 100 tickets: 70 resolved (Resolved, then Closed two days later), 30 cancelled.
  let csv = "number,state,updated,group\n";
  for (let i = 0; i < 100; i++) {
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 5) + (i * 60 + minutes) * 60_000).toISOString();
    csv += `INC${i},New,${at(0)},L1\nINC${i},Active,${at(5)},L1\n`;
    csv +=
      i % 10 < 7
        ? `INC${i},Resolved,${at(20)},L1\nINC${i},Closed,${at(2900)},L1\n`
        : `INC${i},Cancelled,${at(20)},L1\n`;
  }
  const reader = new EventLogReader({ columns: { case: "number", time: "updated", activity: "state", team: "group" } });
  reader.push(csv);
  reader.end();
  const { model, summary } = calibrate(reader, "ends");

  it("reads how a ticket closed from its first closing row, and words cancelled as unresolved", () => {
    const ends = model.nodes?.flatMap((n) => (n.kind === "end" ? [[n.id, n.label, n.status]] : []));
    expect(ends).toEqual([
      ["resolved", "Resolved", "resolved"],
      ["cancelled", "Cancelled", "unresolved"],
    ]);
    const split = model.nodes?.find((n) => n.id === "close-l1");
    expect(split?.kind === "route" ? split.split : undefined).toEqual({ resolved: 0.7, cancelled: 0.3 });
    expect(summary.figures.endStatus).toEqual({ Resolved: 0.7, Cancelled: 0.3 });
    expect(checkModel(JSON.stringify(model)).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("keeps at most 8 ways of closing apart, each 0.5% of closings or more", () => {
    const counts = Array.from({ length: 12 }, (_, i) => [`code ${i}`, 1000 - i * 80] as const);
    expect(keptStatuses(counts)).toEqual([
      "code 0",
      "code 1",
      "code 2",
      "code 3",
      "code 4",
      "code 5",
      "code 6",
      "code 7",
    ]);
    expect(
      keptStatuses([
        ["a", 999],
        ["b", 4],
        ["c", 1],
      ]),
    ).toEqual(["a"]);
    expect(
      ["Duplicate", "Closed - Unresolved", "Won't fix", "Rejected", "Resolved", "Solved", "code 6"].map(endStatusOf),
    ).toEqual(["unresolved", "unresolved", "unresolved", "unresolved", "resolved", "resolved", "resolved"]);
  });
});
