/**
 * The event loop of one replication and the customer-service semantics on top of it. The
 * figures it feeds live in collectors of their own (ticketStats, queueStats, teamStats,
 * backlogStats, flowStats; seriesSampler takes the series points); report.ts reads them when
 * the run ends. The arrival process (channelArrivals.ts), agent bookkeeping (agents.ts), trace
 * events (traceRecorder.ts) and the end of the run (drain.ts) live in files of their own.
 *
 * Why this file is longer than 500 lines: what is left is one state machine, each handler
 * a few lines that call each other (traverse -> enter -> enterWork -> startService ...) on
 * the same typed arrays; one class lets the optimiser inline them, and splitting it would
 * scatter one ticket's path over several files.
 *
 * Events: a channel's next arrival, the end of a service, a contact's patience running out,
 * the end of a timed step (self-service, follow-up wait, delay, escalation note), a team's
 * staffing change, and a contact's wait reaching its queue's overflow time. Everything else (routing, moving along edges, closing) happens at
 * once inside those events.
 *
 * Semantics chosen where DESIGN.md is silent (a real contact centre's behaviour):
 * - Arrivals: non-homogeneous Poisson, exact by inversion of the cumulative rate, which is
 *   piecewise constant on clock hours (arrivalRates.ts); one dayFactor draw per channel per
 *   calendar day.
 * - Handle time, outcome and patience of a work visit are drawn when the contact enters
 *   the node (in arrival order), so two scenarios give the same contact the same draws.
 * - Queues: a team keeps the invariant "busy < capacity implies all its queues are empty";
 *   a freed agent takes the head with the best (priority, time joined) over the team's
 *   queues; priority ranks only count in `priority` queues (a `fifo` queue's contacts rank
 *   as normal). Concurrency c: an agent holds c contacts, each at its own handle time.
 * - Overflow (queue.overflow): a contact still waiting `after` seconds after joining a queue
 *   (or, with after 0, finding every agent of the team busy) moves to the overflow step's
 *   queue, with that step's handle time and outcome drawn then; its wait and its caller's
 *   patience run on from the first queue (docs/metrics.md, "Overflow between pools").
 * - Staffing drops never preempt: contacts in service finish (agents stay as overtime,
 *   counted as staffed while they do) and nobody new starts until busy < capacity.
 * - Agents are tracked by index only when a trace is recorded or the team has a chat
 *   slowdown (agents.ts: the least-loaded staffed agent takes a contact).
 * - Chat slowdown: a contact's handle time is multiplied by the team's factor for the number
 *   of contacts its agent holds once it starts (itself included); contacts already held keep
 *   their pace. Without `concurrencySlowdown` every contact runs at full speed.
 * - attempts counts customer contacts: it starts at 1 and grows by one each time the ticket
 *   moves along an edge into a node its current contact has already visited (reopen, repeat
 *   contact, loop back); that starts a new contact with an empty path, so a loop of several
 *   steps adds one attempt, not one per step.
 * - FCR: closed `resolved` with one agent visit, one contact and no escalation.
 * - Measurement by arrival cohort: tickets created after the warm-up and up to the horizon
 *   are followed to their end. Arrivals stop at the horizon and the run drains (drain.ts);
 *   the tickets left open then are `unfinished`. Clock figures (backlog, queue lengths,
 *   utilisation, cost, series) end at the horizon (seriesSampler.ts).
 * - A ticket's target is the flow's resolutionTargets entry for its priority, else the
 *   slaSeconds of the first SLA queue it joins; backlogPastSla counts open tickets older
 *   than their target, except while they wait on the customer at a followUp step ("pending
 *   customer"): the resolution clock pauses there, and a ticket's age leaves those waits out.
 * - CSAT is the expected share of satisfied answers: each closed ticket weighs with its end
 *   node's responseRate, satisfied with probability base minus the penalties that apply,
 *   clamped to [0, 1] (ends without `csat` survey with the defaults 0.2 and 0.9).
 * - Where a KPI has no denominator in a replication (no SLA queue, nobody served), it is 0.
 */
