/**
 * HiGHS in this thread: the `highs` package loaded on first use, so commands without shifts
 * never pay for it (Node finds its .wasm beside the module; the app loads it in a Web Worker
 * instead, src/ui/staff/shiftSolverWorker.ts).
 */
import { type ProgramAnswer, type ProgramInput, type Solver, solveWith } from "./solve";

let solver: Promise<Solver> | undefined;

/** Solves the shift program with HiGHS loaded in this thread. */
export async function solveProgram(input: ProgramInput): Promise<ProgramAnswer> {
  solver ??= import("highs").then((m) => m.default() as unknown as Promise<Solver>);
  return solveWith(await solver, input);
}
