/**
 * Names and shares for the calibrated flow, from the log's own words: ids from free text, the
 * channel and priority a log's text suggests, shares that add to exactly 1.
 */
import { CHANNELS, type ChannelType, PRIORITIES, type Priority } from "../model/schema";

/** Ids of teams, unique and valid, from their names. */
export function teamIds(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const raw = slug(name) || "team";
    // Ids become object keys in the file (shares, layout): never a key objects inherit.
    const base = raw in Object.prototype || raw === "__proto__" ? `team-${raw.replace(/^_+/, "")}` : raw;
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  });
}

/** Shares that add to exactly 1 from counts (rounded to 6 places; the largest absorbs the rest). */
export function shares(counts: [string, number][]): Record<string, number> {
  const total = counts.reduce((x, [, n]) => x + n, 0);
  const out = new Map<string, number>();
  let big = counts[0]![0];
  let bigCount = -1;
  let acc = 0;
  for (const [k, n] of counts) {
    const share = Math.round((n / total) * 1e6) / 1e6;
    out.set(k, share);
    acc += share;
    if (n > bigCount) {
      big = k;
      bigCount = n;
    }
  }
  out.set(big, Math.round((out.get(big)! + 1 - acc) * 1e6) / 1e6);
  return Object.fromEntries(out);
}

export function sum(r: Record<number, number>): number {
  return Object.values(r).reduce((x, y) => x + y, 0);
}

export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A valid id from free text. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9_]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

/** The Flowcast channel type a channel's name suggests (webform when nothing fits). */
export function guessChannel(name: string): ChannelType {
  const t = name.toLowerCase();
  if ((CHANNELS as readonly string[]).includes(t)) return t as ChannelType;
  if (/phone|call|ivr|voice|tel/.test(t)) return "phone";
  if (/chat/.test(t)) return "chat";
  if (/mail/.test(t)) return "email";
  if (/social|twitter|facebook|instagram/.test(t)) return "social";
  if (/sms|whatsapp|messag|text/.test(t)) return "messaging";
  return "webform";
}

/** The Flowcast priority a log's priority text suggests ("3 - Moderate" -> normal). */
export function guessPriority(text: string): Priority | undefined {
  const t = text.toLowerCase().trim();
  if ((PRIORITIES as readonly string[]).includes(t)) return t as Priority;
  if (/urgent|critical|^1\b|p1\b|highest|emergency/.test(t)) return "urgent";
  if (/high|^2\b|p2\b/.test(t)) return "high";
  if (/low|^4\b|^5\b|p4\b|p5\b|planning/.test(t)) return "low";
  if (/normal|moderate|medium|^3\b|p3\b/.test(t)) return "normal";
  return undefined;
}
