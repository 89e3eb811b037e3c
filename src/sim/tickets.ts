/**
 * Tickets in struct-of-arrays form: one typed array per field, indexed by a slot that is
 * recycled when the ticket closes, so memory follows the tickets open at once, not the
 * tickets simulated. Arrays double when every slot is in use.
 */

/**
 * Flag bits of `flags`. One object rather than separate exports: the engine copies them into
 * module-level constants, which stay constants whatever the module loader does with exports.
 */
export const TicketFlag = {
  /** Created after the warm-up: counts in the KPIs. */
  COUNTED: 1,
  /** An agent has started work on it. */
  REACHED: 2,
  /** Waited past a queue's SLA (CSAT penalty). */
  PAST_SLA: 4,
  /** The next agent spends re-explain time. */
  REEXPLAIN_PENDING: 8,
  /** Had a hand-off without context (CSAT penalty). */
  REEXPLAIN: 16,
  /** The escalation note was written during the last service. */
  NOTE_DONE: 32,
  /** Left self-service as resolved, no agent since. */
  DEFLECTED: 64,
  REOPEN_COUNTED: 128,
  ESCALATION_COUNTED: 256,
  /** Waiting on the customer at a followUp step: its resolution clock is paused. */
  WAITING_CUSTOMER: 512,
} as const;

export class TicketTable {
  capacity: number;
  readonly attributeCount: number;
  readonly visitWords: number;
  /** The ticket's number in the run (0-based, in creation order; the trace's ticket id). */
  id: Int32Array;
  /** Creation time (seconds). */
  created: Float64Array;
  /** First agent start (seconds), NaN before. */
  firstStart: Float64Array;
  /** Time the current wait in a queue began (seconds). */
  queuedAt: Float64Array;
  /** In a queue that overflows: when the caller hangs up (Infinity: never), and the re-explanation seconds drawn there (both move with the contact). */
  giveUpAt: Float64Array;
  reexplainSeconds: Float64Array;
  /** Service time drawn for the current work visit (seconds). */
  service: Float64Array;
  /** The ticket's SLA: slaSeconds of the first SLA queue it joined, NaN before. */
  sla: Float64Array;
  /** Start of the current stretch on the resolution clock, or of the current wait on the customer. */
  clockSince: Float64Array;
  /** Seconds spent waiting on the customer (followUp steps), which the resolution clock leaves out. */
  customerWait: Float64Array;
  contactType: Int32Array;
  priority: Int32Array;
  tier: Int32Array;
  channel: Int32Array;
  attempts: Int32Array;
  workVisits: Int32Array;
  flags: Int32Array;
  /** Wait token: bumped when the ticket joins or leaves a queue (stale-entry check). */
  token: Int32Array;
  /** Current work node. */
  node: Int32Array;
  /** Edge the current work visit leaves by. */
  outEdge: Int32Array;
  /** Escalate node whose re-explain time is pending. */
  reexplainNode: Int32Array;
  /** Agent (index within the team) serving the current contact, when agents are tracked. */
  agent: Int32Array;
  attributes: Float64Array;
  /** Bit set of nodes visited (for `attempts`). */
  visited: Uint32Array;
  private free: Int32Array;
  private freeCount: number;

  constructor(attributeCount: number, nodeCount: number, capacity = 1024) {
    this.capacity = capacity;
    this.attributeCount = attributeCount;
    this.visitWords = Math.max(1, Math.ceil(nodeCount / 32));
    this.id = new Int32Array(capacity);
    this.created = new Float64Array(capacity);
    this.firstStart = new Float64Array(capacity);
    this.queuedAt = new Float64Array(capacity);
    this.giveUpAt = new Float64Array(capacity);
    this.reexplainSeconds = new Float64Array(capacity);
    this.service = new Float64Array(capacity);
    this.sla = new Float64Array(capacity);
    this.clockSince = new Float64Array(capacity);
    this.customerWait = new Float64Array(capacity);
    this.contactType = new Int32Array(capacity);
    this.priority = new Int32Array(capacity);
    this.tier = new Int32Array(capacity);
    this.channel = new Int32Array(capacity);
    this.attempts = new Int32Array(capacity);
    this.workVisits = new Int32Array(capacity);
    this.flags = new Int32Array(capacity);
    this.token = new Int32Array(capacity);
    this.node = new Int32Array(capacity);
    this.outEdge = new Int32Array(capacity);
    this.reexplainNode = new Int32Array(capacity);
    this.agent = new Int32Array(capacity);
    this.attributes = new Float64Array(capacity * attributeCount);
    this.visited = new Uint32Array(capacity * this.visitWords);
    this.free = new Int32Array(capacity);
    this.freeCount = capacity;
    // hand out low slots first
    for (let i = 0; i < capacity; i++) this.free[i] = capacity - 1 - i;
  }

  /** Takes a free slot (growing the table if none is left). Fields keep stale values. */
  allocate(): number {
    if (this.freeCount === 0) this.grow();
    return this.free[--this.freeCount]!;
  }

  /** Returns a slot for reuse. */
  release(slot: number): void {
    this.free[this.freeCount++] = slot;
  }

  /** Slots in use, in ascending order. */
  usedSlots(): number[] {
    const isFree = new Uint8Array(this.capacity);
    for (let i = 0; i < this.freeCount; i++) isFree[this.free[i]!] = 1;
    const used: number[] = [];
    for (let i = 0; i < this.capacity; i++) if (!isFree[i]!) used.push(i);
    return used;
  }

  // helpers

  private grow(): void {
    const old = this.capacity;
    const n = old * 2;
    this.id = grown(this.id, n);
    this.created = grown(this.created, n);
    this.firstStart = grown(this.firstStart, n);
    this.queuedAt = grown(this.queuedAt, n);
    this.giveUpAt = grown(this.giveUpAt, n);
    this.reexplainSeconds = grown(this.reexplainSeconds, n);
    this.service = grown(this.service, n);
    this.sla = grown(this.sla, n);
    this.clockSince = grown(this.clockSince, n);
    this.customerWait = grown(this.customerWait, n);
    this.contactType = grown(this.contactType, n);
    this.priority = grown(this.priority, n);
    this.tier = grown(this.tier, n);
    this.channel = grown(this.channel, n);
    this.attempts = grown(this.attempts, n);
    this.workVisits = grown(this.workVisits, n);
    this.flags = grown(this.flags, n);
    this.token = grown(this.token, n);
    this.node = grown(this.node, n);
    this.outEdge = grown(this.outEdge, n);
    this.reexplainNode = grown(this.reexplainNode, n);
    this.agent = grown(this.agent, n);
    this.attributes = grown(this.attributes, n * this.attributeCount);
    this.visited = grown(this.visited, n * this.visitWords);
    this.free = grown(this.free, n);
    for (let i = 0; i < old; i++) this.free[i] = n - 1 - i;
    this.freeCount = old;
    this.capacity = n;
  }
}

function grown<T extends Float64Array | Int32Array | Uint32Array>(array: T, length: number): T {
  const out = new (array.constructor as new (n: number) => T)(length);
  out.set(array);
  return out;
}
