/**
 * The rows an event log reader holds until it sorts them: column by column in growing typed
 * arrays (no object per row, about 40 bytes a row), names interned to small indices.
 */

/** Interns strings to small indices. */
export class Interner {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  get size(): number {
    return this.list.length;
  }
  private lastName: string | undefined;
  private lastIndex = 0;
  of(name: string): number {
    // Rows in a row mostly repeat a name (a ticket's team, a log's one channel).
    if (name === this.lastName) return this.lastIndex;
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(name);
      this.index.set(name, i);
    }
    this.lastName = name;
    this.lastIndex = i;
    return i;
  }
}

/** The rows read, column by column in growing typed arrays (no object per row). */
export class RowStore {
  n = 0;
  ticket = new Uint32Array(1024);
  time = new Float64Array(1024);
  created: Float64Array | undefined;
  line = new Uint32Array(1024);
  role = new Uint8Array(1024);
  team = new Uint32Array(1024);
  resource = new Uint32Array(1024);
  priority = new Uint32Array(1024);
  channel = new Uint32Array(1024);
  status = new Uint32Array(1024);

  add(
    ticket: number,
    time: number,
    created: number,
    line: number,
    role: number,
    team: number,
    resource: number,
    priority: number,
    channel: number,
    status: number,
  ): void {
    if (this.n === this.time.length) this.grow();
    const i = this.n++;
    this.ticket[i] = ticket;
    this.time[i] = time;
    if (!Number.isNaN(created) || this.created) {
      this.created ??= new Float64Array(this.time.length).fill(Number.NaN);
      this.created[i] = created;
    }
    this.line[i] = line;
    this.role[i] = role;
    this.team[i] = team;
    this.resource[i] = resource;
    this.priority[i] = priority;
    this.channel[i] = channel;
    this.status[i] = status;
  }

  /**
   * The rows grouped by ticket (a counting sort, each ticket's rows in the order read):
   * ticket t's rows are `order[offsets[t]]` up to `order[offsets[t + 1]]`.
   */
  byTicket(ticketTotal: number): { offsets: Uint32Array; order: Uint32Array } {
    const offsets = new Uint32Array(ticketTotal + 1);
    for (let i = 0; i < this.n; i++) offsets[this.ticket[i]! + 1]!++;
    for (let t = 0; t < ticketTotal; t++) offsets[t + 1]! += offsets[t]!;
    const order = new Uint32Array(this.n);
    const fill = offsets.slice(0, ticketTotal);
    for (let i = 0; i < this.n; i++) order[fill[this.ticket[i]!]!++] = i;
    return { offsets, order };
  }

  /**
   * Sorts `order[a..b)` by time, rows of the same time in the order read; returns whether
   * they were out of order.
   */
  sortByTime(order: Uint32Array, a: number, b: number): boolean {
    const time = this.time;
    let sorted = true;
    for (let k = a + 1; k < b; k++) if (time[order[k]!]! < time[order[k - 1]!]!) sorted = false;
    if (sorted) return false;
    order.subarray(a, b).sort((x, y) => time[x]! - time[y]! || x - y);
    return true;
  }

  private grow(): void {
    const size = this.time.length * 2;
    const grown = <T extends Float64Array | Uint32Array | Uint8Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(size);
      b.set(a);
      return b;
    };
    this.ticket = grown(this.ticket, Uint32Array);
    this.time = grown(this.time, Float64Array);
    if (this.created) {
      const b = new Float64Array(size).fill(Number.NaN);
      b.set(this.created);
      this.created = b;
    }
    this.line = grown(this.line, Uint32Array);
    this.role = grown(this.role, Uint8Array);
    this.team = grown(this.team, Uint32Array);
    this.resource = grown(this.resource, Uint32Array);
    this.priority = grown(this.priority, Uint32Array);
    this.channel = grown(this.channel, Uint32Array);
    this.status = grown(this.status, Uint32Array);
  }
}
