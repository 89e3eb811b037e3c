/**
 * The streaming heart of calibration: consumes a log's events one at a time (already given
 * a role) and keeps, per open ticket, only its current state and the list of teams it was
 * worked by, and, per team, streaming duration summaries. Memory grows with tickets and
 * teams, never with rows. `LogAnalysis` is what `summarize` turns into figures and a flow.
 *
 * Status-change semantics: an event starts a state that lasts until the ticket's next event.
 * A ticket's events must come in time order (tickets may interleave, as in a log sorted by
 * time, or follow each other, as in one sorted by ticket).
 */
import type { RoleEventConsumer } from "../io/eventlog/reader";
import type { Role } from "../io/eventlog/roles";
import { CensoredSample, DurationSample } from "./sample";

/** How a work visit was reached from the ticket's previous visit. */
export const LINK = { first: 0, direct: 1, afterWait: 2, afterClose: 3 } as const;

/** One work visit (or an abandonment in a team's queue, `abandoned`). */
export interface Visit {
  team: number;
  link: number;
  abandoned: boolean;
  /** An escalate event came before this visit (since the previous one). */
  escalated: boolean;
  /** Seconds in the wait or closed state before this visit (afterWait, afterClose). */
  gapSeconds: number;
}

export interface TicketState {
  created: number;
  last: number;
  channel: number;
  priority: number;
  role: Role | "none";
  since: number;
  team: number;
  resource: string;
  visits: Visit[];
  /** Link to the next visit, set by the states seen since the last visit. */
  pendingLink: number;
  gapStart: number;
  /** Wait or close seen after the last visit. */
  closedAt: number;
  waitedBeforeClose: boolean;
  reopenMarked: boolean;
  /** An escalate event since the last visit. */
  escalateMarked: boolean;
  lost: boolean;
  /** How the ticket closed (index in `statuses`), set with `closedAt`. */
  status: number;
  /** A wait before any agent (kept in the report). */
  /** When the ticket last entered the queued state (a reassignment while queued keeps it). */
  queuedSince: number;
}

export class OutOfOrderError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "OutOfOrderError";
  }
}

/** Interns strings to small indices (teams, channels, priorities). */
export class Names {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  of(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(name);
      this.index.set(name, i);
    }
    return i;
  }
}

const HOUR_MS = 3_600_000;
/** Work states longer than this are not one stretch of an agent's time. */
const SHIFT_MS = 8 * HOUR_MS;
const DAY_MS = 86_400_000;

export class LogAnalysis implements RoleEventConsumer {
  readonly teams = new Names();
  readonly channels = new Names();
  readonly priorities = new Names();
  /** How tickets closed: the status column, else the closing activity ("" when neither). */
  readonly statuses = new Names();
  readonly tickets = new Map<string, TicketState>();
  events = 0;
  firstTime = Number.POSITIVE_INFINITY;
  lastTime = Number.NEGATIVE_INFINITY;
  /** First and last ticket creation: the span arrivals are counted over. */
  firstCreated = Number.POSITIVE_INFINITY;
  lastCreated = Number.NEGATIVE_INFINITY;
  /** Handle time per team, and per team and priority ("team\u0000priority"). */
  readonly handle: DurationSample[] = [];
  readonly handleByPriority = new Map<string, DurationSample>();
  readonly waits: DurationSample[] = [];
  readonly reopenGaps: DurationSample[] = [];
  /**
   * Per team, the time queued before each of its work visits (0 when the visit did not follow
   * a queued state): a snapshot log's pickup delay (see `snapshot.ts`).
   */
  readonly pickup: DurationSample[] = [];
  /** Work states ended by an explicit end-of-work event ("done"): none in a snapshot log. */
  workEndedByDone = 0;
  /** Time in a team's queue (answered and abandoned) and the abandonments. */
  readonly queueSeconds: number[] = [];
  readonly queueContacts: number[] = [];
  readonly abandons: number[] = [];
  /**
   * A ticket's first visit, reached straight from its channel (no escalation on the way in),
   * per team and channel ("team\u0000channel"): handle time, and time in the queue with its
   * abandonments; the same handle time per team, channel and priority. Where channels differ
   * they become work steps of their own.
   */
  readonly entryHandle = new Map<string, DurationSample>();
  readonly entryHandleByPriority = new Map<string, DurationSample>();
  readonly entryQueue = new Map<string, { seconds: number; contacts: number; abandons: number }>();
  /** Handle time of the other visits, per team (by team index): a team-wide step's own. */
  readonly laterHandle = new Map<string, DurationSample>();
  /** Busy agent-seconds per team per absolute hour (hour index from epoch). */
  readonly busy: Map<number, number>[] = [];
  /** Distinct resources per team per absolute hour. */
  readonly resources: Map<number, Set<string>>[] = [];
  /** Tickets created per channel per absolute day, and per hour of week (Monday 00:00 = 0). */
  readonly createdByDay: Map<number, number>[] = [];
  readonly createdByHourOfWeek: Float64Array[] = [];
  readonly priorityByChannel: Map<number, number>[] = [];
  /** Duration of tickets closed without any work visit. */
  readonly noWork = new DurationSample(2000, 11);
  censoredWork = 0;
  waitsBeforeAgent = 0;
  hasResources = false;

