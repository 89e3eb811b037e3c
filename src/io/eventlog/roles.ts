/**
 * What each activity (status) of an event log means for the ticket: the roles of the
 * `--map PATTERN=ROLE` option, and guesses from common help-desk words when none is given.
 * A row starts a state that lasts until the ticket's next row (status-change semantics).
 */

/**
 * queued: waiting for an agent of the row's team; work: an agent is on it; wait: waiting
 * on the customer or a third party (a delay, no agent time); closed: the ticket is closed
 * (active again later: a reopen); ignore: changes nothing. Additions to the five of the
 * issue: done (an agent finished, the ticket moves on at once), abandoned (the customer
 * left the queue), reopen (the ticket comes back; the next rows say where), escalate (the
 * ticket is escalated; the next rows say to which team).
 */
export const ROLES = ["queued", "work", "wait", "closed", "ignore", "done", "abandoned", "reopen", "escalate"] as const;
export type Role = (typeof ROLES)[number];

export interface RoleRule {
  pattern: string;
  role: Role;
}

/** Flowcast's own event-log events (flowcast simulate --event-log). */
export const FLOWCAST_EVENTS: Readonly<Record<string, Role>> = {
  arrival: "ignore",
  queue: "queued",
  start: "work",
  end: "done",
  escalate: "escalate",
  wait: "wait",
  reopen: "reopen",
  abandon: "abandoned",
  close: "closed",
};

/** Reads "PATTERN=ROLE" (the last "=" splits, so patterns may hold "="). */
export function parseRoleRule(text: string): RoleRule | string {
  const at = text.lastIndexOf("=");
  if (at <= 0) return `--map "${text}" must be written PATTERN=ROLE, e.g. "Awaiting*=wait"`;
  const pattern = text.slice(0, at).trim();
  const role = text
    .slice(at + 1)
    .trim()
    .toLowerCase();
  if (!(ROLES as readonly string[]).includes(role)) {
    return `--map "${text}": "${role}" is not a role; use one of ${ROLES.join(", ")}`;
  }
  return { pattern, role: role as Role };
}

/**
 * Maps activity texts to roles: the user's rules first (globs, case-insensitive, first match
 * wins), then Flowcast's own events, then guesses. Remembers each distinct activity with how
 * its role was found, for the report.
 */
export class RoleMapper {
  private readonly rules: { re: RegExp; rule: RoleRule }[];
  private readonly known = new Map<string, Role>();
  readonly decisions = new Map<string, { role: Role; how: "map" | "flowcast" | "guess"; rows: number }>();

  constructor(rules: readonly RoleRule[]) {
    this.rules = rules.map((rule) => ({ re: globToRegExp(rule.pattern), rule }));
  }

  roleOf(activity: string): Role {
    const cached = this.known.get(activity);
    if (cached !== undefined) {
      const d = this.decisions.get(activity);
      if (d) d.rows++;
      return cached;
    }
    const text = activity.trim();
    const byRule = this.rules.find((r) => r.re.test(text));
    const own = FLOWCAST_EVENTS[text.toLowerCase()];
    const decision = byRule
      ? { role: byRule.rule.role, how: "map" as const }
      : own !== undefined && Object.hasOwn(FLOWCAST_EVENTS, text.toLowerCase())
        ? { role: own, how: "flowcast" as const }
        : { role: guessRole(text), how: "guess" as const };
    // A log has few distinct activities; cap the memo so a free-text column cannot grow it.
    if (this.known.size < 10_000) {
      this.known.set(activity, decision.role);
      this.decisions.set(activity, { ...decision, rows: 1 });
    }
    return decision.role;
  }
}

/** A role from common help-desk status words (ServiceNow, Zendesk, Freshdesk, Jira). */
export function guessRole(activity: string): Role {
  const t = activity.toLowerCase();
  if (/re-?open/.test(t)) return "reopen";
  if (/abandon|hung up|hang up|dropped/.test(t)) return "abandoned";
  if (/escalat/.test(t)) return "escalate";
  if (/await|waiting|pending|on hold|\bhold\b|suspend|snooze/.test(t)) return "wait";
  if (/clos|resolv|solved|\bdone\b|complet|cancel|finish|fulfil/.test(t)) return "closed";
  if (/activ|progress|\bwip\b|working|\bstart|handl|investigat/.test(t)) return "work";
  if (/\bnew\b|open|queue|assign|triage|logged|creat|submit|receiv|arriv/.test(t)) return "queued";
  if (/^end(ed)?$/.test(t)) return "done";
  return "ignore";
}

/** A whole-text, case-insensitive glob: * any run, ? one character. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`, "i");
}
