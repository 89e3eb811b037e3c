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
 * unchanged: it is still a heap on (time, seq).
 */

/** A min-heap of events keyed by (time seconds, scheduling order). */
export class Calendar {
  private time: Float64Array;
  private seq: Float64Array;
  private code: Int32Array;
  private slot: Int32Array;
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
    this.code = new Int32Array(capacity);
    this.slot = new Int32Array(capacity);
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

  /** Schedules an event at `time` (seconds). */
  schedule(time: number, code: number, slot: number, datum: number): void {
    const seq = this.nextSeq++;
    if (this.consumed) {
      this.consumed = false;
      this.siftDown(0, this.count, time, seq, code, slot, datum);
      return;
    }
    if (this.count === this.time.length) this.grow();
    // sift up: move parents down until the new event's place is found
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const pt = this.time[parent]!;
      if (pt < time || (pt === time && this.seq[parent]! < seq)) break;
      this.move(parent, i);
      i = parent;
    }
    this.time[i] = time;
    this.seq[i] = seq;
    this.code[i] = code;
    this.slot[i] = slot;
    this.datum[i] = datum;
  }

  /** Takes the earliest event into `now`, `eventCode`, `eventSlot`, `eventDatum`; false when empty. */
  pop(): boolean {
    if (this.consumed) this.removeRoot();
    if (this.count === 0) return false;
    this.now = this.time[0]!;
    this.eventCode = this.code[0]!;
    this.eventSlot = this.slot[0]!;
    this.eventDatum = this.datum[0]!;
    this.consumed = true;
    return true;
  }

  // helpers

  private removeRoot(): void {
    this.consumed = false;
    const last = --this.count;
    if (last === 0) return;
    this.siftDown(0, last, this.time[last]!, this.seq[last]!, this.code[last]!, this.slot[last]!, this.datum[last]!);
  }

  /** Places an event at `i` and sifts it down within the first `count` entries. */
  private siftDown(i: number, count: number, t: number, s: number, code: number, slot: number, datum: number): void {
    const time = this.time;
    const seq = this.seq;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= count) break;
      // the earliest of up to four children
      let child = first;
      let ct = time[first]!;
      let cs = seq[first]!;
      const last = first + 4 < count ? first + 4 : count;
      for (let c = first + 1; c < last; c++) {
        const tc = time[c]!;
        if (tc < ct || (tc === ct && seq[c]! < cs)) {
          child = c;
          ct = tc;
          cs = seq[c]!;
        }
      }
      if (t < ct || (t === ct && s < cs)) break;
      this.move(child, i);
      i = child;
    }
    this.time[i] = t;
    this.seq[i] = s;
    this.code[i] = code;
    this.slot[i] = slot;
    this.datum[i] = datum;
  }

  private move(from: number, to: number): void {
    this.time[to] = this.time[from]!;
    this.seq[to] = this.seq[from]!;
    this.code[to] = this.code[from]!;
    this.slot[to] = this.slot[from]!;
    this.datum[to] = this.datum[from]!;
  }

  private grow(): void {
    const n = this.time.length * 2;
    this.time = resized(this.time, n);
    this.seq = resized(this.seq, n);
    this.code = resized(this.code, n);
    this.slot = resized(this.slot, n);
    this.datum = resized(this.datum, n);
  }
}

function resized<T extends Float64Array | Int32Array>(array: T, length: number): T {
  const out = new (array.constructor as new (n: number) => T)(length);
  out.set(array);
  return out;
}