import type { Model } from "../model";
import { AgentBook } from "./agents";
import { BacklogStats } from "./backlogStats";
import { Calendar } from "./calendar";
import { ChannelArrivals } from "./channelArrivals";
import { type CompiledModel, compileModel, handleIndex, NORMAL_PRIORITY, NodeKindCode } from "./compile";
import { ContactQueue } from "./contactQueue";
import { pick } from "./distributions";
import { drain, stopRun } from "./drain";
import { FlowStats } from "./flowStats";
import { IntervalStats } from "./intervalStats";
import { type Clock, createClock, DRAIN_CAP_HORIZONS, type MeasureWindow, measureWindow } from "./measureWindow";
import { QueueStats } from "./queueStats";
import type { ReplicationResult } from "./replication";
import { buildReplicationResult, type RunStats } from "./report";
import { createStream, type RandomStream } from "./rng";
import { matchingRuleEdge as firstMatchingRule } from "./routing";
import { SeriesSampler } from "./seriesSampler";
import { TeamStats } from "./teamStats";
import { TicketStats } from "./ticketStats";
import { TicketFlag, TicketTable } from "./tickets";
import type { TraceSink } from "./trace";
import { TraceRecorder } from "./traceRecorder";

// module-level copies: constants and functions the hot loop uses, bound once
const { CHANNEL, SELF_SERVICE, ROUTE, WORK, ESCALATE, FOLLOW_UP, DELAY, END } = NodeKindCode;
const {
  COUNTED,
  DEFLECTED,
  ESCALATION_COUNTED,
  NOTE_DONE,
  PAST_SLA,
  REACHED,
  REEXPLAIN,
  REEXPLAIN_PENDING,
  REOPEN_COUNTED,
  WAITING_CUSTOMER,
} = TicketFlag;
const NORMAL = NORMAL_PRIORITY;
const pickIndex = pick;
const matchingRuleEdge = firstMatchingRule;

const EV_ARRIVAL = 1;
const EV_SERVICE_END = 2;
const EV_ABANDON = 3;
const EV_TIMER = 4;
const EV_SHIFT = 5;
const EV_OVERFLOW = 6;
const PRIORITY_LEVELS = 4;

/**
 * Runs one replication of a valid flow up to `horizon` seconds.
 * @param trace receives every step of every ticket (none: no tracing cost)
 */
export function runEngine(
  model: Model,
  seed: number,
  replication: number,
  horizon: number,
  trace?: TraceSink,
): ReplicationResult {
  const sim = new Simulation(model, seed, replication, horizon, trace ?? null);
  sim.run();
  return buildReplicationResult(sim.cm, sim.stats, replication, sim.events);
}

/** The state of one replication. */
class Simulation {
  readonly cm: CompiledModel;
  readonly window: MeasureWindow;
  readonly calendar = new Calendar(1024);
  readonly tickets: TicketTable;
  readonly stats: RunStats;
  events = 0;
  now = 0;
  /** `now`, shared with the collectors (they read it instead of taking times as arguments). */
  private readonly clock: Clock = createClock();
  private readonly ticketStats: TicketStats;
  private readonly flow: FlowStats;
  private readonly queueStats: QueueStats;
  private readonly teamStats: TeamStats;
  private readonly backlog: BacklogStats;
  private readonly series: SeriesSampler;
  /** Records trace events (null: no trace asked for). */
  private readonly trace: TraceRecorder | null;

  // streams (index: node)
  private readonly durationRng: RandomStream[];
  private readonly outcomeRng: RandomStream[];
  private readonly patienceRng: RandomStream[];
  private readonly extraRng: RandomStream[];

  private readonly arrivals: ChannelArrivals;

  // work nodes
  private readonly queues: ContactQueue[][];
  readonly queueLength: Int32Array;
  readonly inService: Int32Array;

  // teams
  readonly busy: Int32Array;
  readonly staffed: Int32Array;
  readonly capacity: Int32Array;
  private readonly shiftNext: Int32Array;
  private readonly agents: AgentBook;
  /** Whether each team tracks its agents (agents.ts): when tracing, or for its chat slowdown. */
  private readonly tracksAgents: Uint8Array;
  /** Measured tickets (created after the warm-up) still open. */
  cohortOpen = 0;
  /** Run time (seconds) at which the drain gives up on the measured tickets still open. */
  private readonly drainCap: number;

