/**
 * A contact queue: a growable ring buffer of (ticket slot, wait token) pairs. Contacts that
 * abandon are not removed from the middle (that would cost O(n)); their token goes stale
 * and they are skipped when they reach the head. Invariant: an entry is live iff its token
 * equals the ticket's current wait token.
 */
export class ContactQueue {
  private slots = new Int32Array(64);
  private tokens = new Int32Array(64);
  private head = 0;
  /** Entries held, stale ones included. */
  size = 0;

  /** Appends a contact at the tail. */
  push(slot: number, token: number): void {
    if (this.size === this.slots.length) this.grow();
    const i = (this.head + this.size) & (this.slots.length - 1);
    this.slots[i] = slot;
    this.tokens[i] = token;
    this.size++;
  }

  /** Slot of the head entry (size must be > 0). */
  headSlot(): number {
    return this.slots[this.head]!;
  }

  /** Token of the head entry (size must be > 0). */
  headToken(): number {
    return this.tokens[this.head]!;
  }

  /** Drops the head entry and returns its slot. */
  shift(): number {
    const slot = this.slots[this.head]!;
    this.head = (this.head + 1) & (this.slots.length - 1);
    this.size--;
    return slot;
  }

  // helpers

  private grow(): void {
    const n = this.slots.length * 2;
    const slots = new Int32Array(n);
    const tokens = new Int32Array(n);
    for (let k = 0; k < this.size; k++) {
      const i = (this.head + k) & (this.slots.length - 1);
      slots[k] = this.slots[i]!;
      tokens[k] = this.tokens[i]!;
    }
    this.slots = slots;
    this.tokens = tokens;
    this.head = 0;
  }
}
