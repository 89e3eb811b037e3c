/**
 * The columns of a one-row-per-ticket table, as help desks export it by default (Zendesk,
 * ServiceNow, Jira Service Management, Freshdesk): which header names each tool uses, the
 * guess of which column holds what, and telling a ticket table from an event log by its
 * header and first rows.
 */

/** Which column of a ticket table holds what (header names as written, any case). */
export interface TableColumns {
  /** Ticket id. */
  case: string;
  /** When the ticket was created (a time). */
  created: string;
  /** When it was resolved or closed (a time; blank: still open). */
  resolved: string;
  /** The first agent response: a time, or a duration from creation (e.g. Zendesk minutes). */
  firstResponse?: string;
  /** The group or team holding the ticket. */
  team?: string;
  /** Channel (Zendesk "Via", ServiceNow "contact_type", Freshdesk "Source"). */
  channel?: string;
  priority?: string;
  /** The agent (assignee), for the staffing estimate. */
  resource?: string;
  /** Times the ticket was reassigned, or the groups it visited ("stations": reassigned when 2+). */
  reassignments?: string;
  /** Times the ticket was reopened. */
  reopens?: string;
  /** First-contact resolution flag (true/false, yes/no, 1/0). */
  fcr?: string;
  /** Agent handle time: a duration (seconds unless the header or the value says another unit). */
  handleTime?: string;
  /** SLA met flag (ServiceNow made_sla). */
  madeSla?: string;
  /** How the ticket ended (a close code, Jira's resolution, the final status): the flow's end steps. */
  status?: string;
}

export type TableSlot = keyof TableColumns;

export const TABLE_SLOTS: readonly TableSlot[] = [
  "case",
  "created",
  "resolved",
  "firstResponse",
  "team",
  "channel",
  "priority",
  "resource",
  "reassignments",
  "reopens",
  "fcr",
  "handleTime",
  "madeSla",
  "status",
];

/** The slots a table must have. */
export const REQUIRED_TABLE_SLOTS: readonly TableSlot[] = ["case", "created", "resolved"];

/** The command-line option of each slot. */
export const TABLE_OPTION: Record<TableSlot, string> = {
  case: "--case",
  created: "--created",
  resolved: "--resolved",
  firstResponse: "--first-response",
  team: "--team",
  channel: "--channel",
  priority: "--priority",
  resource: "--resource",
  reassignments: "--reassignments",
  reopens: "--reopens",
  fcr: "--fcr",
  handleTime: "--handle-time",
  madeSla: "--made-sla",
  status: "--status",
};

/**
 * The usual header names per slot, lower case, most specific first: Zendesk ("Created at",
 * "Solved at", "Group", "Via", "Reopens", "Group stations", "First reply time in minutes"),
 * ServiceNow ("opened_at", "resolved_at", "assignment_group", "contact_type",
 * "reassignment_count", "reopen_count", "made_sla"), Jira Service Management ("Issue key",
 * "Created", "Resolved", "Priority", "Time Spent"), Freshdesk ("Ticket ID", "Created time",
 * "Resolved time", "Source", "First response time (in hrs)").
 */
export const KNOWN_NAMES: Record<TableSlot, readonly string[]> = {
  case: ["id", "ticket id", "ticket_id", "number", "issue key", "key", "ticket", "incident", "case id", "case"],
  created: [
    "created at",
    "opened_at",
    "created",
    "opened",
    "created time",
    "created_at",
    "sys_created_on",
    "created date",
  ],
  resolved: [
    "solved at",
    "resolved_at",
    "resolved",
    "resolved time",
    "resolved at",
    "resolution date",
    "resolutiondate",
    "closed_at",
    "closed at",
    "closed time",
    "closed",
  ],
  firstResponse: [
    "first reply time in minutes",
    "first response time (in hrs)",
    "first_response_at",
    "first responded at",
    "first response at",
    "first reply at",
    "first response",
    "first_response_time",
  ],
  team: ["group", "assignment_group", "assignment group", "team", "queue", "request type"],
  channel: ["via", "contact_type", "channel", "source", "request channel"],
  priority: ["priority"],
  resource: ["assignee", "assigned_to", "assigned to", "agent"],
  reassignments: ["reassignment_count", "reassignment count", "reassignments", "group stations", "assignee stations"],
  reopens: ["reopens", "reopen_count", "reopen count", "reopened"],
  fcr: [
    "first contact resolution",
    "first_contact_resolution",
    "first call resolution",
    "first_call_resolution",
    "fcr",
  ],
  handleTime: [
    "handle time",
    "handle_time",
    "time_worked",
    "time worked",
    "time spent",
    "σ time spent",
    "timespent",
    "aht",
  ],
  madeSla: ["made_sla", "made sla", "sla met", "sla achieved"],
  status: ["close_code", "closed_code", "close code", "resolution code", "resolution", "status"],
};

/** The best guess per slot ("" when nothing fits); a column is used once. */
export function guessTableColumns(header: readonly string[]): Record<TableSlot, string> {
  const lower = header.map((h) => h.trim().toLowerCase());
  const used = new Set<number>();
  const out = {} as Record<TableSlot, string>;
  for (const slot of TABLE_SLOTS) {
    out[slot] = "";
    for (const name of KNOWN_NAMES[slot]) {
      const i = lower.findIndex((h, k) => !used.has(k) && h === name);
      if (i >= 0) {
        out[slot] = header[i]!;
        used.add(i);
        break;
      }
    }
  }
  return out;
}

/**
 * Whether a CSV with this header and these first rows is a ticket table rather than an
 * event log: it names a creation and a resolution column, and its ticket ids do not repeat
 * (an event log has many rows per ticket; a ServiceNow event log also carries opened_at and
 * resolved_at, but repeats its `number` on every status change).
 */
export function looksLikeTicketTable(header: readonly string[], rows: readonly string[][]): boolean {
  const guess = guessTableColumns(header);
  if (!guess.case || !guess.created || !guess.resolved) return false;
  const at = header.indexOf(guess.case);
  const ids = rows.map((r) => (r[at] ?? "").trim()).filter((id) => id !== "");
  if (ids.length === 0) return true;
  return new Set(ids).size >= 0.95 * ids.length;
}
