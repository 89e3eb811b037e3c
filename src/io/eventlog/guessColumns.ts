/**
 * Guesses which column of a log's header holds what, for the import dialog's mapping form
 * (ServiceNow, Zendesk, Freshdesk, Jira exports and Flowcast's own event logs). The user
 * confirms or changes every guess before anything is read.
 */
import type { ColumnMap } from "./reader";

const PATTERNS: [keyof ColumnMap, RegExp[]][] = [
  [
    "case",
    [/^ticket$/, /^(number|case|case_?id|ticket_?id|incident|issue_?key|key|id)$/, /ticket|case|incident|number/],
  ],
  ["time", [/^time$/, /sys_updated_at|updated_?at|timestamp|^changed|event_?time/, /time|date|updated/]],
  ["activity", [/^event$/, /^(incident_state|state|status|activity)$/, /state|status|activity|event/]],
  ["team", [/^team$/, /assignment_group|^group$|team|queue/, /group/]],
  ["resource", [/^agent$/, /assigned_to|assignee|resource|owner|agent/]],
  ["priority", [/^priority$/, /priority/]],
  ["channel", [/^channel$/, /contact_type|channel|via|source/]],
  ["created", [/opened_at|created_at|^created$|^opened$/]],
  ["status", [/^node$/, /^(resolution|resolution_?code|close_?code|closed_?code|close_?reason|closure_?code)$/]],
];

/** The best guess per slot ("" when nothing fits); a column is used once. */
export function guessColumns(header: readonly string[]): Record<keyof ColumnMap, string> {
  const lower = header.map((h) => h.trim().toLowerCase());
  const found = matchColumns(lower, PATTERNS);
  return Object.fromEntries(PATTERNS.map(([slot]) => [slot, header[found[slot]] ?? ""])) as Record<
    keyof ColumnMap,
    string
  >;
}

/**
 * The column index each slot's patterns match first (-1 when none), trying the slots in
 * order with their patterns from the surest, and using a column once. `names` are the
 * header's names as the patterns expect them (lower case...). Interval reports guess the same way.
 */
export function matchColumns<K extends string>(
  names: readonly string[],
  patterns: readonly (readonly [K, readonly RegExp[]])[],
): Record<K, number> {
  const used = new Set<number>();
  const out = {} as Record<K, number>;
  for (const [slot, res] of patterns) {
    out[slot] = -1;
    for (const re of res) {
      const i = names.findIndex((h, k) => !used.has(k) && re.test(h));
      if (i >= 0) {
        out[slot] = i;
        used.add(i);
        break;
      }
    }
  }
  return out;
}
