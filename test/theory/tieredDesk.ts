/**
 * A three-tier support desk using every node kind: phone and email channels with daily and
 * weekly profiles, a chatbot (self-service), triage rules (priority, contact type,
 * attempts, an attribute), L1/L2/L3 work with patience and SLAs, escalations with and
 * without a hand-off note, a follow-up that reopens, a delay, and resolved/unresolved ends.
 * L1 works a weekly schedule; the others have fixed headcounts.
 */
import type { Model } from "../../src/model";
import { decode } from "./queueModels";

const weekdays = ["mon", "tue", "wed", "thu", "fri"];

/** The desk over `days` days after a one-day warm-up. */
export function tieredDesk(days = 28): Model {
  return decode({
    format: "flowcast/v1",
    name: "Tiered desk",
    clock: { start: "2026-01-05T00:00", horizon: `${days + 1}d`, warmup: "1d" },
    contactTypes: [
      { id: "billing", attributes: { refund: { dist: "lognormal", mean: 40, sd: 60 } } },
      { id: "login" },
      { id: "bug" },
    ],
    teams: [
      {
        id: "l1",
        agents: 8,
        costPerHour: 28,
        schedule: [
          { days: weekdays, from: "07:00", to: "13:00", agents: 7 },
          { days: weekdays, from: "13:00", to: "15:00", agents: 13 },
          { days: weekdays, from: "15:00", to: "21:00", agents: 6 },
          { days: ["sat", "sun"], from: "09:00", to: "17:00", agents: 4 },
        ],
      },
      { id: "l2", agents: 4, costPerHour: 40 },
      { id: "l3", agents: 2, costPerHour: 60, concurrency: 2 },
    ],
    nodes: [
      {
        id: "phone",
        kind: "channel",
        channel: "phone",
        arrivals: {
          perHour: 30,
          hourly: [0, 0, 0, 0, 0, 0, 0, 1, 3, 4, 4, 4, 3, 3, 4, 4, 3, 3, 2, 2, 1, 0, 0, 0],
          weekly: [1.2, 1.1, 1, 1, 1, 0.4, 0.3],
          dayFactor: { dist: "gamma", mean: 1, sd: 0.1 },
        },
        mix: { billing: 0.4, login: 0.4, bug: 0.2 },
        priority: { high: 0.2, normal: 0.8 },
        customerTier: { gold: 0.1, standard: 0.9 },
      },
      {
        id: "email",
        kind: "channel",
        channel: "email",
        arrivals: { perHour: 8 },
        mix: { billing: 0.3, login: 0.5, bug: 0.2 },
      },
      { id: "bot", kind: "selfService", deflection: { login: 0.5, billing: 0.1 }, duration: "2m" },
      {
        id: "triage",
        kind: "route",
        rules: [
          { if: { attempts: { gte: 2 } }, port: "repeat" },
          { if: { contactType: "billing", attributes: { refund: { gt: 100 } } }, port: "bigRefund" },
          { if: { priority: ["high", "urgent"] }, port: "fast" },
        ],
      },
      {
        id: "l1-phone",
        kind: "work",
        team: "l1",
        label: "L1 answers",
        handleTime: { dist: "lognormal", mean: "6m", sd: "4m" },
        handleTimeByType: { bug: { dist: "gamma", mean: "9m", sd: "5m" } },
        queue: { discipline: "priority", patience: { dist: "exponential", mean: "4m" }, slaSeconds: 60 },
        outcomes: { resolved: 0.7, escalate: 0.2, followUp: 0.1 },
        outcomesByType: { bug: { resolved: 0.4, escalate: 0.5, followUp: 0.1 } },
      },
      {
        id: "l1-email",
        kind: "work",
        team: "l1",
        handleTime: { dist: "erlang", k: 3, mean: "8m" },
        queue: { slaSeconds: 14400 },
        outcomes: { resolved: 0.8, escalate: 0.2 },
      },
      { id: "esc-l2", kind: "escalate", handoff: "structured", noteTime: "2m" },
      { id: "esc-l3", kind: "escalate", handoff: "none", reexplainTime: "3m" },
      {
        id: "l2-desk",
        kind: "work",
        team: "l2",
        handleTime: { dist: "triangular", min: "5m", mode: "12m", max: "40m" },
        queue: { slaSeconds: 3600 },
        outcomes: { resolved: 0.75, escalate: 0.15, followUp: 0.1 },
      },
      {
        id: "l3-desk",
        kind: "work",
        team: "l3",
        handleTime: { dist: "uniform", min: "20m", max: "60m" },
        outcomes: { resolved: 0.9, unresolved: 0.1 },
      },
      { id: "check", kind: "followUp", wait: "1d", outcomes: { confirmed: 0.7, reopened: 0.2, silent: 0.1 } },
      { id: "ack", kind: "delay", duration: { dist: "normal", mean: "30s", sd: "10s" } },
      { id: "solved", kind: "end", status: "resolved", csat: { responseRate: 0.3, base: 0.92 } },
      { id: "closed-unresolved", kind: "end", status: "unresolved" },
      { id: "hung-up", kind: "end", status: "unresolved" },
    ],
    edges: [
      { id: "p1", from: "phone", to: "bot" },
      { id: "b1", from: "bot", port: "resolved", to: "solved" },
      { id: "b2", from: "bot", port: "contact", to: "triage" },
      { id: "t1", from: "triage", port: "repeat", to: "l2-desk" },
      { id: "t2", from: "triage", port: "bigRefund", to: "l2-desk" },
      { id: "t3", from: "triage", port: "fast", to: "l1-phone" },
      { id: "t4", from: "triage", port: "otherwise", to: "l1-phone" },
      { id: "m1", from: "email", to: "ack" },
      { id: "m2", from: "ack", to: "l1-email" },
      { id: "w1", from: "l1-phone", port: "resolved", to: "solved" },
      { id: "w2", from: "l1-phone", port: "escalate", to: "esc-l2" },
      { id: "w3", from: "l1-phone", port: "followUp", to: "check" },
      { id: "w4", from: "l1-phone", port: "abandoned", to: "hung-up" },
      { id: "e1", from: "l1-email", port: "resolved", to: "solved" },
      { id: "e2", from: "l1-email", port: "escalate", to: "esc-l2" },
      { id: "x1", from: "esc-l2", to: "l2-desk" },
      { id: "l2a", from: "l2-desk", port: "resolved", to: "solved" },
      { id: "l2b", from: "l2-desk", port: "escalate", to: "esc-l3" },
      { id: "l2c", from: "l2-desk", port: "followUp", to: "check" },
      { id: "x2", from: "esc-l3", to: "l3-desk" },
      { id: "l3a", from: "l3-desk", port: "resolved", to: "solved" },
      { id: "l3b", from: "l3-desk", port: "unresolved", to: "closed-unresolved" },
      { id: "f1", from: "check", port: "confirmed", to: "solved" },
      { id: "f2", from: "check", port: "reopened", to: "triage" },
      { id: "f3", from: "check", port: "silent", to: "closed-unresolved" },
    ],
    scenarios: [{ id: "plus2", name: "+2 L2 agents", set: { "teams.l2.agents": 6 } }],
  });
}
