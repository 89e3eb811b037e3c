/**
 * What each status of the log means: the distinct values of the status column (most rows
 * first, the top ones shown, all on request) with their rows and role, guessed or Flowcast's
 * own, each editable. A choice becomes a `--map STATUS=ROLE` rule, exactly the CLI's option,
 * and the equivalent command-line options are shown.
 */
import { useState } from "react";
import { ROLES, type Role, RoleMapper, type RoleRule } from "../../io/eventlog";

/** Statuses shown before "Show all". */
export const TOP_STATUSES = 12;

const ROLE_TEXT: Record<Role, string> = {
  queued: "queued: waits for an agent",
  work: "work: an agent is on it",
  wait: "wait: on the customer / third party",
  closed: "closed",
  ignore: "ignore",
  done: "done: agent finished, moves on",
  abandoned: "abandoned: left the queue",
  reopen: "reopen: comes back",
  escalate: "escalate: to another team",
};

const HOW_TEXT = { map: "your choice", flowcast: "Flowcast event", guess: "guessed" } as const;

/** The role and how it was found for `activity` under `rules` (the reader's own rules). */
export function roleOf(activity: string, rules: readonly RoleRule[]): { role: Role; how: keyof typeof HOW_TEXT } {
  const mapper = new RoleMapper(rules);
  const role = mapper.roleOf(activity);
  return { role, how: mapper.decisions.get(activity)?.how ?? "guess" };
}

/** `rules` with `activity` set to `role`: a rule of its own, or none when that is its default. */
export function withRole(rules: readonly RoleRule[], activity: string, role: Role): RoleRule[] {
  const pattern = activity.trim();
  const others = rules.filter((r) => r.pattern !== pattern);
  return roleOf(activity, []).role === role ? others : [{ pattern, role }, ...others];
}

export function RoleForm({
  activities,
  rules,
  disabled,
  onChange,
}: {
  /** Distinct statuses with their rows, most rows first. */
  activities: [string, number][];
  rules: readonly RoleRule[];
  disabled: boolean;
  onChange: (rules: RoleRule[]) => void;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? activities : activities.slice(0, TOP_STATUSES);
  const hidden = activities.length - shown.length;
  const hiddenRows = activities.slice(shown.length).reduce((sum, [, n]) => sum + n, 0);
  return (
    <fieldset className="import-roles" data-testid="import-roles">
      <legend>What each status means</legend>
      <table>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Rows</th>
            <th scope="col">Role</th>
            <th scope="col">From</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(([activity, rows], i) => {
            const { role, how } = roleOf(activity, rules);
            return (
              <tr key={activity} data-testid={`import-role-row-${i}`}>
                <td className="import-role-name" title={activity}>
                  {activity.trim() === "" ? <em>(empty)</em> : activity}
                </td>
                <td className="import-role-rows">{rows.toLocaleString()}</td>
                <td>
                  <select
                    aria-label={`Role of ${activity.trim() || "empty status"}`}
                    data-testid={`import-role-${i}`}
                    value={role}
                    disabled={disabled}
                    onChange={(e) => onChange(withRole(rules, activity, e.target.value as Role))}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_TEXT[r]}
                      </option>
                    ))}
                  </select>
                </td>
                <td className={`import-role-how import-role-${how}`}>{HOW_TEXT[how]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {hidden > 0 && (
        <button type="button" className="import-roles-more" onClick={() => setAll(true)}>
          Show all {activities.length} statuses ({hidden} more, {hiddenRows.toLocaleString()} rows)
        </button>
      )}
      {rules.length > 0 && (
        <p className="export-muted import-roles-cli" data-testid="import-roles-cli">
          On the command line: {rules.map((r) => `--map "${r.pattern}=${r.role}"`).join(" ")}
        </p>
      )}
    </fieldset>
  );
}
