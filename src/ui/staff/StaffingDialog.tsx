/**
 * "Find staffing": the toolbar button beside Run and its dialog. The manager picks targets
 * (the flow's own, edited in place) and the teams that may change, starts the search, and
 * watches candidates tried and the best so far (Cancel stops it). The answer is a table —
 * team, current, needed, cost change — with every target now and with that staffing, the
 * per-hour curve of scheduled teams, and one click to save it as a scenario and compare it
 * with the base flow.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { hasErrors, type Model, validateModel } from "../../model";
import type { StaffingDocument } from "../../staff/document";
import { runSessionOf, useRunState } from "../results/runSession";
import { type FlowStore, useFlowState } from "../state/store";
import { ShiftPlanView } from "./ShiftPlanView";
import { ShiftRulesForm } from "./ShiftRulesForm";
import { StaffingTable, TargetsTable } from "./StaffingTable";
import { RequirementGrid, StaffingWhy } from "./StaffingWhy";
import { draftToRules, loadShiftRulesDraft, type ShiftRulesDraft, saveShiftRulesDraft } from "./shiftRulesDraft";
import { StaffingSession, useStaffingState } from "./staffingSession";
import { TargetsEditor } from "./TargetsEditor";
import "./staff.css";

// The curve is a chart.js chart: fetched with chart.js when an answer has a curve, not with the page.
const StaffingCurveChart = lazy(() => import("./StaffingCurveChart").then((m) => ({ default: m.StaffingCurveChart })));

const SESSIONS = new WeakMap<FlowStore, StaffingSession>();

/** The staffing search of a flow store (created on first use). */
export function staffingSessionOf(store: FlowStore): StaffingSession {
  let session = SESSIONS.get(store);
  if (!session) {
    session = new StaffingSession();
    SESSIONS.set(store, session);
  }
  return session;
}

