/**
 * The event calendar: a 4-ary min-heap over typed arrays (half the depth of a binary heap,
 * so fewer moves per event), ordered by (time, seq). `seq` counts schedulings, so events at
 * the same time fire in the order they were scheduled (as SimPy's `schedule`/`step`). Each
 * event carries an integer code, a ticket slot (or other index) and one integer datum;
 * nothing is allocated per event, the arrays double when full.
 *
 * Speed: `pop` leaves the taken event at the root, marked consumed; when the handler then
 * schedules an event (the usual case: an arrival schedules the next arrival), the new event
 * replaces the root with one sift-down instead of a removal plus an insertion. The order is
 * unchanged: it is still a heap on (time, seq). Code and slot share one integer (slot x 8 +
 * code), so a move copies four arrays, not five; codes are 0..7 and slots below 2^28.
 */

/** Codes fit in the low CODE_BITS bits of an event's tag. */
const CODE_BITS = 3;
const CODE_MASK = (1 << CODE_BITS) - 1;

/** A min-heap of events keyed by (time seconds, scheduling order). */
export class Calendar {
  private time: Float64Array;
  private seq: Float64Array;
  /** slot << CODE_BITS | code */
  private tag: Int32Array;
  private datum: Int32Array;
  private count = 0;
  private nextSeq = 0;
  /** The root is the event last popped and only awaits removal. */
  private consumed = false;
  /** Time of the event last taken by `pop` (seconds). */
  now = 0;
  /** Code, slot and datum of the event last taken by `pop`. */
  eventCode = 0;
  eventSlot = 0;
  eventDatum = 0;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.tag = new Int32Array(capacity);
    this.datum = new Int32Array(capacity);
  }

  /** Number of pending events. */
  get size(): number {
    return this.consumed ? this.count - 1 : this.count;
  }

  /** Time of the next event (Infinity when empty). */
  peekTime(): number {
    if (this.consumed) this.removeRoot();
    return this.count > 0 ? this.time[0]! : Number.POSITIVE_INFINITY;
  }

  /**
   * Schedules an event at `time` (seconds); code 0..7, slot 0..2^28-1. Kept small so the
   * handlers inline it (the time then reaches the heap without being boxed); the sifts take
   * integers only.
   */
  schedule(time: number, code: number, slot: number, datum: number): void {
    // the new event takes the place of the root last taken, if any, else a new leaf
    let i = 0;
    if (this.consumed) this.consumed = false;
    else {
      if (this.count === this.time.length) this.grow();
      i = this.count++;
    }
    this.time[i] = time;
    this.seq[i] = this.nextSeq++;
    this.tag[i] = (slot << CODE_BITS) | code;
    this.datum[i] = datum;
    if (i === 0) this.siftDown(this.count);
    else this.siftUp(i);
  }

  /** Takes the earliest event into `now`, `eventCode`, `eventSlot`, `eventDatum`; false when empty. */
  pop(): boolean {
    if (this.consumed) this.removeRoot();
    if (this.count === 0) return false;
    const tag = this.tag[0]!;
    this.now = this.time[0]!;
    this.eventCode = tag & CODE_MASK;
    this.eventSlot = tag >> CODE_BITS;
    this.eventDatum = this.datum[0]!;
    this.consumed = true;
    return true;
  }

  // helpers

  private removeRoot(): void {
    this.consumed = false;
    const last = --this.count;
    if (last === 0) return;
    this.time[0] = this.time[last]!;
    this.seq[0] = this.seq[last]!;
    this.tag[0] = this.tag[last]!;
    this.datum[0] = this.datum[last]!;
    this.siftDown(last);
  }

  /** Raises entry i to its place. */
  private siftUp(i: number): void {
    const times = this.time;
    const seqs = this.seq;
    const tags = this.tag;
    const data = this.datum;
    const t = times[i]!;
    const s = seqs[i]!;
    const tag = tags[i]!;
    const datum = data[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = times[parent]!;
      if (pt < t || (pt === t && seqs[parent]! < s)) break;
      times[i] = pt;
      seqs[i] = seqs[parent]!;
      tags[i] = tags[parent]!;
      data[i] = data[parent]!;
      i = parent;
    }
    times[i] = t;
    seqs[i] = s;
    tags[i] = tag;
    data[i] = datum;
  }

  /**
   * Sinks the root to its place within the first `count` entries. Only an integer crosses
   * the call, so nothing is boxed when it is not inlined.
   */
  private siftDown(count: number): void {
    const times = this.time;
    const seqs = this.seq;
    const tags = this.tag;
    const data = this.datum;
    const t = times[0]!;
    const s = seqs[0]!;
    const tag = tags[0]!;
    const datum = data[0]!;
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= count) break;
      let child = first;
      let ct = times[first]!;
      const last = first + 4 < count ? first + 4 : count;
      for (let c = first + 1; c < last; c++) {
        const tc = times[c]!;
        if (tc < ct || (tc === ct && seqs[c]! < seqs[child]!)) {
          child = c;
          ct = tc;
        }
      }
      if (t < ct || (t === ct && s < seqs[child]!)) break;
      times[i] = ct;
      seqs[i] = seqs[child]!;
      tags[i] = tags[child]!;
      data[i] = data[child]!;
      i = child;
    }
    times[i] = t;
    seqs[i] = s;
    tags[i] = tag;
    data[i] = datum;
  }

  private grow(): void {
    const n = this.time.length * 2;
    this.time = resized(this.time, n);
    this.seq = resized(this.seq, n);
    this.tag = resized(this.tag, n);
    this.datum = resized(this.datum, n);
  }
}

function resized<T extends Float64Array | Int32Array>(array: T, length: number): T {
  const out = new (array.constructor as new (n: number) => T)(length);
  out.set(array);
  return out;
}
