/**
 * The arrival process of every channel in one replication: non-homogeneous Poisson, drawn
 * exactly by inverting the cumulative rate, which is piecewise constant on clock hours (or
 * on the intervals of a channel's profile per interval)
 * (arrivalRates.ts; one dayFactor draw per channel per calendar day), and each new ticket's
 * traits (contact type, priority, tier, attributes), one stream per trait.
 */
import { arrivalRates, segmentStart } from "./arrivalRates";
import type { Calendar } from "./calendar";
import { type CompiledModel, NORMAL_PRIORITY } from "./compile";
import { pick } from "./distributions";
import type { Clock } from "./measureWindow";
import type { RandomStream } from "./rng";
import type { TicketTable } from "./tickets";

// module-level copies the hot path uses, bound once
const pickIndex = pick;
const segmentStartTime = segmentStart;
const NORMAL = NORMAL_PRIORITY;

export class ChannelArrivals {
  private readonly cm: CompiledModel;
  private readonly calendar: Calendar;
  private readonly clock: Clock;
  private readonly horizon: number;
  /** The calendar's event code for an arrival (the slot is the channel). */
  private readonly eventCode: number;
  /** Per channel, the arrival rate (per second) of each clock hour of the run. */
  private readonly rates: Float64Array[];
  /** Per channel, the hour its next arrival was drawn in. */
  private readonly segment: Int32Array;
  /** Per channel, 1 when it draws no trait (no mix, priority or tier) and the flow has no attributes. */
  private readonly plain: Uint8Array;
  private readonly arrivalRng: RandomStream[];
  private readonly typeRng: RandomStream[];
  private readonly priorityRng: RandomStream[];
  private readonly tierRng: RandomStream[];
  private readonly attributeRng: RandomStream[];

  constructor(
    cm: CompiledModel,
    calendar: Calendar,
    clock: Clock,
    horizon: number,
    eventCode: number,
    stream: (name: string) => RandomStream,
  ) {
    this.cm = cm;
    this.calendar = calendar;
    this.clock = clock;
    this.horizon = horizon;
    this.eventCode = eventCode;
    this.arrivalRng = cm.channels.map((c) => stream(`arrivals:${c.id}`));
    this.typeRng = cm.channels.map((c) => stream(`contactType:${c.id}`));
    this.priorityRng = cm.channels.map((c) => stream(`priority:${c.id}`));
    this.tierRng = cm.channels.map((c) => stream(`customerTier:${c.id}`));
    this.attributeRng = cm.channels.map((c) => stream(`attributes:${c.id}`));
    const days = Math.ceil((horizon + cm.weekOffset) / 86400) + 1;
    this.rates = cm.channels.map((c) => {
      const factors = new Float64Array(days).fill(1);
      if (c.dayFactor) {
        const rng = stream(`dayFactor:${c.id}`);
        for (let d = 0; d < days; d++) factors[d] = Math.max(0, c.dayFactor.sample(rng));
      }
      return arrivalRates(c, cm.weekOffset, horizon, factors);
    });
    this.segment = new Int32Array(cm.channels.length);
    this.plain = Uint8Array.from(cm.channels, (c) =>
      c.mix.length === 0 && c.priority.length === 0 && c.tier.length === 0 && cm.attributes.length === 0 ? 1 : 0,
    );
  }

  /**
   * Schedules channel c's next arrival after the clock's time, unless it falls past the
   * horizon (arrivals stop there). Integer arguments only: the time is read from the clock,
   * so nothing is boxed when the call is not inlined.
   */
  scheduleNext(c: number): void {
    const rates = this.rates[c]!;
    const offset = this.cm.weekOffset;
    const horizon = this.horizon;
    let e = -Math.log(this.arrivalRng[c]!.next());
    let seg = this.segment[c]!;
    let t = this.clock[0]!;
    while (seg < rates.length) {
      const end = segmentStartTime(seg + 1, offset, this.cm.channels[c]!.segmentSeconds);
      const r = rates[seg]!;
      if (r > 0 && t + e / r < end) {
        this.segment[c] = seg;
        if (t + e / r <= horizon) this.calendar.schedule(t + e / r, this.eventCode, c, 0);
        return;
      }
      e -= r * (end - t);
      t = end;
      seg++;
      if (t > horizon) break;
    }
    this.segment[c] = seg;
  }

  /** Draws the traits of a new ticket from channel c: each trait's stream draws once per ticket when the channel defines it. */
  drawTraits(slot: number, c: number, tk: TicketTable): void {
    if (this.plain[c] !== 0) {
      tk.contactType[slot] = -1;
      tk.priority[slot] = NORMAL;
      tk.tier[slot] = -1;
      return;
    }
    const ch = this.cm.channels[c]!;
    const type = ch.mix.length > 0 ? ch.mixTypes[pickIndex(ch.mix, this.typeRng[c]!.next())]! : -1;
    tk.contactType[slot] = type;
    tk.priority[slot] =
      ch.priority.length > 0 ? ch.priorityCodes[pickIndex(ch.priority, this.priorityRng[c]!.next())]! : NORMAL;
    tk.tier[slot] = ch.tier.length > 0 ? ch.tierCodes[pickIndex(ch.tier, this.tierRng[c]!.next())]! : -1;
    const nAttr = tk.attributeCount;
    if (nAttr > 0) {
      const base = slot * nAttr;
      tk.attributes.fill(Number.NaN, base, base + nAttr);
      if (type >= 0) {
        const list = this.cm.typeAttributes[type]!;
        const arng = this.attributeRng[c]!;
        for (let i = 0; i < list.length; i++) tk.attributes[base + list[i]!.attr] = list[i]!.sampler.sample(arng);
      }
    }
  }
}
