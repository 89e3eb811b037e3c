/**
 * The Shifts step's answer (data-testid `shift-plan`): cost per week, what the simulation
 * check found, a coverage chart per team, the shifts, the roster per person with days off,
 * downloads for the roster tool, and "Add as scenario", which writes the plan's schedules
 * into the flow as one undoable edit.
 */
import { lazy, Suspense, useState } from "react";
import type { Model } from "../../model";
import type { StaffingDocument } from "../../staff/document";
import { peopleCsv } from "../../staff/shifts/people";
import { rosterCsv } from "../../staff/shifts/roster";
import { downloadText, fileStemOf } from "../results/download";
import type { FlowStore } from "../state/store";

const ShiftCoverageChart = lazy(() => import("./ShiftCoverageChart").then((m) => ({ default: m.ShiftCoverageChart })));

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export function ShiftPlanView({ doc, model, store }: { doc: StaffingDocument; model: Model; store: FlowStore }) {
  const [added, setAdded] = useState<string | undefined>(undefined);
  const { shifts, coverage, roster } = doc;
  if (!shifts || !coverage || !roster) return null;
  const nameOf = (id: string) => model.teams.find((t) => t.id === id)?.name || id;
  const stem = fileStemOf(model.name, null);
  const add = () => {
    const taken = new Set(store.getState().model.scenarios.map((s) => s.id));
    let id = roster.scenario.id;
    for (let n = 2; taken.has(id); n++) id = `${roster.scenario.id}-${n}`;
    const scenario = { ...roster.scenario, id };
    store.edit(`Add scenario "${scenario.name}"`, (draft) => {
      (draft as Model).scenarios.push(structuredClone(scenario));
    });
    setAdded(id);
  };
  return (
    <section className="shift-plan" data-testid="shift-plan">
      <h3>
        Shift plan — <span data-testid="shift-cost">{money(roster.costPerWeek)}</span> per week
      </h3>
      <ul className="shift-teams">
        {Object.entries(roster.teams).map(([id, t]) => (
          <li key={id} data-testid={`shift-team-${id}`}>
            <strong>{nameOf(id)}</strong>: {t.paidHoursPerWeek} paid hours, {money(t.costPerWeek)} per week,{" "}
            {t.headcount} people at {roster.daysPerWeek} days a week{" "}
            {t.optimal ? (
              <span className="staffing-muted">(least cost, proved)</span>
            ) : (
              <span className="staffing-message" data-testid={`shift-not-proved-${id}`}>
                (best found in the solver's time: a cheaper plan may exist; allow more solver time)
              </span>
            )}
          </li>
        ))}
      </ul>
      <p className={coverage.met ? "shift-check met" : "shift-check missed"} data-testid="shift-check">
        {coverage.met ? "✓ Checked by simulation: every target holds." : "✗ Checked by simulation: a target is missed."}{" "}
        {coverage.note}
      </p>
      {coverage.targets.map((t) => (
        <p key={t.label} className="staffing-muted shift-check-target">
          {t.met ? "✓" : "✗"} {t.words ?? t.label}
          {t.notMeasured ? ` — ${t.notMeasured}` : ""}
        </p>
      ))}
      {Object.entries(coverage.teams).map(([id, c]) => (
        <Suspense key={id} fallback={<p className="staffing-muted">Drawing the coverage…</p>}>
          <ShiftCoverageChart
            teamId={id}
            teamName={nameOf(id)}
            coverage={c}
            intervalMinutes={coverage.intervalMinutes}
          />
        </Suspense>
      ))}
      <div className="staffing-actions">
        <button
          type="button"
          data-testid="shift-download-roster"
          onClick={() => downloadText(`${stem}-roster.csv`, peopleCsv(roster.people), "text/csv")}
        >
          Download roster CSV
        </button>
        <button
          type="button"
          data-testid="shift-download-shifts"
          onClick={() => downloadText(`${stem}-shifts.csv`, rosterCsv(shifts), "text/csv")}
        >
          Download shifts CSV
        </button>
        <button
          type="button"
          className="run-primary"
          data-testid="shift-add-scenario"
          disabled={added !== undefined}
          onClick={add}
        >
          {added ? `Added as scenario “${added}”` : "Add as scenario"}
        </button>
      </div>
      <details open>
        <summary>Shifts ({shifts.reduce((n, s) => n + s.people, 0)} a week)</summary>
        <div className="shift-scroll">
          <table className="staffing-table" data-testid="shift-table">
            <thead>
              <tr>
                <th>Team</th>
                <th>Day</th>
                <th>Start</th>
                <th>End</th>
                <th>Breaks</th>
                <th className="num">People</th>
                <th className="num">Cost</th>
              </tr>
            </thead>
            <tbody>
              {shifts.map((s) => (
                <tr key={`${s.team}-${s.day}-${s.start}-${s.hours}-${s.breaks.map((b) => b.start).join("")}`}>
                  <td>{nameOf(s.team)}</td>
                  <td>{DAY_NAMES[["mon", "tue", "wed", "thu", "fri", "sat", "sun"].indexOf(s.day)]}</td>
                  <td>{s.start}</td>
                  <td>{s.end}</td>
                  <td>{s.breaks.map((b) => `${b.start}–${b.end}`).join(", ") || "—"}</td>
                  <td className="num">{s.people}</td>
                  <td className="num">{money(s.cost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <details>
        <summary data-testid="shift-roster-summary">Roster: {roster.people.length} people, days off shown</summary>
        <div className="shift-scroll">
          <table className="staffing-table shift-roster" data-testid="shift-roster">
            <thead>
              <tr>
                <th>Team</th>
                <th>Person</th>
                {DAY_NAMES.map((d) => (
                  <th key={d}>{d}</th>
                ))}
                <th className="num">Hours</th>
              </tr>
            </thead>
            <tbody>
              {roster.people.map((p) => (
                <tr key={`${p.team}-${p.person}`}>
                  <td>{nameOf(p.team)}</td>
                  <td className="num">{p.person}</td>
                  {p.days.map((d, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the seven days of the week, in order
                    <td key={i} className={d ? "" : "shift-off"}>
                      {d ? `${d.start}–${d.end}` : "off"}
                    </td>
                  ))}
                  <td className="num">{p.paidHours}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

// helpers

function money(x: number): string {
  return x.toLocaleString("en", { maximumFractionDigits: 0 });
}
