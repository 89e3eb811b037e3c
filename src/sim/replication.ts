/**
 * What one replication reports: the raw figures of one run of the flow, before
 * replications are combined into means and intervals. A plain object of numbers and typed
 * arrays, so it crosses worker boundaries by structured clone. Arrays are indexed like the
 * model: nodes by their position in `model.nodes`, teams in `model.teams`, edges in
 * `model.edges`; a node figure that does not apply to its kind is NaN.
 */
import type { KpiName } from "./results";

export interface ReplicationResult {
  replication: number;
  /** Events processed by the calendar. */
  events: number;
  /** Every scalar KPI of this replication (NaN where it has no denominator). */
  kpis: Record<KpiName, number>;
  /** Medians and 90th percentiles of the time KPIs (seconds). */
  percentiles: { firstResponseP50: number; firstResponseP90: number; resolutionP50: number; resolutionP90: number };
  /** Measured tickets still open when the run stopped (drain cap). */
  unfinished: number;
  /** Every ticket of the run, warm-up included: created = closed + lost + open. */
  flow: { created: number; closed: number; lost: number; open: number };
  nodes: {
    entered: Float64Array;
    served: Float64Array;
    abandoned: Float64Array;
    /** Abandoned sooner than the queue's shortAbandonSeconds. */
    shortAbandoned: Float64Array;
    waitMean: Float64Array;
    pWait: Float64Array;
    serviceLevel: Float64Array;
    queueMean: Float64Array;
    inServiceMean: Float64Array;
    queueTimeMean: Float64Array;
    /** Contacts that left the queue for its overflow step. */
    overflowed: Float64Array;
  };
  teams: { utilization: Float64Array; staffedHours: Float64Array; busyHours: Float64Array; cost: Float64Array };
  edges: Float64Array;
  series: {
    backlog: Float64Array;
    backlogPastSla: Float64Array;
    arrivals: Float64Array;
    /** NaN where nobody left an SLA queue in the interval. */
    serviceLevel: Float64Array;
    /** One array per node (empty for nodes that are not `work`). */
    queue: Float64Array[];
    staffed: Float64Array[];
    utilization: Float64Array[];
  };
  /** Counts per bin of the shared log-bucket layout (histogram.ts). */
  histograms: { firstResponseSeconds: Float64Array; resolutionSeconds: Float64Array };
  /**
   * Sums per interval of the week (intervalStats.ts), when the flow asks for intervals:
   * per node (empty arrays for nodes that are not `work`) and per team.
   */
  intervals?: {
    intervalSeconds: number;
    /** Measured seconds of each interval of the week. */
    measured: Float64Array;
    offered: Float64Array[];
    answered: Float64Array[];
    abandoned: Float64Array[];
    slTotal: Float64Array[];
    slMet: Float64Array[];
    waitSum: Float64Array[];
    /** Per team: busy and staffed contact-seconds. */
    busy: Float64Array[];
    staff: Float64Array[];
  };
}
