/**
 * A team's weekly schedule as a grid: one row per shift with its days (toggles), from/to
 * times and agents, problems (reversed or overlapping shifts) flagged inline, and a heat map
 * of the agents staffed per day and hour underneath.
 */
import { DAYS, type DayName, type Team, TimeOfDay } from "../../model";
import type { FlowStore } from "../state/store";
import { IconButton, SmallButton } from "./buttons";
import { NumberInput, TextInput } from "./fields";
import { addShift, removeShift } from "./ops";
import { dayText, shiftProblems, staffedGrid } from "./schedule";

/** Weekly schedule grid of one team. */
export function ScheduleEditor({ store, team, disabled }: { store: FlowStore; team: Team; disabled: boolean }) {
  const schedule = team.schedule ?? [];
  const problems = shiftProblems(schedule);
  const edit = (label: string, field: string, recipe: (t: Team) => void) =>
    store.edit(
      label,
      (d) => {
        const t = d.teams.find((x) => x.id === team.id);
        if (t) recipe(t);
      },
      { coalesce: `team:${team.id}:${field}` },
    );
  return (
    <fieldset className="insp-schedule" data-testid="inspector-schedule">
      <legend>Weekly schedule</legend>
      {schedule.length === 0 ? <p className="insp-hint">No schedule: {team.agents} agents around the clock.</p> : null}
      {schedule.map((shift, i) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: shifts are identified by position
          key={i}
          className={problems[i]?.length ? "insp-shift insp-shift-bad" : "insp-shift"}
          data-testid={`inspector-shift${i}`}
        >
          <div className="insp-shift-head">
            <span>Shift {i + 1}</span>
            <IconButton
              label={`Remove shift ${i + 1}`}
              testId={`shift${i}-remove`}
              disabled={disabled}
              onClick={() => store.edit("Remove shift", (d) => removeShift(d, team.id, i))}
            />
          </div>
          <fieldset className="insp-days insp-chips" aria-label={`Days of shift ${i + 1}`}>
            {DAYS.map((day) => {
              const on = shift.days.includes(day);
              return (
                <button
                  type="button"
                  key={day}
                  className="insp-chip insp-day"
                  aria-pressed={on}
                  data-testid={`inspector-shift${i}-${day}`}
                  disabled={disabled || (on && shift.days.length === 1)}
                  title={on && shift.days.length === 1 ? "A shift needs at least one day" : undefined}
                  onClick={() =>
                    edit("Change shift days", `shift${i}-days`, (t) => {
                      const s = t.schedule?.[i];
                      if (s) s.days = on ? s.days.filter((d) => d !== day) : sortDays([...s.days, day]);
                    })
                  }
                >
                  {dayText(day).slice(0, 2)}
                </button>
              );
            })}
          </fieldset>
          <div className="insp-shift-times">
            {SHIFT_ENDS.map(([end, label]) => (
              <TextInput
                key={end}
                label={label}
                testId={`shift${i}-${end}`}
                value={shift[end]}
                disabled={disabled}
                validate={timeProblem}
                onCommit={(v) =>
                  edit("Change shift", `shift${i}-${end}`, (t) => {
                    t.schedule![i]![end] = v;
                  })
                }
              />
            ))}
            <NumberInput
              label="Agents"
              testId={`shift${i}-agents`}
              value={shift.agents}
              min={0}
              integer
              disabled={disabled}
              onCommit={(v) =>
                edit("Change shift", `shift${i}-agents`, (t) => {
                  t.schedule![i]!.agents = v;
                })
              }
            />
          </div>
          {problems[i]?.map((p) => (
            <div key={p} className="insp-error" role="alert" data-testid={`inspector-shift${i}-problem`}>
              {p}
            </div>
          ))}
        </div>
      ))}
      <SmallButton
        testId={`shift-add`}
        disabled={disabled}
        onClick={() => store.edit("Add shift", (d) => addShift(d, team.id))}
      >
        Add shift
      </SmallButton>
      {schedule.length > 0 ? <StaffingGrid schedule={schedule} /> : null}
    </fieldset>
  );
}

// helpers

function StaffingGrid({ schedule }: { schedule: Team["schedule"] & object }) {
  const grid = staffedGrid(schedule);
  const peak = Math.max(1, ...grid.flat());
  return (
    <div
      className="insp-grid"
      role="img"
      aria-label="Agents staffed per day and hour"
      data-testid="inspector-staffing-grid"
    >
      {grid.map((hours, d) => (
        <div className="insp-grid-row" key={DAYS[d]}>
          <span className="insp-grid-day">{dayText(DAYS[d] as string).slice(0, 2)}</span>
          {hours.map((agents, h) => (
            <span
              // biome-ignore lint/suspicious/noArrayIndexKey: one cell per hour
              key={h}
              className="insp-grid-cell"
              title={`${dayText(DAYS[d] as string)} ${String(h).padStart(2, "0")}:00 — ${agents} agents`}
              style={{ opacity: agents === 0 ? 0.08 : 0.25 + (0.75 * agents) / peak }}
            />
          ))}
        </div>
      ))}
      <div className="insp-grid-row insp-grid-hours">
        <span className="insp-grid-day" />
        {[0, 6, 12, 18].map((h) => (
          <span key={h} className="insp-grid-hour">
            {String(h).padStart(2, "0")}
          </span>
        ))}
      </div>
    </div>
  );
}

/** The two ends of a shift, each with its label. */
const SHIFT_ENDS = [
  ["from", "From"],
  ["to", "To"],
] as const;

function sortDays(days: DayName[]): DayName[] {
  return DAYS.filter((d) => days.includes(d));
}

function timeProblem(text: string): string | undefined {
  const r = TimeOfDay.safeParse(text);
  return r.success ? undefined : `Time ${r.error.issues[0]?.message}`;
}
