/**
 * The page's simulation runs of one flow: settings (horizon, replications, seed, scenario),
 * the run in progress (progress, start time, Cancel) and the latest results per scenario,
 * shared by the toolbar's RunControls and the ResultsPanel. One session per FlowStore.
 * Every run goes to Web Workers (src/worker/browser-pool.ts); this thread only combines.
 */
import { useSyncExternalStore } from "react";
import { type Diagnostic, type Model, serializeModel } from "../../model";
import type { Results } from "../../sim/results";
import { RunRejectedError, runInBrowserWithModel } from "../../worker/browser-pool";
import type { FlowStore } from "../state/store";
import { forgetRuns, hasKeptRuns, keepRuns, keptRuns } from "./keptRuns";
import { rememberRunModel } from "./runModels";

/** The run settings the user can change. */
export interface RunSettings {
  /** Overrides the flow's horizon (seconds); the flow's own when undefined. */
  horizonSeconds?: number;
  replications: number;
  seed: number;
  /** Scenario id to run; the base flow when undefined. */
  scenario?: string;
}

/** One finished run. */
export interface FinishedRun {
  results: Results;
  /** The flow as simulated (scenario applied). */
  model: Model;
  /** Scenario name, or "Base flow". */
  label: string;
  /** Store revision the run was made from (later edits make it stale). */
  revision: number;
  /** Kept from before the page was reloaded (see keptRuns.ts). */
  restored?: boolean;
}

export interface RunState {
  settings: RunSettings;
  status: "idle" | "running" | "done" | "failed" | "cancelled";
  done: number;
  total: number;
  /** performance.now() when the current or last run started (ms). */
  startedAt: number;
  /** Milliseconds the last run took. */
  elapsedMs: number;
  /** Why the last run failed, or did not start. */
  message?: string;
  diagnostics?: Diagnostic[];
  /** Latest run per scenario key ("" for the base flow). */
  runs: Record<string, FinishedRun>;
  /** Key of the run shown on the dashboard. */
  shown?: string;
}

/** Key of a scenario in `RunState.runs`: its id, "" for the base flow. */
export function runKey(scenario: string | undefined | null): string {
  return scenario ?? "";
}

export class RunSession {
  private state: RunState = {
    settings: { replications: 10, seed: 1 },
    status: "idle",
    done: 0,
    total: 0,
    startedAt: 0,
    elapsedMs: 0,
    runs: {},
  };
  private listeners = new Set<() => void>();
  private controller?: AbortController;

  constructor(readonly store: FlowStore) {}

  getState = (): RunState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setSettings(settings: Partial<RunSettings>): void {
    this.patch({ settings: { ...this.state.settings, ...settings } });
  }

  show(key: string): void {
    const run = this.state.runs[key];
    if (!run) return;
    this.patch({ shown: key });
    this.store.setLastRun(run.results);
  }

  /** Runs the scenario in the settings. */
  run(): Promise<void> {
    return this.runScenarios([this.state.settings.scenario]);
  }

  /**
   * Runs each scenario (undefined: the base flow) one after the other with the same seed
   * and replications, so they share common random numbers and compare pairwise.
   */
  async runScenarios(scenarios: (string | undefined)[]): Promise<void> {
    if (this.state.status === "running") return;
    const controller = new AbortController();
    this.controller = controller;
    const { settings } = this.state;
    const model = this.store.getState().model;
    const revision = this.store.getState().revision;
    const total = settings.replications * scenarios.length;
    this.patch({
      status: "running",
      done: 0,
      total,
      startedAt: performance.now(),
      message: undefined,
      diagnostics: undefined,
    });
    try {
      for (const [i, scenario] of scenarios.entries()) {
        const { results, model: simulated } = await runInBrowserWithModel(
          model,
          {
            scenario,
            seed: settings.seed,
            replications: settings.replications,
            horizonSeconds: settings.horizonSeconds,
          },
          {
            signal: controller.signal,
            onProgress: (done) => this.patch({ done: i * settings.replications + done }),
          },
        );
        rememberRunModel(results, simulated);
        const label = scenario ? model.scenarios.find((s) => s.id === scenario)?.name || scenario : "Base flow";
        const key = runKey(scenario);
        this.patch({ runs: { ...this.state.runs, [key]: { results, model: simulated, label, revision } }, shown: key });
        this.store.setLastRun(results);
      }
      this.patch({ status: "done", elapsedMs: performance.now() - this.state.startedAt });
      if (this.store.getState().revision === revision)
        keepRuns(serializeModel(model), this.state.runs, this.state.shown);
    } catch (error) {
      const elapsedMs = performance.now() - this.state.startedAt;
      if (controller.signal.aborted) this.patch({ status: "cancelled", elapsedMs, message: "The run was cancelled." });
      else if (error instanceof RunRejectedError)
        this.patch({ status: "failed", elapsedMs, message: error.message, diagnostics: error.diagnostics });
      else this.patch({ status: "failed", elapsedMs, message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  }

  /** Shows results made elsewhere (a results file, a preview) as the run of their scenario. */
  adopt(run: FinishedRun): void {
    rememberRunModel(run.results, run.model);
    const key = runKey(run.results.scenario);
    this.patch({ runs: { ...this.state.runs, [key]: run }, shown: key });
    this.store.setLastRun(run.results);
  }

  /**
   * Shows again the runs kept before the page was reloaded, when they were made on exactly
   * the flow now open (marked `restored`); nothing for any other flow.
   */
  restore(): void {
    // Writing a 5,000-step flow's text takes a long moment: only when there is a run to compare.
    if (!hasKeptRuns()) return;
    const { model, revision } = this.store.getState();
    const kept = keptRuns(serializeModel(model));
    if (!kept) return;
    const runs: Record<string, FinishedRun> = {};
    for (const [key, run] of Object.entries(kept.runs)) {
      rememberRunModel(run.results, run.model);
      runs[key] = { ...run, revision, restored: true };
    }
    const shown = kept.shown !== undefined && runs[kept.shown] ? kept.shown : Object.keys(runs)[0];
    this.patch({ runs, shown });
    if (shown !== undefined) this.store.setLastRun(runs[shown]?.results);
  }

  /** Forgets every run, e.g. when another flow is loaded: its results belong to the old flow. */
  clear(): void {
    forgetRuns();
    this.controller?.abort();
    const status = this.state.status === "running" ? "running" : "idle";
    this.patch({ runs: {}, shown: undefined, status, done: 0, total: 0, message: undefined, diagnostics: undefined });
    this.store.setLastRun(undefined);
  }

  /** Stops the run in progress: its workers are terminated at once. */
  cancel(): void {
    this.controller?.abort();
  }

  // helpers

  private patch(patch: Partial<RunState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

const SESSIONS = new WeakMap<FlowStore, RunSession>();

/** The run session of a flow store (created on first use). */
export function runSessionOf(store: FlowStore): RunSession {
  let session = SESSIONS.get(store);
  if (!session) {
    session = new RunSession(store);
    SESSIONS.set(store, session);
  }
  return session;
}

/** Reads a slice of the run state and re-renders when it changes (compare by identity). */
export function useRunState<T>(session: RunSession, selector: (state: RunState) => T): T {
  return useSyncExternalStore(session.subscribe, () => selector(session.getState()));
}
