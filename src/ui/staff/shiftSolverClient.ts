/**
 * Solving shift programs in a Web Worker (shiftSolverWorker.ts) so the page stays responsive
 * while HiGHS works: one worker per planning run, started on the first program, ended by
 * `stop` (Cancel, or the run's end). A rules problem comes back as a ShiftRulesError with the
 * solver's words.
 */
import type { SolveProgram } from "../../staff/shifts/plan";
import { ShiftRulesError } from "../../staff/shifts/rules";
import type { ProgramAnswer } from "../../staff/shifts/solve";

export type SolverReply = { id: number; ok: true; answer: ProgramAnswer } | { id: number; ok: false; message: string };

export interface WorkerSolver {
  solve: SolveProgram;
  /** Ends the worker; a program in flight is rejected. */
  stop(): void;
}

/** A solver backed by its own Web Worker. */
export function workerSolver(): WorkerSolver {
  let worker: Worker | undefined;
  let next = 0;
  const pending = new Map<number, { resolve: (a: ProgramAnswer) => void; reject: (e: Error) => void }>();
  const fail = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const start = (): Worker => {
    const w = new Worker(new URL("./shiftSolverWorker.ts", import.meta.url), { type: "module" });
    w.addEventListener("message", (event: MessageEvent<SolverReply>) => {
      const reply = event.data;
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.answer);
      else p.reject(new ShiftRulesError(reply.message));
    });
    w.addEventListener("error", (event) => {
      event.preventDefault();
      fail(new Error(`The shift solver stopped: ${event.message || "its worker failed to load"}`));
      w.terminate();
      worker = undefined;
    });
    return w;
  };
  return {
    solve: (input) =>
      new Promise<ProgramAnswer>((resolve, reject) => {
        worker ??= start();
        const id = next++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, input });
      }),
    stop: () => {
      worker?.terminate();
      worker = undefined;
      fail(new Error("The shift plan was stopped."));
    },
  };
}
