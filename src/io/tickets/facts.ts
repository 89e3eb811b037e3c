/**
 * What a ticket table says per ticket beyond its times: reassigned (2+ groups), reopened,
 * resolved at first contact, SLA met, each known or not. Kept compactly (creation time and
 * one byte of flags a ticket) so the figures can be given for any period (a backtest's train
 * and test periods, calibrate's --from/--to) without holding the rows.
 */

export type FactName = "reassigned" | "reopened" | "fcr" | "madeSla";
const FACTS: readonly FactName[] = ["reassigned", "reopened", "fcr", "madeSla"];

/** A share of the tickets where the table tells (`known`), or null when it never does. */
export interface FactShare {
  share: number | null;
  known: number;
}

export class TicketFacts {
  n = 0;
  private created = new Float64Array(1024);
  /** Per fact two bits: known, then the value. */
  private flags = new Uint8Array(1024);

  add(createdMs: number, facts: Partial<Record<FactName, boolean | undefined>>): void {
    if (this.n === this.created.length) this.grow();
    let bits = 0;
    for (const [k, name] of FACTS.entries()) {
      const v = facts[name];
      if (v !== undefined) bits |= (1 << (2 * k)) | ((v ? 1 : 0) << (2 * k + 1));
    }
    this.created[this.n] = createdMs;
    this.flags[this.n++] = bits;
  }

  /** Each fact's share among tickets created in [fromMs, toMs] (`toExclusive`: [fromMs, toMs)). */
  shares(fromMs = Number.NEGATIVE_INFINITY, toMs = Number.POSITIVE_INFINITY, toExclusive = false) {
    const known = [0, 0, 0, 0];
    const yes = [0, 0, 0, 0];
    for (let i = 0; i < this.n; i++) {
      const t = this.created[i]!;
      if (t < fromMs || t > toMs || (toExclusive && t === toMs)) continue;
      const bits = this.flags[i]!;
      for (let k = 0; k < 4; k++) {
        if ((bits & (1 << (2 * k))) === 0) continue;
        known[k]!++;
        if (bits & (1 << (2 * k + 1))) yes[k]!++;
      }
    }
    const out = {} as Record<FactName, FactShare>;
    for (const [k, name] of FACTS.entries())
      out[name] = { share: known[k]! > 0 ? yes[k]! / known[k]! : null, known: known[k]! };
    return out;
  }

  private grow(): void {
    const created = new Float64Array(this.created.length * 2);
    created.set(this.created);
    this.created = created;
    const flags = new Uint8Array(this.flags.length * 2);
    flags.set(this.flags);
    this.flags = flags;
  }
}