  constructor(private readonly seed = 1) {}

  /**
   * One event. `time` in wall-clock ms; `team`, `resource`, `priority`, `channel` as written
   * ("" when missing); `created` overrides the ticket's creation time (NaN: its first event).
   * Throws OutOfOrderError when the ticket's time goes backwards.
   */
  event(
    ticket: string,
    time: number,
    role: Role,
    team: string,
    resource: string,
    priority: string,
    channel: string,
    line: number,
    created = Number.NaN,
    status = "",
  ): void {
    this.events++;
    let tk = this.tickets.get(ticket);
    if (tk === undefined) {
      const start = Number.isFinite(created) && created <= time ? created : time;
      tk = this.newTicket(start, channel, priority);
      this.tickets.set(ticket, tk);
    } else if (time < tk.last) {
      throw new OutOfOrderError(
        `line ${line}: ticket "${ticket}" goes back in time (this row is earlier than the ticket's previous row); sort the log by time, or by ticket and then time`,
        line,
      );
    }
    tk.last = time;
    if (time < this.firstTime) this.firstTime = time;
    if (time > this.lastTime) this.lastTime = time;
    if (role === "ignore") return;
    if (role === "reopen") {
      tk.reopenMarked = true;
      return;
    }
    if (role === "escalate") {
      tk.escalateMarked = true;
      return;
    }
    const teamIndex = team === "" ? tk.team : this.teamIndex(team);
    if (resource !== "") this.hasResources = true;
    // A snapshot row that repeats the current state changes nothing.
    if (role === tk.role && teamIndex === tk.team && (role !== "work" || resource === tk.resource)) return;
    if (role === "work" && tk.role === "work" && teamIndex === tk.team) {
      // Another agent of the same team takes over: the same visit goes on.
      this.addBusy(tk, time);
      tk.resource = resource;
      tk.since = time;
      return;
    }
    this.leave(tk, time, role);
    this.enter(tk, time, role, teamIndex, resource, status);
  }

  /** The end of the log: states still open are censored there. */
  finish(endTime = this.lastTime): void {
    for (const tk of this.tickets.values()) {
      if (tk.role === "work") {
        this.addBusy(tk, Math.max(tk.since, endTime));
        this.censoredWork++;
      }
    }
  }

  /** Creation and closing of every ticket, for resolution times (censored at `endTime`). */
  resolutionSample(endTime: number): CensoredSample {
    const sample = new CensoredSample();
    for (const tk of this.tickets.values()) {
      if (tk.visits.length === 0 && !Number.isFinite(tk.closedAt)) continue;
      const closed = tk.role === "closed";
      if (closed) sample.add((tk.closedAt - tk.created) / 1000, false);
      else if (!tk.lost) sample.add(Math.max(0, endTime - tk.created) / 1000, true);
    }
    return sample;
  }