  constructor(model: Model, seed: number, replication: number, horizon: number, trace: TraceSink | null) {
    this.drainCap = DRAIN_CAP_HORIZONS * horizon;
    // staffing runs on through the drain
    const cm = compileModel(model, this.drainCap);
    this.cm = cm;
    const window = measureWindow(model.clock.warmup, horizon, model.clock.seriesInterval);
    this.window = window;
    const n = cm.nNodes;
    const nTeams = cm.teams.length;
    const ids = cm.nodeIds;
    const stream = (name: string) => createStream(seed, replication, name);
    this.tickets = new TicketTable(cm.attributes.length, n);
    this.trace = trace === null ? null : new TraceRecorder(trace, cm, this.tickets);
    const clock = this.clock;
    this.ticketStats = new TicketStats(clock, this.tickets);
    const intervals = cm.collectIntervals
      ? new IntervalStats(
          cm.work.map((w) => w !== null),
          nTeams,
          cm.intervalSeconds,
          cm.weekOffset,
          window,
        )
      : null;
    this.flow = new FlowStats(n, cm.edgeTo.length);
    this.queueStats = new QueueStats(
      cm.work.map((w) => w !== null),
      cm.work.map((w) => w?.sla ?? Number.NaN),
      cm.work.map((w) => w?.shortAbandon ?? 0),
      window,
      clock,
      this.tickets,
      intervals,
    );
    this.teamStats = new TeamStats(nTeams, window, clock, intervals);
    this.backlog = new BacklogStats(window, clock, this.tickets);
    this.stats = {
      window,
      tickets: this.ticketStats,
      flow: this.flow,
      queues: this.queueStats,
      teams: this.teamStats,
      backlog: this.backlog,
      intervals,
    };
    this.durationRng = ids.map((id) => stream(`duration:${id}`));
    this.outcomeRng = ids.map((id) => stream(`outcome:${id}`));
    this.patienceRng = ids.map((id) => stream(`patience:${id}`));
    this.extraRng = ids.map((id) => stream(`extra:${id}`));
    this.arrivals = new ChannelArrivals(cm, this.calendar, clock, horizon, EV_ARRIVAL, stream);
    this.queues = cm.work.map((w) =>
      w ? Array.from({ length: w.byPriority ? PRIORITY_LEVELS : 1 }, () => new ContactQueue()) : [],
    );
    this.queueLength = new Int32Array(n);
    this.inService = new Int32Array(n);
    this.busy = new Int32Array(nTeams);
    this.staffed = Int32Array.from(cm.teams.map((t) => t.initialAgents));
    this.capacity = Int32Array.from(cm.teams.map((t) => t.initialAgents * t.concurrency));
    this.shiftNext = new Int32Array(nTeams);
    this.agents = new AgentBook(cm.teams, this.staffed, trace !== null);
    this.tracksAgents = this.agents.tracks;
    this.series = new SeriesSampler(n, nTeams, clock, this.stats, this);
  }

  /**
   * Runs the replication: events up to the horizon (arrivals stop there), then the drain:
   * events go on until every measured ticket has closed, or the drain cap is reached.
   */
  run(): void {
    const cal = this.calendar;
    for (let c = 0; c < this.cm.channels.length; c++) this.scheduleArrival(c);
    for (let t = 0; t < this.cm.teams.length; t++) {
      const team = this.cm.teams[t]!;
      if (team.changeTimes.length > 0) cal.schedule(team.changeTimes[0]!, EV_SHIFT, t, 0);
    }
    const horizon = this.window.horizon;
    const series = this.series;
    let nextSample = series.nextTime();
    for (;;) {
      const t = cal.peekTime(); // Infinity when empty
      if (t > horizon) break;
      while (t > nextSample) {
        series.sample(nextSample);
        nextSample = series.nextTime();
      }
      this.step();
    }
    series.closeClock();
    drain(this, this.drainCap);
    stopRun(this.now, this.clock, this.tickets, this.backlog, this.ticketStats, this.cohortOpen);
  }

  /** Takes the next event off the calendar and handles it. */
  step(): void {
    const cal = this.calendar;
    cal.pop();
    this.now = cal.now;
    this.clock[0] = cal.now;
    this.events++;
    const slot = cal.eventSlot;
    switch (cal.eventCode) {
      case EV_ARRIVAL:
        this.arrive(slot);
        break;
      case EV_SERVICE_END:
        this.endService(slot, cal.eventDatum);
        break;
      case EV_ABANDON:
        this.abandon(slot, cal.eventDatum);
        break;
      case EV_TIMER:
        this.endTimer(slot, cal.eventDatum);
        break;
      case EV_OVERFLOW:
        this.overflowTimer(slot, cal.eventDatum);
        break;
      default:
        this.changeStaffing(slot);
    }
  }

