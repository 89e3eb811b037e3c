/**
 * A small, independent simulator of a two-tier desk (L1 then L2, FIFO queues, the agent
 * idle longest takes the next contact) that writes its tickets as a Flowcast event log
 * through `EventLogWriter`. Its truth (rates, handle-time means, escalation share,
 * utilisation) is known exactly, so calibration can be checked against it.
 */
import { EventLogWriter } from "../../src/io/eventlog/writer";
import { XesEventLogWriter } from "../../src/io/eventlog/xesWriter";

export interface DeskTruth {
  perHour: number;
  days: number;
  l1: { agents: number; meanSeconds: number; sdSeconds: number };
  l2: { agents: number; meanSeconds: number; sdSeconds: number };
  escalateShare: number;
  seed: number;
}

/** Writes the log; returns the rows written and the busy seconds per team. */
export function generateDeskLog(
  truth: DeskTruth,
  write: (text: string) => void,
  format: "csv" | "xes" = "csv",
): { rows: number; busy: [number, number] } {
  const rng = mulberry32(truth.seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const lognormal = (mean: number, sd: number) => {
    const s2 = Math.log(1 + (sd / mean) ** 2);
    return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * normal());
  };
  const writer =
    format === "xes" ? new XesEventLogWriter("2026-01-05T00:00", write) : new EventLogWriter("2026-01-05T00:00", write);
  const horizon = truth.days * 86400;
  const heap = new MinHeap();
  const tiers = [truth.l1, truth.l2].map((t, i) => ({
    id: i === 0 ? "l1" : "l2",
    node: i === 0 ? "work-l1" : "work-l2",
    spec: t,
    freeSince: Array.from({ length: t.agents }, () => 0),
    busy: Array.from({ length: t.agents }, () => false),
    queue: [] as number[],
    busySeconds: 0,
  }));
  const record = (
    ticket: number,
    time: number,
    event: Parameters<EventLogWriter["record"]>[2],
    node: string,
    team: string,
    agent = -1,
  ) => writer.record(ticket, time, event, node, team, agent, "normal", "phone", "");
  let next = 0;
  let t = 0;
  for (;;) {
    t += (-Math.log(1 - rng()) * 3600) / truth.perHour;
    if (t >= horizon) break;
    heap.push(t, 0, next++, 0, -1);
  }
  const startWork = (time: number, tier: number, ticket: number) => {
    const T = tiers[tier]!;
    let agent = -1;
    for (let a = 0; a < T.busy.length; a++)
      if (!T.busy[a] && (agent < 0 || T.freeSince[a]! < T.freeSince[agent]!)) agent = a;
    if (agent < 0) {
      T.queue.push(ticket);
      return;
    }
    T.busy[agent] = true;
    record(ticket, time, "start", T.node, T.id, agent);
    const d = lognormal(T.spec.meanSeconds, T.spec.sdSeconds);
    T.busySeconds += Math.min(d, horizon - time);
    heap.push(time + d, 1, ticket, tier, agent);
  };
  while (heap.size > 0) {
    const e = heap.pop();
    if (e.time >= horizon) break;
    if (e.kind === 0) {
      record(e.ticket, e.time, "arrival", "phone", "");
      record(e.ticket, e.time, "queue", "work-l1", "l1");
      startWork(e.time, 0, e.ticket);
      continue;
    }
    const T = tiers[e.tier]!;
    record(e.ticket, e.time, "end", T.node, T.id, e.agent);
    T.busy[e.agent] = false;
    T.freeSince[e.agent] = e.time;
    if (e.tier === 0 && rng() < truth.escalateShare) {
      record(e.ticket, e.time, "escalate", "escalate-l1", "");
      record(e.ticket, e.time, "queue", "work-l2", "l2");
      startWork(e.time, 1, e.ticket);
    } else record(e.ticket, e.time, "close", "resolved", "");
    const waiting = T.queue.shift();
    if (waiting !== undefined) startWork(e.time, e.tier, waiting);
  }
  writer.flush();
  return { rows: writer.rows, busy: [tiers[0]!.busySeconds, tiers[1]!.busySeconds] };
}

// helpers

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface HeapEvent {
  time: number;
  kind: number;
  ticket: number;
  tier: number;
  agent: number;
  seq: number;
}

class MinHeap {
  private items: HeapEvent[] = [];
  private seq = 0;
  get size(): number {
    return this.items.length;
  }
  push(time: number, kind: number, ticket: number, tier: number, agent: number): void {
    const items = this.items;
    items.push({ time, kind, ticket, tier, agent, seq: this.seq++ });
    let i = items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(items[i]!, items[p]!)) break;
      [items[i], items[p]] = [items[p]!, items[i]!];
      i = p;
    }
  }
  pop(): HeapEvent {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && less(items[l]!, items[m]!)) m = l;
        if (r < items.length && less(items[r]!, items[m]!)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }
}

function less(a: HeapEvent, b: HeapEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
