/**
 * The toolbar's Run button with its settings (horizon, replications, seed, scenario), a
 * progress bar with elapsed time and Cancel. A flow with validation errors cannot run: the
 * button is disabled and the first problems are shown. All simulation work happens in Web
 * Workers (runSession.ts), so the page stays responsive.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { type Diagnostic, hasErrors, validateModel } from "../../model";
import { SMALL_FLOW } from "../files/offThread";
import { FindStaffingButton } from "../staff/StaffingDialog";
import { type FlowStore, useFlowState } from "../state/store";
import { type RunSession, runSessionOf, useRunState } from "./runSession";
import "./results.css";

/** Problems shown next to a disabled Run button. */
const PROBLEMS_SHOWN = 2;

/**
 * Run button, settings, progress and Cancel for the flow in `store`. `diagnostics`, the
 * problems panel's (checked off the main thread), stand in for validating a big flow here.
 */
export function RunControls({ store, diagnostics }: { store: FlowStore; diagnostics?: Diagnostic[] }) {
  const session = runSessionOf(store);
  const model = useFlowState(store, (s) => s.model);
  const state = useRunState(session, (s) => s);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const problems = useMemo(() => {
    const found = diagnostics && model.nodes.length >= SMALL_FLOW ? diagnostics : validateModel(model);
    return hasErrors(found) ? found.filter((d) => d.severity === "error") : [];
  }, [model, diagnostics]);
  const running = state.status === "running";
  const box = useRef<HTMLDivElement>(null);
  // The settings popover closes on Escape and on any press outside it (a dialog opening too).
  useEffect(() => {
    if (!settingsOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setSettingsOpen(false);
      box.current?.querySelector<HTMLButtonElement>('[data-testid="run-settings-button"]')?.focus();
    };
    const onDown = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setSettingsOpen(false);
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("pointerdown", onDown, true);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("pointerdown", onDown, true);
    };
  }, [settingsOpen]);
  const blocked = problems.length > 0;
  const reason = blocked
    ? `The flow cannot run yet: ${problems
        .slice(0, PROBLEMS_SHOWN)
        .map((p) => p.message)
        .join(" · ")}${problems.length > PROBLEMS_SHOWN ? ` (+${problems.length - PROBLEMS_SHOWN} more)` : ""}`
    : "Simulate the flow (in the background)";
  return (
    <div className="run-controls" ref={box}>
      <button
        type="button"
        className="run-primary"
        data-testid="run-button"
        disabled={blocked || running}
        title={reason}
        onClick={() => {
          setSettingsOpen(false);
          void session.run();
        }}
      >
        ▶ Run
      </button>
      <button
        type="button"
        data-testid="run-settings-button"
        aria-expanded={settingsOpen}
        disabled={running}
        onClick={() => setSettingsOpen((o) => !o)}
        title="Horizon, replications, seed and scenario"
      >
        ⚙ {describeSettings(session, model.clock.horizon)}
      </button>
      <FindStaffingButton store={store} />
      {settingsOpen && <RunSettingsPopover session={session} store={store} />}
      {blocked && (
        <span className="run-blocked" data-testid="run-blocked" title={problems.map((p) => p.message).join("\n")}>
          {reason}
        </span>
      )}
      {running && <RunProgress session={session} />}
      {!running && state.status !== "idle" && (
        <span
          className={`run-status ${state.status === "failed" ? "failed" : ""}`}
          data-testid="run-status"
          title={state.message}
        >
          {state.status === "done" && `Done in ${seconds(state.elapsedMs)}`}
          {state.status === "cancelled" && "Cancelled"}
          {state.status === "failed" && `Run failed: ${state.message ?? ""}`}
        </span>
      )}
    </div>
  );
}

// helpers

function RunProgress({ session }: { session: RunSession }) {
  const { done, total, startedAt } = useRunState(session, (s) => s);
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(timer);
  }, []);
  return (
    <>
      <progress data-testid="run-progress" value={done} max={total} aria-label="Simulation progress" />
      <span className="run-status" data-testid="run-elapsed">
        {done}/{total} replications · {seconds(now - startedAt)}
      </span>
      <button type="button" data-testid="run-cancel" onClick={() => session.cancel()}>
        Cancel
      </button>
    </>
  );
}

function RunSettingsPopover({ session, store }: { session: RunSession; store: FlowStore }) {
  const settings = useRunState(session, (s) => s.settings);
  const model = useFlowState(store, (s) => s.model);
  const horizonDays = (settings.horizonSeconds ?? model.clock.horizon) / 86400;
  return (
    <div className="run-settings" data-testid="run-settings" role="dialog" aria-label="Run settings">
      <NumberSetting
        name="horizon"
        label="Horizon (days)"
        min={1}
        value={round(horizonDays)}
        accept={(days) => days > 0 && session.setSettings({ horizonSeconds: days * 86400 })}
      />
      <NumberSetting
        name="replications"
        label="Replications"
        min={1}
        max={200}
        value={settings.replications}
        accept={(n) => Math.round(n) >= 1 && session.setSettings({ replications: Math.round(n) })}
      />
      <NumberSetting
        name="seed"
        label="Seed"
        value={settings.seed}
        accept={(seed) => Number.isInteger(seed) && session.setSettings({ seed })}
      />
      <label htmlFor="run-scenario">Scenario</label>
      <select
        id="run-scenario"
        data-testid="run-scenario"
        value={settings.scenario ?? ""}
        onChange={(e) => session.setSettings({ scenario: e.target.value || undefined })}
      >
        <option value="">Base flow</option>
        {model.scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name || s.id}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled number input of the run settings (data-testid `run-<name>`); `accept` takes each typed value it can use. */
function NumberSetting({
  name,
  label,
  value,
  min,
  max,
  accept,
}: {
  name: string;
  label: string;
  value: number;
  min?: number;
  max?: number;
  accept: (value: number) => unknown;
}) {
  return (
    <>
      <label htmlFor={`run-${name}`}>{label}</label>
      <input
        id={`run-${name}`}
        data-testid={`run-${name}`}
        type="number"
        min={min}
        max={max}
        step={1}
        value={value}
        onChange={(e) => accept(Number(e.target.value))}
      />
    </>
  );
}

function describeSettings(session: RunSession, flowHorizon: number): string {
  const { settings } = session.getState();
  return `${round((settings.horizonSeconds ?? flowHorizon) / 86400)} d × ${settings.replications}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