  // arrivals

  /** Schedules channel c's next arrival (integer arguments only, see ChannelArrivals.scheduleNext). */
  private scheduleArrival(c: number): void {
    this.arrivals.scheduleNext(c);
  }

  private arrive(c: number): void {
    const ch = this.cm.channels[c]!;
    const tk = this.tickets;
    const slot = tk.allocate();
    const now = this.now;
    const counted = now >= this.window.warmup;
    this.arrivals.drawTraits(slot, c, tk);
    tk.id[slot] = this.flow.created;
    tk.created[slot] = now;
    tk.firstStart[slot] = Number.NaN;
    tk.sla[slot] = this.cm.resolutionTargets[tk.priority[slot]!]!;
    tk.clockSince[slot] = now;
    tk.customerWait[slot] = 0;
    tk.channel[slot] = ch.channelCode;
    tk.attempts[slot] = 1;
    tk.workVisits[slot] = 0;
    tk.flags[slot] = counted ? COUNTED : 0;
    const words = tk.visitWords;
    const vbase = slot * words;
    for (let i = 0; i < words; i++) tk.visited[vbase + i] = 0;
    tk.visited[vbase + (ch.node >> 5)]! |= 1 << (ch.node & 31);
    this.flow.created++;
    this.flow.open++;
    if (counted) {
      this.cohortOpen++;
      this.ticketStats.tickets++;
      this.flow.entered[ch.node]!++;
      this.backlog.arrival();
    }
    if (this.trace !== null) this.trace.record(slot, this.now, "arrival", ch.node, -1, -1);
    this.scheduleArrival(c);
    this.traverse(slot, ch.outEdge);
  }

  // moving through the flow

  /** Moves a ticket along edge e (-1: an unconnected port, the contact is lost). */
  private traverse(slot: number, e: number): void {
    if (e < 0) {
      this.lose(slot);
      return;
    }
    const tk = this.tickets;
    if ((tk.flags[slot]! & COUNTED) !== 0) this.flow.edges[e]!++;
    const to = this.cm.edgeTo[e]!;
    const word = slot * tk.visitWords + (to >> 5);
    const bit = 1 << (to & 31);
    if ((tk.visited[word]! & bit) !== 0) this.comeBack(slot, to);
    else tk.visited[word]! |= bit;
    this.enter(slot, to);
  }

  /**
   * A loop back into node `to`: the customer comes back (reopen, repeat contact), and the new
   * contact's path starts afresh, so the rest of the loop does not count again.
   */
  private comeBack(slot: number, to: number): void {
    const tk = this.tickets;
    tk.attempts[slot]!++;
    const base = slot * tk.visitWords;
    for (let i = 0; i < tk.visitWords; i++) tk.visited[base + i] = 0;
    tk.visited[base + (to >> 5)] = 1 << (to & 31);
    if (this.trace !== null) this.trace.record(slot, this.now, "reopen", to, -1, -1);
    this.noteReopen(slot);
  }

  private enter(slot: number, n: number): void {
    const tk = this.tickets;
    if ((tk.flags[slot]! & COUNTED) !== 0) this.flow.entered[n]!++;
    switch (this.cm.kind[n]!) {
      case WORK:
        this.enterWork(slot, n);
        return;
      case SELF_SERVICE:
        this.startTimer(slot, n, this.cm.selfService[n]!.duration.sample(this.durationRng[n]!));
        return;
      case ROUTE:
        this.traverse(slot, this.routeEdge(slot, n));
        return;
      case ESCALATE:
        this.escalate(slot, n);
        return;
      case FOLLOW_UP:
        if (this.trace !== null) this.trace.record(slot, this.now, "wait", n, -1, -1);
        this.pauseClock(slot);
        this.startTimer(slot, n, this.cm.followUp[n]!.wait.sample(this.durationRng[n]!));
        return;
      case DELAY:
        if (this.trace !== null) this.trace.record(slot, this.now, "wait", n, -1, -1);
        this.startTimer(slot, n, this.cm.delay[n]!.sample(this.durationRng[n]!));
        return;
      case END:
        this.close(slot, n);
        return;
      case CHANNEL:
        this.traverse(slot, this.cm.outEdge[n]!);
        return;
    }
  }