/** The toolbar button (data-testid `find-staffing`) and, when open, the dialog. */
export function FindStaffingButton({ store }: { store: FlowStore }) {
  const [open, setOpen] = useState(false);
  const running = useStaffingState(staffingSessionOf(store)).status === "running";
  return (
    <>
      <button
        type="button"
        data-testid="find-staffing"
        title="Find the fewest agents per team that meet the flow's service targets"
        onClick={() => setOpen(true)}
      >
        {running ? "Finding staffing…" : "Find staffing"}
      </button>
      {open && <StaffingDialog store={store} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The dialog (data-testid `staffing-dialog`). */
export function StaffingDialog({ store, onClose }: { store: FlowStore; onClose: () => void }) {
  const session = staffingSessionOf(store);
  const state = useStaffingState(session);
  const model = useFlowState(store, (s) => s.model);
  const runSession = runSessionOf(store);
  const runSettings = useRunState(runSession, (s) => s.settings);
  const servingTeams = useMemo(
    () => model.teams.filter((t) => model.nodes.some((n) => n.kind === "work" && n.team === t.id)),
    [model],
  );
  const [teams, setTeams] = useState<string[]>(() => servingTeams.map((t) => t.id));
  const [replications, setReplications] = useState(runSettings.replications);
  const [horizonDays, setHorizonDays] = useState(
    Math.round(((runSettings.horizonSeconds ?? model.clock.horizon) / 86400) * 100) / 100,
  );
  const [perInterval, setPerInterval] = useState(false);
  const [planShifts, setPlanShifts] = useState(false);
  const [shiftDraft, setShiftDraft] = useState<ShiftRulesDraft>(() =>
    loadShiftRulesDraft(model.clock.intervalMinutes ?? 60),
  );
  const shiftRules = useMemo(
    () => (planShifts ? draftToRules(shiftDraft, model.clock.intervalMinutes ?? 60) : undefined),
    [planShifts, shiftDraft, model.clock.intervalMinutes],
  );
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [savedCurves, setSavedCurves] = useState<string[]>([]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && session.getState().status !== "running") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose, session]);
  const errors = useMemo(() => validateModel(model).filter((d) => d.severity === "error"), [model]);
  const running = state.status === "running";
  const targets = model.targets ?? [];
  const blocked = hasErrors(errors)
    ? errors[0]?.message
    : targets.length === 0
      ? "Add at least one target."
      : teams.length === 0
        ? "Pick at least one team."
        : shiftRules && !shiftRules.ok
          ? "Fix the shift rules first."
          : undefined;
  const start = () => {
    setSaved(undefined);
    setSavedCurves([]);
    if (planShifts) saveShiftRulesDraft(shiftDraft);
    void session.start(
      model,
      {
        targets,
        teams,
        replications,
        seed: runSettings.seed,
        horizonSeconds: horizonDays * 86400,
      },
      perInterval || planShifts,
      shiftRules?.ok ? shiftRules.rules : undefined,
    );
  };
  const doc = state.status === "done" ? state.doc : undefined;
  const searched = state.model ?? model;
  const save = (d: StaffingDocument): string => {
    if (saved) return saved;
    const taken = new Set(model.scenarios.map((s) => s.id));
    let id = d.scenario.id;
    for (let n = 2; taken.has(id); n++) id = `${d.scenario.id}-${n}`;
    const scenario = { ...d.scenario, id };
    store.edit(`Add scenario "${scenario.name}"`, (draft) => {
      (draft as Model).scenarios.push(structuredClone(scenario));
    });
    setSaved(id);
    return id;
  };
  return (
    <div className="staffing-backdrop">
      <div className="staffing-dialog" role="dialog" aria-label="Find staffing" data-testid="staffing-dialog">
        <header>
          <h2>Find staffing</h2>
          <button type="button" aria-label="Close" data-testid="staffing-close" disabled={running} onClick={onClose}>
            ✕
          </button>
        </header>
        <p className="staffing-intro">
          The fewest agents per team that meet every target below, with the whole 95% interval on the right side. The
          search starts from the Erlang C/A answer and checks each candidate by simulation on the same random numbers (
          {replications} replications, seed {runSettings.seed}).
        </p>
        <TargetsEditor store={store} model={model} disabled={running} />
        <fieldset className="insp-group">
          <legend>Teams that may change</legend>
          <div className="staffing-teams">
            {servingTeams.map((t) => (
              <label key={t.id}>
                <input
                  type="checkbox"
                  data-testid={`staffing-team-${t.id}`}
                  checked={teams.includes(t.id)}
                  disabled={running}
                  onChange={(e) => setTeams((ts) => (e.target.checked ? [...ts, t.id] : ts.filter((x) => x !== t.id)))}
                />{" "}
                {t.name || t.id}{" "}
                <span className="staffing-muted">
                  ({t.schedule?.length ? "schedule" : `${t.agents} agents`}
                  {t.costPerHour > 0 ? `, ${t.costPerHour}/h` : ""})
                </span>
              </label>
            ))}
          </div>
          <label>
            Replications{" "}
            <input
              type="number"
              data-testid="staffing-replications"
              min={2}
              max={100}
              value={replications}
              disabled={running}
              onChange={(e) => setReplications(Math.max(2, Math.round(Number(e.target.value)) || 2))}
            />
          </label>{" "}
          <label title="Agents needed on the phones in each interval of the week (clock.intervalMinutes), every target that can hold per interval doing so">
            <input
              type="checkbox"
              data-testid="staffing-per-interval"
              checked={perInterval || planShifts}
              disabled={running || planShifts}
              onChange={(e) => setPerInterval(e.target.checked)}
            />{" "}
            Per {model.clock.intervalMinutes ?? 60}-minute interval
          </label>{" "}
          <label>
            Horizon (days){" "}
            <input
              type="number"
              data-testid="staffing-horizon"
              min={1}
              value={horizonDays}
              disabled={running}
              onChange={(e) => setHorizonDays(Math.max(1, Number(e.target.value) || 1))}
            />
          </label>
        </fieldset>
        <fieldset className="insp-group" data-testid="staffing-shifts-step">
          <legend>Shifts</legend>
          <label title="Turn the per-interval requirement into a least-cost shift plan and a roster (HiGHS), checked by simulation">
            <input
              type="checkbox"
              data-testid="staffing-shifts"
              checked={planShifts}
              disabled={running}
              onChange={(e) => setPlanShifts(e.target.checked)}
            />{" "}
            Plan shifts and a roster from the per-interval requirement
          </label>
          {planShifts && (
            <ShiftRulesForm
              draft={shiftDraft}
              onChange={setShiftDraft}
              disabled={running}
              error={shiftRules && !shiftRules.ok ? shiftRules.message : undefined}
            />
          )}
        </fieldset>
        <div className="staffing-actions">
          {running ? (
            <button type="button" data-testid="staffing-cancel" onClick={() => session.cancel()}>
              Cancel
            </button>
          ) : (
            <button
              type="button"
              className="run-primary"
              data-testid="staffing-start"
              disabled={blocked !== undefined}
              title={blocked}
              onClick={start}
            >
              Find staffing
            </button>
          )}
          {blocked && !running && <span className="staffing-muted">{blocked}</span>}
          {running && (
            <span data-testid="staffing-progress" className="staffing-progress">
              {state.shiftStep?.phase === "solve"
                ? `Solving the shift plan (HiGHS, plan ${state.shiftStep.round})…`
                : state.shiftStep?.phase === "check"
                  ? `Checking shift plan ${state.shiftStep.round} by simulation…`
                  : `Candidates tried: ${state.evaluations}`}
              {state.shiftStep?.phase === "solve" || state.shiftStep?.phase === "check"
                ? ""
                : state.best
                  ? ` · best so far ${describePlan(state.best.plan)} (${money(state.best.costPerWeek)}/week)`
                  : state.candidate
                    ? ` · trying ${describePlan(state.candidate)}`
                    : ""}
            </span>
          )}
          {(state.status === "failed" || state.status === "cancelled") && (
            <span className="staffing-message" data-testid="staffing-message" role="alert">
              {state.message}
            </span>
          )}
        </div>
        {state.status === "done" && state.doc && !state.doc.met && (
          <p className="staffing-message" data-testid="staffing-message" role="alert">
            {state.doc.message}
          </p>
        )}
        {doc && (
          <section data-testid="staffing-answer">
            <StaffingTable doc={doc} model={searched} />
            <TargetsTable doc={doc} />
            <StaffingWhy doc={doc} />
            {doc.requirement &&
              Object.entries(doc.requirement.teams).map(([id, curve]) => (
                <RequirementGrid
                  key={id}
                  teamName={searched.teams.find((t) => t.id === id)?.name || id}
                  teamId={id}
                  curve={curve}
                  minutes={doc.requirement?.intervalMinutes ?? 60}
                />
              ))}
            {doc.shifts && <ShiftPlanView doc={doc} model={searched} store={store} />}
            {Object.entries(doc.curves ?? {}).map(([id, curve]) => (
              <div key={id}>
                <Suspense fallback={<p className="staffing-message">Drawing the curve…</p>}>
                  <StaffingCurveChart teamName={searched.teams.find((t) => t.id === id)?.name || id} curve={curve} />
                </Suspense>
                {curve.scenario && (
                  <button
                    type="button"
                    data-testid={`staffing-save-curve-${id}`}
                    disabled={savedCurves.includes(id)}
                    onClick={() => {
                      const scenario = curve.scenario;
                      if (!scenario) return;
                      const taken = new Set(model.scenarios.map((s) => s.id));
                      let sid = scenario.id;
                      for (let n = 2; taken.has(sid); n++) sid = `${scenario.id}-${n}`;
                      store.edit(`Add scenario "${scenario.name}"`, (draft) => {
                        (draft as Model).scenarios.push(structuredClone({ ...scenario, id: sid }));
                      });
                      setSavedCurves((c) => [...c, id]);
                    }}
                  >
                    {savedCurves.includes(id)
                      ? "Per-hour shifts saved as a scenario"
                      : "Save per-hour shifts as scenario"}
                  </button>
                )}
              </div>
            ))}
            <p className="staffing-muted" data-testid="staffing-summary">
              {doc.evaluations} candidates simulated in {doc.wallSeconds.toFixed(1)} s · cost per week{" "}
              {money(doc.cost.currentPerWeek)} → {money(doc.cost.perWeek)}
            </p>
            {doc.met && (
              <div className="staffing-actions">
                <button
                  type="button"
                  data-testid="staffing-save"
                  disabled={saved !== undefined}
                  onClick={() => save(doc)}
                >
                  {saved ? `Saved as scenario “${saved}”` : "Save as scenario"}
                </button>
                <button
                  type="button"
                  data-testid="staffing-compare"
                  onClick={() => {
                    const id = save(doc);
                    runSession.setSettings({ replications, horizonSeconds: horizonDays * 86400 });
                    void runSession.runScenarios([undefined, id]);
                    onClose();
                  }}
                >
                  Save and compare with base
                </button>
              </div>
            )}
          </section>
        )}
      </div>
    </div>
  );
}

// helpers

function describePlan(plan: Record<string, number>): string {
  return Object.entries(plan)
    .map(([id, n]) => `${id} ${n}`)
    .join(", ");
}

function money(x: number): string {
  return x.toLocaleString("en", { maximumFractionDigits: 0 });
}
