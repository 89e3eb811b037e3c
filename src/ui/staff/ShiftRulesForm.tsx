/**
 * The Shifts step's rules (data-testid `shift-rules`): shift lengths, the window of start
 * times and its step, one paid break rule, the days shifts may start, days a week per
 * person and people per shift. Every field is as typed; the dialog checks the whole set
 * (shiftRulesDraft.ts) and names the field of a mistake.
 */
import { DAYS } from "../../model/schema";
import type { Day, ShiftRulesDraft } from "./shiftRulesDraft";

const DAY_LABELS: Record<Day, string> = {
  mon: "Mon",
  tue: "Tue",
  wed: "Wed",
  thu: "Thu",
  fri: "Fri",
  sat: "Sat",
  sun: "Sun",
};

const TEXT_FIELDS: { key: keyof ShiftRulesDraft; label: string; title: string; width: string }[] = [
  { key: "lengths", label: "Shift lengths", title: 'Paid length, breaks included; several as "8h, 6h"', width: "7em" },
  { key: "from", label: "First start", title: "Earliest start time of a shift (HH:MM)", width: "4.5em" },
  { key: "to", label: "Last start", title: "Latest start time of a shift (HH:MM)", width: "4.5em" },
  { key: "every", label: "Start every", title: 'Step between start times, e.g. "30m" or "1h"', width: "4em" },
  { key: "breakLength", label: "Break", title: "Length of the paid break; empty for none", width: "4em" },
  {
    key: "breakFrom",
    label: "from hour",
    title: "The break starts no earlier than this into the shift",
    width: "3.5em",
  },
  { key: "breakTo", label: "ending by", title: "The break ends no later than this into the shift", width: "3.5em" },
  {
    key: "breakMinShift",
    label: "on shifts from",
    title: "Only shifts at least this long take the break",
    width: "3.5em",
  },
];

export function ShiftRulesForm({
  draft,
  onChange,
  disabled,
  error,
}: {
  draft: ShiftRulesDraft;
  onChange: (draft: ShiftRulesDraft) => void;
  disabled: boolean;
  error?: string;
}) {
  const set = <K extends keyof ShiftRulesDraft>(key: K, value: ShiftRulesDraft[K]) =>
    onChange({ ...draft, [key]: value });
  return (
    <div className="shift-rules" data-testid="shift-rules">
      <div className="shift-rules-row">
        {TEXT_FIELDS.map((f) => (
          <label key={f.key} title={f.title}>
            {f.label}{" "}
            <input
              type="text"
              data-testid={`shift-${f.key}`}
              style={{ width: f.width }}
              value={String(draft[f.key])}
              disabled={disabled}
              onChange={(e) => set(f.key, e.target.value as never)}
            />
          </label>
        ))}
      </div>
      <div className="shift-rules-row">
        <span>Days shifts start:</span>
        {DAYS.map((d) => (
          <label key={d}>
            <input
              type="checkbox"
              data-testid={`shift-day-${d}`}
              checked={draft.days.includes(d)}
              disabled={disabled}
              onChange={(e) =>
                set(
                  "days",
                  e.target.checked
                    ? DAYS.filter((x) => x === d || draft.days.includes(x))
                    : draft.days.filter((x) => x !== d),
                )
              }
            />
            {DAY_LABELS[d]}
          </label>
        ))}
      </div>
      <div className="shift-rules-row">
        <label title="Most days one person works in a week: sets the head count and the days off">
          Days a week per person{" "}
          <input
            type="number"
            data-testid="shift-daysPerWeek"
            min={1}
            max={7}
            value={draft.daysPerWeek}
            disabled={disabled}
            onChange={(e) => set("daysPerWeek", Math.min(7, Math.max(1, Math.round(Number(e.target.value)) || 1)))}
          />
        </label>
        <label title="A shift (day, start, length) has nobody, or at least this many people">
          People per shift: at least{" "}
          <input
            type="number"
            data-testid="shift-minPerShift"
            min={0}
            value={draft.minPerShift}
            disabled={disabled}
            onChange={(e) => set("minPerShift", Math.max(0, Math.round(Number(e.target.value)) || 0))}
          />
        </label>
        <label title="Empty: no limit">
          at most{" "}
          <input
            type="text"
            inputMode="numeric"
            data-testid="shift-maxPerShift"
            style={{ width: "3.5em" }}
            placeholder="any"
            value={draft.maxPerShift}
            disabled={disabled}
            onChange={(e) => set("maxPerShift", e.target.value)}
          />
        </label>
        <label title="Seconds HiGHS may spend per team and plan; past it the best plan found is given, marked so">
          Solver time (s){" "}
          <input
            type="number"
            data-testid="shift-solveSeconds"
            min={1}
            max={600}
            value={draft.solveSeconds}
            disabled={disabled}
            onChange={(e) => set("solveSeconds", Math.min(600, Math.max(1, Math.round(Number(e.target.value)) || 1)))}
          />
        </label>
      </div>
      {error && (
        <p className="staffing-message" role="alert" data-testid="shift-rules-error">
          {error}
        </p>
      )}
    </div>
  );
}
