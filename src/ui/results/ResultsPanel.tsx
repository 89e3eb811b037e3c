/**
 * The results area: before the first run, what to do; after it, the dashboard of the run
 * shown (bottleneck, KPI cards, charts, exports), the what-if scenario form, running the
 * base flow and chosen scenarios together, and their side-by-side comparison.
 */
import { lazy, Suspense, useDeferredValue, useEffect, useState } from "react";
import { describeSeconds } from "../../model";
import { type FlowStore, useFlowState } from "../state/store";
import { runKey, runSessionOf, useRunState } from "./runSession";
import { ScenarioForm } from "./ScenarioForm";
import "./results.css";

// The dashboard and comparison (with chart.js) load after the page: no charts before a run.
const Dashboard = lazy(() => import("./Dashboard").then((m) => ({ default: m.Dashboard })));
const ComparePanel = lazy(() => import("./ComparePanel").then((m) => ({ default: m.ComparePanel })));

/** The results panel of the flow in `store` (data-testid `results-panel`). */
export function ResultsPanel({ store }: { store: FlowStore }) {
  const session = runSessionOf(store);
  const runs = useRunState(session, (s) => s.runs);
  const shownKey = useRunState(session, (s) => s.shown);
  const status = useRunState(session, (s) => s.status);
  const model = useFlowState(store, (s) => s.model);
  const revision = useFlowState(store, (s) => s.revision);
  const [picked, setPicked] = useState<string[]>([]);
  const [full, setFull] = useState(false);
  useEffect(() => {
    if (!full) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setFull(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [full]);
  // The dashboard renders in a deferred (interruptible) pass, so that new results never
  // block the page in one long task.
  const shown = useDeferredValue(shownKey !== undefined ? runs[shownKey] : undefined);
  const base = runs[runKey(undefined)];
  const others = Object.entries(runs)
    .filter(([key]) => key !== "")
    .map(([, run]) => run);
  const running = status === "running";
  // Fetch the charts while the first run computes, not after it.
  useEffect(() => {
    if (running) void import("./Dashboard");
  }, [running]);
  const pickedNow = picked.filter((id) => model.scenarios.some((s) => s.id === id));
  return (
    <section className={`results-panel${full ? " results-full" : ""}`} data-testid="results-panel">
      <button
        type="button"
        className="results-expand"
        data-testid="results-expand"
        aria-pressed={full}
        onClick={() => setFull((f) => !f)}
        title={full ? "Back to the canvas (Esc)" : "Show the results over the whole window"}
      >
        {full ? "✕ Close" : "⤢ Full screen"}
      </button>
      {!shown ? (
        <div className="results-empty" data-testid="results-empty">
          <strong>No results yet.</strong> Press <em>▶ Run</em> in the toolbar to simulate this flow: synthetic tickets
          run through it for the horizon in the run settings (⚙), repeated over several replications. The dashboard then
          shows the KPIs with 95% intervals, charts, and the worst bottleneck; the canvas colours each step by its load.
        </div>
      ) : (
        <>
          <div className="results-header">
            <h2>Results · {shown.label}</h2>
            <span className="results-meta" data-testid="results-meta">
              {shown.results.replications} replications · seed {shown.results.seed} · horizon{" "}
              {describeSeconds(shown.results.horizonSeconds)} · warm-up {describeSeconds(shown.results.warmupSeconds)} ·{" "}
              {shown.results.events.toLocaleString("en-US")} events in {shown.results.wallSeconds.toFixed(2)} s
            </span>
            {shown.restored && (
              <span className="results-restored" data-testid="results-restored">
                From before the reload.
              </span>
            )}
            {shown.revision !== revision && (
              <span className="results-stale" data-testid="results-stale">
                The flow changed since this run: run again to update.
              </span>
            )}
            {Object.keys(runs).length > 1 && (
              <label>
                Show{" "}
                <select data-testid="results-shown" value={shownKey} onChange={(e) => session.show(e.target.value)}>
                  {Object.entries(runs).map(([key, run]) => (
                    <option key={key} value={key}>
                      {run.label}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          <Suspense fallback={null}>
            <Dashboard results={shown.results} model={shown.model} label={shown.label} />
          </Suspense>
        </>
      )}
      <ScenarioForm store={store} model={model} />
      {model.scenarios.length > 0 && (
        <div className="scenario-box" data-testid="scenario-runner">
          <h3>Compare scenarios</h3>
          <div className="scenario-list">
            {model.scenarios.map((s) => (
              <label key={s.id} title={describeScenario(s)}>
                <input
                  type="checkbox"
                  data-testid={`scenario-pick-${s.id}`}
                  checked={pickedNow.includes(s.id)}
                  onChange={(e) => setPicked((p) => (e.target.checked ? [...p, s.id] : p.filter((x) => x !== s.id)))}
                />{" "}
                {s.name || s.id}
              </label>
            ))}
          </div>
          <div>
            <button
              type="button"
              data-testid="scenario-run-compare"
              disabled={running || pickedNow.length === 0}
              onClick={() => void session.runScenarios([undefined, ...pickedNow])}
            >
              Run base flow and {pickedNow.length || "chosen"} scenario{pickedNow.length === 1 ? "" : "s"}
            </button>{" "}
            <span className="results-meta">
              Same seed and replications for all: paired replications share arrivals and handle times, so differences
              are measured with narrower intervals; each is still an estimate with its interval.
            </span>
          </div>
        </div>
      )}
      {base && others.length > 0 && (
        <Suspense fallback={null}>
          <ComparePanel base={base} others={others} />
        </Suspense>
      )}
    </section>
  );
}

// helpers

/** A scenario's changes as the user stated them: "teams.l1.agents + 2", "volume × 1.4", "x = 3". */
function describeScenario(scenario: {
  set?: Record<string, unknown>;
  scale?: Record<string, number>;
  add?: Record<string, number | string>;
}): string {
  return [
    ...Object.entries(scenario.add ?? {}).map(([k, v]) => {
      // A duration to add may be written "-30s": the sign goes in front, the amount as written.
      const text = String(v).trim();
      const negative = typeof v === "number" ? v < 0 : text.startsWith("-");
      return `${k} ${negative ? "−" : "+"} ${text.replace(/^[-+]/, "")}`;
    }),
    ...Object.entries(scenario.scale ?? {}).map(([k, v]) => `${k} × ${v}`),
    ...Object.entries(scenario.set ?? {}).map(([k, v]) => `${k} = ${JSON.stringify(v)}`),
  ].join("\n");
}