  private startTimer(slot: number, n: number, seconds: number): void {
    this.calendar.schedule(this.now + seconds, EV_TIMER, slot, n);
  }

  private endTimer(slot: number, n: number): void {
    const cm = this.cm;
    switch (cm.kind[n]!) {
      case SELF_SERVICE: {
        const s = cm.selfService[n]!;
        const type = this.tickets.contactType[slot]!;
        const share = s.deflection[type < 0 ? cm.nTypes : type]!;
        if (this.outcomeRng[n]!.next() < share) {
          this.tickets.flags[slot]! |= DEFLECTED;
          this.traverse(slot, s.resolvedEdge);
        } else this.traverse(slot, s.contactEdge);
        return;
      }
      case FOLLOW_UP: {
        const f = cm.followUp[n]!;
        this.resumeClock(slot);
        this.traverse(slot, f.edges[pickIndex(f.cum, this.outcomeRng[n]!.next())]!);
        return;
      }
      default:
        this.traverse(slot, cm.outEdge[n]!);
    }
  }

  private escalate(slot: number, n: number): void {
    const tk = this.tickets;
    const flags = tk.flags[slot]!;
    if ((flags & (COUNTED | ESCALATION_COUNTED)) === COUNTED) {
      this.ticketStats.escalated++;
      tk.flags[slot]! |= ESCALATION_COUNTED;
    }
    if (this.trace !== null) this.trace.record(slot, this.now, "escalate", n, -1, -1);
    const e = this.cm.escalate[n]!;
    if (e.structured) {
      if ((flags & NOTE_DONE) !== 0) {
        tk.flags[slot]! &= ~NOTE_DONE;
        this.traverse(slot, this.cm.outEdge[n]!);
      } else this.startTimer(slot, n, e.note.sample(this.extraRng[n]!));
      return;
    }
    tk.flags[slot]! |= REEXPLAIN_PENDING | REEXPLAIN;
    tk.reexplainNode[slot] = n;
    this.traverse(slot, this.cm.outEdge[n]!);
  }

  /** The edge a route node sends the ticket along: a split draw, or the first matching rule. */
  private routeEdge(slot: number, n: number): number {
    const r = this.cm.route[n]!;
    if (r.splitCum) return r.splitEdge[pickIndex(r.splitCum, this.outcomeRng[n]!.next())]!;
    return matchingRuleEdge(r.rules, r.otherwiseEdge, this.tickets, slot, this.cm.nTypes);
  }

  // work: queue, agent, abandonment

  private enterWork(slot: number, n: number): void {
    const cm = this.cm;
    const w = cm.work[n]!;
    const tk = this.tickets;
    const type = tk.contactType[slot]!;
    const ti = type < 0 ? cm.nTypes : type;
    let service = w.handle[handleIndex(ti, tk.priority[slot]!)]!.sample(this.durationRng[n]!);
    // a single outcome needs no draw (the node's outcome stream serves nothing else)
    const cum = w.outcomeCum[ti]!;
    const k = cum.length === 1 ? 0 : pickIndex(cum, this.outcomeRng[n]!.next());
    tk.outEdge[slot] = w.outcomeEdge[ti]![k]!;
    const noteFor = w.outcomeNote[ti]![k]!;
    let flags = tk.flags[slot]!;
    if (noteFor >= 0) {
      service += cm.escalate[noteFor]!.note.sample(this.extraRng[noteFor]!);
      flags |= NOTE_DONE;
    } else flags &= ~NOTE_DONE;
    let reexplain = 0;
    if ((flags & REEXPLAIN_PENDING) !== 0) {
      const e = tk.reexplainNode[slot]!;
      reexplain = cm.escalate[e]!.reexplain.sample(this.extraRng[e]!);
      service += reexplain;
      flags &= ~REEXPLAIN_PENDING;
    }
    tk.flags[slot] = flags;
    tk.service[slot] = service;
    tk.node[slot] = n;
    if (!Number.isNaN(w.sla) && Number.isNaN(tk.sla[slot]!)) tk.sla[slot] = w.sla;
    let patience = Number.POSITIVE_INFINITY;
    if (w.patience) {
      patience = w.patience.sample(this.patienceRng[n]!);
      if ((flags & COUNTED) !== 0) this.queueStats.joinedPatience[n]!++;
    }
    const team = w.team;
    if (this.trace !== null) this.trace.record(slot, this.now, "queue", n, team, -1);
    if (team < 0) {
      this.lose(slot);
      return;
    }
    tk.queuedAt[slot] = this.now;
    if (w.overflowTo >= 0) {
      // what moves with the contact if it overflows: its caller's patience, a re-explanation owed
      tk.giveUpAt[slot] = this.now + patience;
      tk.reexplainSeconds[slot] = reexplain;
    }
    if (this.busy[team]! < this.capacity[team]!) {
      this.startService(slot, n, team);
      return;
    }
    if (w.overflowTo >= 0) {
      if (w.overflowAfter === 0) this.overflow(slot, n);
      else this.queueMoving(slot, n);
      return;
    }
    const token = ++tk.token[slot]!;
    this.queues[n]![w.byPriority ? tk.priority[slot]! : 0]!.push(slot, token);
    this.advanceNode(n);
    this.queueLength[n]!++;
    if (patience !== Number.POSITIVE_INFINITY) this.calendar.schedule(this.now + patience, EV_ABANDON, slot, token);
  }