  private newTicket(created: number, channel: string, priority: string): TicketState {
    if (created < this.firstCreated) this.firstCreated = created;
    if (created > this.lastCreated) this.lastCreated = created;
    const ch = this.channels.of(channel);
    const pr = this.priorities.of(priority);
    const day = Math.floor(created / DAY_MS);
    if (this.createdByDay[ch] === undefined) {
      this.createdByDay[ch] = new Map();
      this.createdByHourOfWeek[ch] = new Float64Array(168);
      this.priorityByChannel[ch] = new Map();
    }
    const byDay = this.createdByDay[ch]!;
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
    this.createdByHourOfWeek[ch]![hourOfWeek(created)]!++;
    const prio = this.priorityByChannel[ch]!;
    prio.set(pr, (prio.get(pr) ?? 0) + 1);
    return {
      created,
      last: created,
      channel: ch,
      priority: pr,
      role: "none",
      since: created,
      team: -1,
      resource: "",
      visits: [],
      pendingLink: LINK.first,
      gapStart: created,
      closedAt: Number.NaN,
      waitedBeforeClose: false,
      reopenMarked: false,
      escalateMarked: false,
      lost: false,
      status: 0,
      queuedSince: Number.NaN,
    };
  }

  private teamIndex(name: string): number {
    const i = this.teams.of(name);
    if (this.handle[i] === undefined) {
      this.handle[i] = new DurationSample(4000, this.seed + i * 7919);
      this.waits[i] = new DurationSample(2000, this.seed + i * 104729);
      this.reopenGaps[i] = new DurationSample(1000, this.seed + i * 15485863);
      this.pickup[i] = new DurationSample(2000, this.seed + i * 32452843);
      this.queueSeconds[i] = 0;
      this.queueContacts[i] = 0;
      this.abandons[i] = 0;
      this.busy[i] = new Map();
      this.resources[i] = new Map();
    }
    return i;
  }

  /** Closes the current state at `time`, booking its duration. */
  private leave(tk: TicketState, time: number, next: Role): void {
    const seconds = (time - tk.since) / 1000;
    switch (tk.role) {
      case "queued":
        if (tk.team >= 0) {
          this.queueSeconds[tk.team]! += seconds;
          this.queueContacts[tk.team]!++;
          if (next === "abandoned") this.abandons[tk.team]!++;
          if (tk.visits.length === 0 && !tk.escalateMarked) {
            const key = `${tk.team}\u0000${tk.channel}`;
            let q = this.entryQueue.get(key);
            if (!q) {
              q = { seconds: 0, contacts: 0, abandons: 0 };
              this.entryQueue.set(key, q);
            }
            q.seconds += seconds;
            q.contacts++;
            if (next === "abandoned") q.abandons++;
          }
        }
        break;
      case "work": {
        if (next === "done") this.workEndedByDone++;
        this.addBusy(tk, time);
        const team = tk.team;
        this.handle[team]!.add(seconds);
        const key = `${team}\u0000${tk.priority}`;
        let byPriority = this.handleByPriority.get(key);
        if (!byPriority) {
          byPriority = new DurationSample(1000, this.seed + this.handleByPriority.size * 31);
          this.handleByPriority.set(key, byPriority);
        }
        byPriority.add(seconds);
        if (tk.visits.length === 1 && !tk.visits[0]!.escalated) {
          const entry = `${team}\u0000${tk.channel}`;
          this.sampleOf(this.entryHandle, entry, 4000).add(seconds);
          this.sampleOf(this.entryHandleByPriority, `${entry}\u0000${tk.priority}`, 2000).add(seconds);
        } else this.sampleOf(this.laterHandle, String(team), 4000).add(seconds);
        break;
      }
      case "wait":
        if (tk.visits.length > 0) this.waits[tk.visits[tk.visits.length - 1]!.team]!.add(seconds);
        break;
      default:
        break;
    }
  }

  private sampleOf(map: Map<string, DurationSample>, key: string, capacity: number): DurationSample {
    let sample = map.get(key);
    if (!sample) {
      sample = new DurationSample(capacity, this.seed + (map.size + 1) * 2_654_435);
      map.set(key, sample);
    }
    return sample;
  }

