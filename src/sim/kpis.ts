/**
 * What each KPI of a results document is, said once: its name in a support manager's words,
 * the unit it is written in (format.ts) and which way a manager wants it to move
 * (compare.ts). The tables by KPI that the rest of the code reads are derived from it.
 */
import { KPI_NAMES, type KpiName } from "./results";

/** How a figure is written. */
export type KpiUnit = "count" | "share" | "seconds" | "money";

/** Which way a KPI should move for the change to be an improvement. */
export type Better = "higher" | "lower" | "neutral";

export interface KpiFacts {
  label: string;
  unit: KpiUnit;
  better: Better;
}

export const KPI_FACTS: Readonly<Record<KpiName, KpiFacts>> = {
  tickets: { label: "Tickets", unit: "count", better: "neutral" },
  fcr: { label: "First-contact resolution", unit: "share", better: "higher" },
  deflectionRate: { label: "Deflection rate", unit: "share", better: "higher" },
  escalationRate: { label: "Escalation rate", unit: "share", better: "lower" },
  abandonRate: { label: "Abandon rate", unit: "share", better: "lower" },
  reopenRate: { label: "Reopen rate", unit: "share", better: "lower" },
  serviceLevel: { label: "Service level", unit: "share", better: "higher" },
  firstResponseSeconds: { label: "First response time", unit: "seconds", better: "lower" },
  resolutionSeconds: { label: "Resolution time", unit: "seconds", better: "lower" },
  backlog: { label: "Backlog (open tickets)", unit: "count", better: "lower" },
  backlogPastSla: { label: "Backlog past SLA", unit: "count", better: "lower" },
  utilization: { label: "Utilisation", unit: "share", better: "neutral" },
  csat: { label: "CSAT", unit: "share", better: "higher" },
  costPerTicket: { label: "Cost per ticket", unit: "money", better: "lower" },
};

/** One fact of every KPI, by KPI, in KPI_NAMES order. */
export function kpiTable<K extends keyof KpiFacts>(fact: K): Record<KpiName, KpiFacts[K]> {
  return Object.fromEntries(KPI_NAMES.map((name) => [name, KPI_FACTS[name][fact]])) as Record<KpiName, KpiFacts[K]>;
}