  // overflow between pools

  /**
   * The contact leaves work node n's queue (or, with `after: 0`, never joins it) for the
   * queue of n's overflow step m: it is served there by m's team, with m's handle time and
   * outcome (drawn now from m's streams), plus any re-explanation owed. Its wait runs on from
   * when it joined the first queue, and so does its caller's patience.
   */
  private overflow(slot: number, n: number): void {
    const cm = this.cm;
    const tk = this.tickets;
    const m = cm.work[n]!.overflowTo;
    const w = cm.work[m]!;
    if ((tk.flags[slot]! & COUNTED) !== 0) {
      this.queueStats.overflowed[n]!++;
      this.flow.entered[m]!++;
    }
    const type = tk.contactType[slot]!;
    const ti = type < 0 ? cm.nTypes : type;
    let service =
      w.handle[handleIndex(ti, tk.priority[slot]!)]!.sample(this.durationRng[m]!) + tk.reexplainSeconds[slot]!;
    const cum = w.outcomeCum[ti]!;
    const k = cum.length === 1 ? 0 : pickIndex(cum, this.outcomeRng[m]!.next());
    tk.outEdge[slot] = w.outcomeEdge[ti]![k]!;
    const noteFor = w.outcomeNote[ti]![k]!;
    if (noteFor >= 0) {
      service += cm.escalate[noteFor]!.note.sample(this.extraRng[noteFor]!);
      tk.flags[slot]! |= NOTE_DONE;
    } else tk.flags[slot]! &= ~NOTE_DONE;
    tk.service[slot] = service;
    tk.node[slot] = m;
    if (!Number.isNaN(w.sla) && Number.isNaN(tk.sla[slot]!)) tk.sla[slot] = w.sla;
    const team = w.team;
    if (this.trace !== null) this.trace.record(slot, this.now, "queue", m, team, -1);
    if (team < 0) {
      this.lose(slot);
      return;
    }
    if (this.busy[team]! < this.capacity[team]!) this.startService(slot, m, team);
    else if (w.overflowTo >= 0 && w.overflowAfter === 0) this.overflow(slot, m);
    else this.queueMoving(slot, m);
  }

  /** Queues the contact at work node n, where it may hang up at `giveUpAt` or overflow on after the node's `overflowAfter`. */
  private queueMoving(slot: number, n: number): void {
    const w = this.cm.work[n]!;
    const tk = this.tickets;
    const token = ++tk.token[slot]!;
    this.queues[n]![w.byPriority ? tk.priority[slot]! : 0]!.push(slot, token);
    this.advanceNode(n);
    this.queueLength[n]!++;
    const giveUp = tk.giveUpAt[slot]!;
    if (giveUp !== Number.POSITIVE_INFINITY)
      this.calendar.schedule(giveUp > this.now ? giveUp : this.now, EV_ABANDON, slot, token);
    if (w.overflowTo >= 0) this.calendar.schedule(this.now + w.overflowAfter, EV_OVERFLOW, slot, token);
  }