  private enter(tk: TicketState, time: number, role: Role, team: number, resource: string, status: string): void {
    if (role === "queued" && tk.role !== "queued") tk.queuedSince = time;
    else if (role === "work" && team >= 0)
      this.pickup[team]!.add(tk.role === "queued" ? (time - tk.queuedSince) / 1000 : 0);
    if (tk.role === "closed" && role !== "closed") {
      // Active again after closing: the next visit is a reopen.
      tk.pendingLink = LINK.afterClose;
    }
    tk.role = role;
    tk.since = time;
    tk.team = team;
    tk.resource = role === "work" ? resource : "";
    switch (role) {
      case "work": {
        if (team < 0) {
          tk.role = "none";
          return;
        }
        const gap = tk.pendingLink >= LINK.afterWait ? (time - tk.gapStart) / 1000 : 0;
        if (tk.pendingLink === LINK.afterClose && tk.visits.length > 0) {
          this.reopenGaps[tk.visits[tk.visits.length - 1]!.team]!.add(gap);
        }
        tk.visits.push({ team, link: tk.pendingLink, abandoned: false, escalated: tk.escalateMarked, gapSeconds: gap });
        tk.escalateMarked = false;
        tk.pendingLink = LINK.direct;
        tk.closedAt = Number.NaN;
        tk.waitedBeforeClose = false;
        tk.lost = false;
        break;
      }
      case "wait":
        if (tk.visits.length === 0) this.waitsBeforeAgent++;
        if (tk.pendingLink !== LINK.afterClose) {
          tk.pendingLink = LINK.afterWait;
          tk.gapStart = time;
        }
        tk.waitedBeforeClose = true;
        break;
      case "closed":
        if (!Number.isFinite(tk.closedAt)) {
          tk.closedAt = time;
          // The first closing row names how it closed ("Resolved", then "Closed": resolved).
          tk.status = this.statuses.of(status);
        }
        if (tk.pendingLink !== LINK.afterClose) tk.gapStart = time;
        if (tk.visits.length === 0) this.noWork.add((time - tk.created) / 1000);
        break;
      case "abandoned":
        if (team >= 0)
          tk.visits.push({ team, link: tk.pendingLink, abandoned: true, escalated: tk.escalateMarked, gapSeconds: 0 });
        tk.lost = true;
        tk.role = "closed";
        tk.closedAt = time;
        break;
      default:
        break;
    }
  }

  /** Books [since, time) of the ticket's agent as busy, split over clock hours. */
  private addBusy(tk: TicketState, time: number): void {
    const team = tk.team;
    if (team < 0) return;
    const busy = this.busy[team]!;
    const res = this.resources[team]!;
    let from = tk.since;
    // The agent's working pattern: the hours in which they touched the ticket. An instant of
    // work still shows them active in that hour; a work state longer than a shift (a
    // snapshot log keeps a ticket "Active" for days) shows them only where it starts and ends.
    if (tk.resource !== "") {
      addResource(res, Math.floor(from / HOUR_MS), tk.resource);
      if (time - from <= SHIFT_MS)
        for (let h = Math.floor(from / HOUR_MS) + 1; h * HOUR_MS < time; h++) addResource(res, h, tk.resource);
      else addResource(res, Math.floor((time - 1) / HOUR_MS), tk.resource);
    }
    while (from < time) {
      const hour = Math.floor(from / HOUR_MS);
      const to = Math.min(time, (hour + 1) * HOUR_MS);
      busy.set(hour, (busy.get(hour) ?? 0) + (to - from) / 1000);
      from = to;
    }
  }
}

/** Hour of the week of a wall-clock time, Monday 00:00 = 0. */
export function hourOfWeek(ms: number): number {
  const d = new Date(ms);
  return ((d.getUTCDay() + 6) % 7) * 24 + d.getUTCHours();
}

// helpers

function addResource(res: Map<number, Set<string>>, hour: number, resource: string): void {
  let set = res.get(hour);
  if (!set) {
    set = new Set();
    res.set(hour, set);
  }
  set.add(resource);
}
