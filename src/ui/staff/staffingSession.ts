/**
 * One staffing search of the page: runs `staffFlow` with every candidate simulated in the
 * browser's Web Worker pool (src/worker/browser-evaluate.ts: candidates stop early exactly as
 * on the CLI, and the answer keeps the replications already run), so the page stays responsive,
 * and publishes its progress (candidates tried, best so far), its answer or why it failed.
 * Cancel aborts the candidate in flight (its workers are terminated at once).
 */
import { useSyncExternalStore } from "react";
import type { Model } from "../../model";
import type { StaffingDocument } from "../../staff/document";
import { staffFlow, staffPerInterval } from "../../staff/run";
import type { Evaluate, StaffingOptions } from "../../staff/search";
import type { ShiftRules } from "../../staff/shifts/rules";
import { type ShiftStep, staffWithShifts } from "../../staff/shifts/staffWithShifts";
import { evaluateInBrowser } from "../../worker/browser-evaluate";
import { workerSolver } from "./shiftSolverClient";

export interface StaffingState {
  status: "idle" | "running" | "done" | "failed" | "cancelled";
  evaluations: number;
  best?: { plan: Record<string, number>; costPerWeek: number };
  /** The last candidate tried. */
  candidate?: Record<string, number>;
  /** With shift rules: what the shift step is doing. */
  shiftStep?: ShiftStep;
  doc?: StaffingDocument;
  /** The model searched (the answer's scenario applies to it). */
  model?: Model;
  message?: string;
  startedAt: number;
}

export class StaffingSession {
  private state: StaffingState = { status: "idle", evaluations: 0, startedAt: 0 };
  private listeners = new Set<() => void>();
  private controller?: AbortController;

  constructor(private readonly evaluate: Evaluate = evaluateInBrowser) {}

  getState = (): StaffingState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Starts a search (ignored while one runs): per interval when asked, and with `shifts`
   * the requirement turned into a shift plan, HiGHS solving in its own Web Worker.
   */
  async start(
    model: Model,
    options: Omit<StaffingOptions, "signal" | "onProgress">,
    perInterval = false,
    shifts?: ShiftRules,
  ): Promise<void> {
    if (this.state.status === "running") return;
    const controller = new AbortController();
    this.controller = controller;
    this.patch({
      status: "running",
      evaluations: 0,
      best: undefined,
      candidate: undefined,
      shiftStep: undefined,
      doc: undefined,
      message: undefined,
      model,
      startedAt: performance.now(),
    });
    const solver = shifts ? workerSolver() : undefined;
    const stopSolver = () => solver?.stop();
    controller.signal.addEventListener("abort", stopSolver);
    try {
      const search = {
        ...options,
        signal: controller.signal,
        onProgress: (p: { evaluations: number; best?: StaffingState["best"]; candidate?: Record<string, number> }) =>
          this.patch({ evaluations: p.evaluations, best: p.best, candidate: p.candidate }),
      };
      const doc =
        shifts && solver
          ? await staffWithShifts(model, search, this.evaluate, shifts, {
              solve: solver.solve,
              onStep: (shiftStep) => this.patch({ shiftStep }),
            })
          : await (perInterval ? staffPerInterval : staffFlow)(model, search, this.evaluate);
      const met = doc.met && (doc.coverage?.met ?? true);
      this.patch({
        status: "done",
        doc,
        shiftStep: undefined,
        message: met ? undefined : (doc.message ?? doc.coverage?.note),
      });
    } catch (error) {
      if (controller.signal.aborted) this.patch({ status: "cancelled", message: "The search was cancelled." });
      else this.patch({ status: "failed", message: error instanceof Error ? error.message : String(error) });
    } finally {
      controller.signal.removeEventListener("abort", stopSolver);
      solver?.stop();
      if (this.controller === controller) this.controller = undefined;
    }
  }

  cancel(): void {
    this.controller?.abort();
  }

  reset(): void {
    if (this.state.status !== "running")
      this.patch({ status: "idle", doc: undefined, message: undefined, evaluations: 0 });
  }

  private patch(patch: Partial<StaffingState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** Reads the search state and re-renders when it changes. */
export function useStaffingState(session: StaffingSession): StaffingState {
  return useSyncExternalStore(session.subscribe, session.getState);
}