  /** A contact's wait at its queue reached the overflow time: it moves on unless it has left the queue since. */
  private overflowTimer(slot: number, token: number): void {
    const tk = this.tickets;
    if (tk.token[slot]! !== token) return;
    tk.token[slot]!++;
    const n = tk.node[slot]!;
    this.advanceNode(n);
    this.queueLength[n]!--;
    this.overflow(slot, n);
  }

  /** The contact starts service now; its wait runs from `queuedAt` (integer arguments only, see scheduleArrival). */
  private startService(slot: number, n: number, team: number): void {
    const tk = this.tickets;
    const sla = this.cm.work[n]!.sla;
    const now = this.now;
    const wait = now - tk.queuedAt[slot]!;
    let flags = tk.flags[slot]!;
    const counted = (flags & COUNTED) !== 0;
    if (wait > sla) flags |= PAST_SLA;
    if (counted) this.queueStats.answered(n, slot);
    if (Number.isNaN(tk.firstStart[slot]!)) {
      tk.firstStart[slot] = now;
      if (counted) this.ticketStats.firstResponse(slot);
    }
    if ((flags & REACHED) === 0) {
      flags |= REACHED;
      if (counted) this.ticketStats.reached++;
    }
    tk.flags[slot] = flags & ~DEFLECTED;
    this.noteReopen(slot);
    tk.workVisits[slot]!++;
    this.advanceTeam(team);
    this.busy[team]!++;
    this.advanceNode(n);
    this.inService[n]!++;
    let service = tk.service[slot]!;
    if (this.tracksAgents[team] !== 0) service = this.startAgent(slot, n, team, service);
    this.calendar.schedule(now + service, EV_SERVICE_END, slot, n);
  }

  private endService(slot: number, n: number): void {
    const team = this.cm.work[n]!.team;
    this.advanceTeam(team);
    this.busy[team]!--;
    this.advanceNode(n);
    this.inService[n]!--;
    if (this.tracksAgents[team] !== 0) this.endAgent(slot, n, team);
    // the freed agent takes the next waiting contact before this one moves on
    this.dispatch(team);
    this.traverse(slot, this.tickets.outEdge[slot]!);
  }

  /** Starts waiting contacts while the team has free capacity (restores the team invariant). */
  private dispatch(team: number): void {
    const nodes = this.cm.teams[team]!.nodes;
    const tk = this.tickets;
    while (this.busy[team]! < this.capacity[team]!) {
      let bestNode = -1;
      let bestQueue: ContactQueue | null = null;
      let bestRank = PRIORITY_LEVELS;
      let bestTime = Number.POSITIVE_INFINITY;
      for (let i = 0; i < nodes.length; i++) {
        const n = nodes[i]!;
        if (this.queueLength[n]! === 0) continue;
        const levels = this.queues[n]!;
        for (let level = 0; level < levels.length; level++) {
          const q = levels[level]!;
          while (q.size > 0 && tk.token[q.headSlot()]! !== q.headToken()) q.shift();
          if (q.size === 0) continue;
          const rank = levels.length > 1 ? level : NORMAL;
          const time = tk.queuedAt[q.headSlot()]!;
          if (rank < bestRank || (rank === bestRank && time < bestTime)) {
            bestRank = rank;
            bestTime = time;
            bestNode = n;
            bestQueue = q;
          }
          break;
        }
      }
      if (bestQueue === null) return;
      const slot = bestQueue.shift();
      tk.token[slot]!++;
      this.advanceNode(bestNode);
      this.queueLength[bestNode]!--;
      this.startService(slot, bestNode, team);
    }
  }

  private abandon(slot: number, token: number): void {
    const tk = this.tickets;
    if (tk.token[slot]! !== token) return;
    tk.token[slot]!++;
    const n = tk.node[slot]!;
    const w = this.cm.work[n]!;
    this.advanceNode(n);
    this.queueLength[n]!--;
    const wait = this.now - tk.queuedAt[slot]!;
    if (wait > w.sla) tk.flags[slot]! |= PAST_SLA;
    if ((tk.flags[slot]! & COUNTED) !== 0) this.queueStats.abandon(n, slot);
    if (this.trace !== null) this.trace.record(slot, this.now, "abandon", n, w.team, -1);
    this.traverse(slot, w.abandonEdge);
  }

