/**
 * What each KPI card shows: its title, a definition that says exactly what is counted
 * (DESIGN.md's metric table, shown on hover), and its unit. Figures are written by
 * src/sim/format.ts, the same module the CLI uses ("87.3%", "3.4 h", "4.20").
 */
import { KPI_UNITS, type KpiUnit } from "../../sim/format";
import type { KpiName } from "../../sim/results";

export {
  formatBrief,
  formatDifference,
  formatDifferenceWithInterval,
  formatInterval,
  formatThreshold,
  formatValue,
  KPI_UNITS,
  type KpiUnit,
} from "../../sim/format";

export interface KpiInfo {
  name: KpiName;
  title: string;
  /** What the figure counts, in a manager's words (DESIGN.md's metric table). */
  definition: string;
  unit: KpiUnit;
}

/** Definitions of every KPI, for cards, tables and their hover text. */
export const KPI_DEFINITIONS: Record<KpiName, string> = {
  tickets: "Tickets created after the warm-up, over all channels.",
  fcr: "Tickets resolved at the first contact, with no escalation, reopen or repeat contact / tickets that reached an agent.",
  deflectionRate: "Tickets closed by self-service without reaching an agent / tickets created.",
  escalationRate: "Tickets handed to a higher tier at an escalate step at least once / tickets that reached an agent.",
  abandonRate:
    "Contacts that left a queue before an agent answered / contacts that joined a queue where customers may give up (one with a patience).",
  reopenRate: "Tickets that came back after being closed (reopen or repeat contact) / tickets that reached an agent.",
  serviceLevel:
    "Contacts answered within their queue's SLA target / contacts that joined a queue with a target (those who hung up count as missed).",
  firstResponseSeconds:
    "Time from a ticket's creation until an agent first starts work on it, over tickets that arrived after the warm-up, followed to their end.",
  resolutionSeconds:
    "Time from a ticket's creation until it is closed as resolved, over tickets that arrived after the warm-up, followed to their end.",
  backlog: "Open tickets (queued, in service or waiting for the customer), averaged over time after the warm-up.",
  backlogPastSla:
    "Open tickets older than their resolution target, averaged over time after the warm-up. The clock pauses while a ticket waits on the customer at a follow-up step (pending customer): such tickets are not counted during the wait, and the wait does not add to their age.",
  utilization:
    "Busy agent-time / staffed agent-time over all teams (an agent holding several chats counts as busy once).",
  csat: "Modelled share of satisfied survey answers: each ticket's base score minus penalties for waiting past the SLA, re-explaining after a hand-off without context, and reopens.",
  costPerTicket: "Staffed agent-hours × each team's cost per hour / tickets closed after the warm-up.",
};

/** The KPIs with a card on the dashboard, in reading order. */
export const KPI_CARDS: readonly KpiInfo[] = (
  [
    ["fcr", "First-contact resolution"],
    ["serviceLevel", "Service level"],
    ["firstResponseSeconds", "First response"],
    ["resolutionSeconds", "Resolution time"],
    ["backlog", "Backlog"],
    ["abandonRate", "Abandonment"],
    ["escalationRate", "Escalation rate"],
    ["reopenRate", "Reopen rate"],
    ["csat", "CSAT"],
    ["costPerTicket", "Cost per ticket"],
  ] as const
).map(([name, title]) => ({
  name,
  title,
  definition:
    KPI_UNITS[name] === "seconds" ? `${KPI_DEFINITIONS[name]} Median and 90th percentile.` : KPI_DEFINITIONS[name],
  unit: KPI_UNITS[name],
}));

/** Definition of team utilisation, for its cards. */
export const UTILIZATION_DEFINITION =
  "Busy agent-time / staffed agent-time (an agent holding several chats counts as busy once).";

/** Why the service-level card shows "—". */
export const NO_SERVICE_LEVEL =
  "No queue has a service-level target, so there is no service level to report. Give a work step's queue an SLA to measure one.";

/** Why the abandonment card shows "—" (0% would read as "nobody hangs up", which the flow does not model). */
export const NO_ABANDONMENT =
  "No queue has a patience, so no caller hangs up in this flow. Set a patience on a work step's queue to model abandonment.";

/** Why a KPI the run does not report shows "—". */
export function whyNotReported(name: KpiName): string {
  if (name === "serviceLevel") return NO_SERVICE_LEVEL;
  if (name === "abandonRate") return NO_ABANDONMENT;
  return "This run does not report it.";
}

/** What the "still open" figure counts. */
export const UNFINISHED_DEFINITION =
  "Tickets that arrived in the measured period and were still open when the run stopped: the time KPIs do not include them.";

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
