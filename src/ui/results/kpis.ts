/**
 * What each KPI card shows: its title, the one-line definition from DESIGN.md's metric
 * table (shown on hover), its unit, and how its figures are written ("87%", "3.4 h", "€4.20").
 */
import { describeSeconds } from "../../model";
import type { Estimate, KpiName } from "../../sim/results";

/** How a figure is written. */
export type KpiUnit = "share" | "seconds" | "count" | "money";

export interface KpiInfo {
  name: KpiName;
  title: string;
  /** One line, from DESIGN.md's metric table. */
  definition: string;
  unit: KpiUnit;
}

/** The KPIs with a card on the dashboard, in reading order. */
export const KPI_CARDS: readonly KpiInfo[] = [
  {
    name: "fcr",
    title: "First-contact resolution",
    definition:
      "Tickets closed resolved at their first contact by one agent, with no escalation, transfer, reopen or repeat contact (a caller who hung up and called back is not FCR) / tickets that reached an agent.",
    unit: "share",
  },
  {
    name: "serviceLevel",
    title: "Service level",
    definition:
      "Contacts answered within their step's SLA / contacts that joined such a queue (abandoned ones count as missed, except callers who hung up sooner than the queue's shortAbandonSeconds, who count neither way). Not shown when no queue has an SLA.",
    unit: "share",
  },
  {
    name: "firstResponseSeconds",
    title: "First response",
    definition: "Time from ticket creation to the first agent starting work (median and 90th percentile).",
    unit: "seconds",
  },
  {
    name: "resolutionSeconds",
    title: "Resolution time",
    definition: "Time from ticket creation to its close as resolved (median and 90th percentile).",
    unit: "seconds",
  },
  {
    name: "backlog",
    title: "Backlog",
    definition: "Time-average number of open tickets after the warm-up.",
    unit: "count",
  },
  {
    name: "abandonRate",
    title: "Abandonment",
    definition: "Contacts that left a queue / contacts that joined a queue with patience.",
    unit: "share",
  },
  {
    name: "escalationRate",
    title: "Escalation rate",
    definition: "Tickets that passed an escalate step / tickets that reached an agent.",
    unit: "share",
  },
  {
    name: "reopenRate",
    title: "Reopen rate",
    definition: "Tickets with more than one attempt / tickets that reached an agent.",
    unit: "share",
  },
  {
    name: "csat",
    title: "CSAT",
    definition:
      "Modelled share of satisfied survey answers: base minus penalties for waiting past SLA, re-explaining and reopens.",
    unit: "share",
  },
  {
    name: "costPerTicket",
    title: "Cost per ticket",
    definition: "Staffed agent-hours × cost per hour / tickets closed.",
    unit: "money",
  },
];

/** Definition of team utilisation, for its cards. */
export const UTILIZATION_DEFINITION = "Busy agent-time / staffed agent-time (concurrency counted).";

/** Every KPI's unit (including those without a card), for tables and CSV. */
export const KPI_UNITS: Record<KpiName, KpiUnit> = {
  tickets: "count",
  fcr: "share",
  deflectionRate: "share",
  escalationRate: "share",
  abandonRate: "share",
  reopenRate: "share",
  serviceLevel: "share",
  firstResponseSeconds: "seconds",
  resolutionSeconds: "seconds",
  backlog: "count",
  backlogPastSla: "count",
  utilization: "share",
  csat: "share",
  costPerTicket: "money",
};

/** Readable KPI titles for tables ("Service level"). */
export const KPI_TITLES: Record<KpiName, string> = {
  tickets: "Tickets",
  fcr: "First-contact resolution",
  deflectionRate: "Deflection rate",
  escalationRate: "Escalation rate",
  abandonRate: "Abandonment",
  reopenRate: "Reopen rate",
  serviceLevel: "Service level",
  firstResponseSeconds: "First response (mean)",
  resolutionSeconds: "Resolution time (mean)",
  backlog: "Backlog",
  backlogPastSla: "Backlog past SLA",
  utilization: "Utilisation (all teams)",
  csat: "CSAT",
  costPerTicket: "Cost per ticket",
};

/** Writes one figure in its unit: 0.873 share -> "87.3%", 12240 s -> "3.4 h", 4.2 money -> "4.20". */
export function formatValue(value: number | null | undefined, unit: KpiUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  switch (unit) {
    case "share":
      return `${round(value * 100, Math.abs(value) < 0.1 ? 1 : 0)}%`;
    case "seconds":
      return describeSeconds(value);
    case "count":
      return Math.abs(value) >= 100 ? Math.round(value).toLocaleString("en-US") : String(round(value, 1));
    case "money":
      return value.toFixed(2);
  }
}

/** A difference in a KPI's unit, signed: share differences in percentage points ("+3.1 pp"). */
export function formatDifference(value: number, unit: KpiUnit): string {
  if (!Number.isFinite(value)) return "—";
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  const abs = Math.abs(value);
  if (unit === "share") return `${sign}${smallNumber(abs * 100)} pp`;
  if (unit === "count") return `${sign}${abs < 10 ? smallNumber(abs) : formatValue(abs, unit)}`;
  return `${sign}${formatValue(abs, unit)}`;
}

/** "95% CI 84%–89%" for an estimate. */
export function formatInterval(estimate: Estimate, unit: KpiUnit): string {
  return `95% CI ${formatValue(estimate.ci95[0], unit)} – ${formatValue(estimate.ci95[1], unit)}`;
}

// helpers

/** A small magnitude with two significant digits (0.034, 1.2), zero as "0". */
function smallNumber(value: number): string {
  if (value === 0) return "0";
  return value >= 10 ? String(round(value, 1)) : String(Number(value.toPrecision(2)));
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
