/**
 * The shift program's solver off the page: HiGHS's WebAssembly build loaded once in this Web
 * Worker (its .wasm file located through Vite's asset URL, so the built app finds it), then
 * one program per message, answered with the plan's counts or the error in words.
 */
import highsLoader from "highs";
import wasmUrl from "highs/runtime?url";
import type { ProgramInput } from "../../staff/shifts/solve";
import { type Solver, solveWith } from "../../staff/shifts/solve";
import type { SolverReply } from "./shiftSolverClient";

let highs: Promise<Solver> | undefined;

self.addEventListener("message", async (event: MessageEvent<{ id: number; input: ProgramInput }>) => {
  const { id, input } = event.data;
  try {
    highs ??= highsLoader({ locateFile: () => wasmUrl }) as unknown as Promise<Solver>;
    const answer = solveWith(await highs, input);
    self.postMessage({ id, ok: true, answer } satisfies SolverReply);
  } catch (error) {
    self.postMessage({
      id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    } satisfies SolverReply);
  }
});