  private changeStaffing(team: number): void {
    const t = this.cm.teams[team]!;
    this.advanceTeam(team);
    const i = this.shiftNext[team]!++;
    this.staffed[team] = t.changeAgents[i]!;
    this.capacity[team] = t.changeAgents[i]! * t.concurrency;
    if (i + 1 < t.changeTimes.length) this.calendar.schedule(t.changeTimes[i + 1]!, EV_SHIFT, team, 0);
    this.dispatch(team);
  }

  // closing

  private close(slot: number, n: number): void {
    const tk = this.tickets;
    const end = this.cm.end[n]!;
    const flags = tk.flags[slot]!;
    this.flow.closed++;
    if (this.trace !== null) this.trace.record(slot, this.now, "close", n, -1, -1);
    if ((flags & COUNTED) !== 0) {
      const stats = this.ticketStats;
      stats.closed++;
      const visits = tk.workVisits[slot]!;
      const attempts = tk.attempts[slot]!;
      if (end.resolved) {
        stats.resolved(slot);
        // resolved at the first contact by one agent: no escalation, transfer, reopen or repeat
        if (visits === 1 && attempts === 1 && (flags & ESCALATION_COUNTED) === 0) stats.fcr++;
      }
      if ((flags & DEFLECTED) !== 0 && visits === 0) stats.deflected++;
      const penalties = this.cm.csatPenalties;
      let p = end.base;
      if ((flags & PAST_SLA) !== 0) p -= penalties.pastSla;
      if ((flags & REEXPLAIN) !== 0) p -= penalties.reexplain;
      if (attempts > 1) p -= penalties.reopen;
      stats.survey(end.responseRate, p < 0 ? 0 : Math.min(p, 1));
    }
    this.release(slot);
  }

  /** A contact that leaves by an unconnected port (an abandon with nowhere to go). */
  private lose(slot: number): void {
    this.flow.lost++;
    this.release(slot);
  }

  /** Ends a ticket's open time now and frees its slot. */
  private release(slot: number): void {
    const tk = this.tickets;
    this.backlog.ticketEnds(slot);
    this.flow.open--;
    if ((tk.flags[slot]! & COUNTED) !== 0) this.cohortOpen--;
    tk.token[slot]!++;
    tk.release(slot);
  }

  /** The ticket starts waiting on the customer: its resolution clock stops (backlogPastSla). */
  private pauseClock(slot: number): void {
    const tk = this.tickets;
    this.backlog.clockTime(slot);
    tk.clockSince[slot] = this.now;
    tk.flags[slot]! |= WAITING_CUSTOMER;
  }

  /** The customer's wait is over: the resolution clock runs again, the wait left out of the ticket's age. */
  private resumeClock(slot: number): void {
    const tk = this.tickets;
    tk.customerWait[slot]! += this.now - tk.clockSince[slot]!;
    tk.clockSince[slot] = this.now;
    tk.flags[slot]! &= ~WAITING_CUSTOMER;
  }

  private noteReopen(slot: number): void {
    const tk = this.tickets;
    const flags = tk.flags[slot]!;
    if (tk.attempts[slot]! > 1 && (flags & (COUNTED | REACHED | REOPEN_COUNTED)) === (COUNTED | REACHED)) {
      tk.flags[slot] = flags | REOPEN_COUNTED;
      this.ticketStats.reopened++;
    }
  }

  // time averages

  private advanceNode(n: number): void {
    this.queueStats.advance(n, this.queueLength[n]!, this.inService[n]!);
  }

  private advanceTeam(team: number): void {
    this.teamStats.advance(team, this.busy[team]!, this.capacity[team]!);
  }

  // agents (tracked when tracing or for a chat slowdown; out of the handlers, which stay small enough to inline)

  /** An agent of the team takes the contact: picks the agent, records the start; returns the (slowed) service time. */
  private startAgent(slot: number, n: number, team: number, service: number): number {
    const agent = this.agents.take(team);
    this.tickets.agent[slot] = agent;
    if (this.trace !== null) this.trace.record(slot, this.now, "start", n, team, agent);
    return this.agents.pace(team, agent, service);
  }

  /** The contact's agent is free again. */
  private endAgent(slot: number, n: number, team: number): void {
    const agent = this.tickets.agent[slot]!;
    this.agents.free(team, agent);
    if (this.trace !== null) this.trace.record(slot, this.now, "end", n, team, agent);
  }
}
