/**
 * The results document `flowcast-results/v1` (DESIGN.md, "Tickets and what is measured"):
 * what a run predicts, each figure as a mean with a Student-t 95% interval over
 * replications. Also the raw per-replication figures, so that two scenarios run on common
 * random numbers can be compared pairwise.
 */

/** A figure estimated over replications. `ci95` is [mean, mean] for one replication. */
export interface Estimate {
  mean: number;
  ci95: [number, number];
}

/** A time figure with its median and 90th percentile (seconds). */
export interface TimeEstimate extends Estimate {
  p50: Estimate;
  p90: Estimate;
}

/** Names of the scalar KPIs, as in the results JSON. */
export const KPI_NAMES = [
  "tickets",
  "fcr",
  "deflectionRate",
  "escalationRate",
  "abandonRate",
  "reopenRate",
  "serviceLevel",
  "firstResponseSeconds",
  "resolutionSeconds",
  "backlog",
  "backlogPastSla",
  "utilization",
  "csat",
  "costPerTicket",
] as const;
export type KpiName = (typeof KPI_NAMES)[number];

export interface Kpis {
  /** Tickets created after the warm-up. */
  tickets: Estimate;
  fcr: Estimate;
  deflectionRate: Estimate;
  escalationRate: Estimate;
  /**
   * Absent when no work step's queue has a `patience`: nobody can hang up, so there is no
   * rate to report (0 of 0 contacts), which is not the same as a predicted 0%.
   */
  abandonRate?: Estimate;
  reopenRate: Estimate;
  /** Absent when no queue of the flow has `slaSeconds` (nothing to measure against). */
  serviceLevel?: Estimate;
  firstResponseSeconds: TimeEstimate;
  resolutionSeconds: TimeEstimate;
  /** Time-average open tickets after the warm-up. */
  backlog: Estimate;
  /** Time-average open tickets older than their SLA. */
  backlogPastSla: Estimate;
  /** Busy agent-time / staffed agent-time over all teams. */
  utilization: Estimate;
  csat: Estimate;
  costPerTicket: Estimate;
}

/** Per `work` node (other kinds report `entered` only). */
export interface NodeResults {
  kind: string;
  entered: Estimate;
  served?: Estimate;
  /** Contacts that hung up in this step's queue: a count of events, 0 when the queue has no patience. */
  abandoned?: Estimate;
  /** Of those, contacts that hung up sooner than the queue's shortAbandonSeconds (only with that field). */
  shortAbandoned?: Estimate;
  /** Seconds in queue over answered contacts, zero waits included. */
  waitMean?: Estimate;
  /** Share of answered-or-abandoned contacts that could not start at once. */
  pWait?: Estimate;
  serviceLevel?: Estimate;
  /** Time-average queue length. */
  queueMean?: Estimate;
  /** Time-average contacts in service at this node. */
  inServiceMean?: Estimate;
  /** Seconds in queue over answered and abandoned contacts (the W of Little's law L = lambda W). */
  queueTimeMean?: Estimate;
  /**
   * Contacts that left this step's queue for its overflow step (only with `queue.overflow`).
   * They count as entering the overflow step, and are answered or abandon there.
   */
  overflowed?: Estimate;
}

export interface TeamResults {
  utilization: Estimate;
  staffedHours: Estimate;
  busyHours: Estimate;
  cost: Estimate;
}

/** Series sampled every `intervalSeconds` from the end of the warm-up; means over replications. */
export interface Series {
  intervalSeconds: number;
  /** Seconds from clock.start of the first point. */
  startSeconds: number;
  backlog: number[];
  backlogPastSla: number[];
  /** Tickets created per interval. */
  arrivals: number[];
  /** Queue length per work node at each point. */
  queue: Record<string, number[]>;
  /** Staffed agents per team at each point. */
  staffed: Record<string, number[]>;
  /** Busy share per team per interval. */
  utilization: Record<string, number[]>;
  /** Service level per interval over all SLA queues (null where nobody queued). */
  serviceLevel: (number | null)[];
}

/**
 * Figures per interval of the week (clock.intervalMinutes; index 0 is Monday 00:00), pooled
 * over every measured week and replication: counts are means per occurrence of the interval
 * (per week); service level, ASA and occupancy are ratios of the pooled sums (null where
 * the interval saw nothing to measure). Only when the flow asks for intervals.
 */
export interface IntervalResults {
  intervalMinutes: number;
  /** Measured occurrences of each interval per replication (weeks it was measured). */
  weeks: number[];
  /** Over all work steps: contacts offered, service level over SLA queues, abandon rate over queues with patience. */
  flow: { offered: number[]; serviceLevel: (number | null)[]; abandonRate: (number | null)[] };
  /** Per work step, by interval the contact joined the queue. */
  nodes: Record<
    string,
    {
      offered: number[];
      answered: number[];
      abandoned: number[];
      /** Answered within the queue's SLA, of those counted (absent without an SLA). */
      serviceLevel?: (number | null)[];
      /** Mean wait of answered contacts, seconds. */
      asa: (number | null)[];
      /** Busy share of the step's team in the interval. */
      occupancy: (number | null)[];
    }
  >;
  /** Per team: mean staffed agents and busy share of staffed time. */
  teams: Record<string, { agents: number[]; occupancy: (number | null)[] }>;
}

/**
 * Something the reader of the results should know before trusting them: "overload" (a team
 * is offered more work than its agents can do, from the traffic equations before the run),
 * "backlog-growing" (the backlog trended up steadily during the run), "unfinished" (measured
 * tickets still open when the drain cap hit).
 */
export interface Warning {
  code: string;
  message: string;
  /** The node it is about, if one. */
  node?: string;
  /** The team it is about, if one. */
  team?: string;
}

/** A streaming histogram: counts per bin, bins bounded by `edges` (seconds, length counts+1). */
export interface Histogram {
  edges: number[];
  counts: number[];
}

export interface Results {
  format: "flowcast-results/v1";
  /** The model's name. */
  model: string;
  /** Scenario id, or null for the base flow. */
  scenario: string | null;
  seed: number;
  replications: number;
  horizonSeconds: number;
  warmupSeconds: number;
  /** Events processed over all replications. */
  events: number;
  wallSeconds: number;
  kpis: Kpis;
  nodes: Record<string, NodeResults>;
  teams: Record<string, TeamResults>;
  /** Contacts that took each edge (by edge id), for drawing edge widths. */
  edges: Record<string, Estimate>;
  series: Series;
  histograms: { resolutionSeconds: Histogram; firstResponseSeconds: Histogram };
  /**
   * Measured tickets (created after the warm-up, before the horizon) still open when the run
   * stopped: the run drains after the horizon until they close, within a cap (docs/metrics.md).
   * Always written by this simulator; optional so documents saved before it still load.
   */
  unfinished?: Estimate;
  /** Every scalar KPI per replication, in replication order (for paired comparison); KPIs absent from `kpis` are absent here. */
  replicationKpis: Partial<Record<KpiName, number[]>>;
  /** Every ticket of the run, warm-up included: created = closed + lost + open at the end. */
  ticketFlow?: { created: Estimate; closed: Estimate; lost: Estimate; open: Estimate };
  /** What a reader must know before trusting the figures (overload, growing backlog, unfinished tickets). */
  warnings?: Warning[];
  /** Utilisation of each team per replication, in replication order (for paired comparison). */
  replicationTeamUtilization?: Record<string, number[]>;
  /** Figures per interval of the week, when the flow sets clock.intervalMinutes or holds a per-interval target. */
  intervals?: IntervalResults;
}
