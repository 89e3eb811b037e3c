/**
 * The shift integer program, solved by HiGHS (its WebAssembly build, the `highs` package,
 * loaded by the caller: loadHighs.ts in this thread, or the app's solver worker).
 *
 *   minimise   sum_j cost_j x_j
 *   subject to sum_{j covers k} x_j >= need_k           every interval k with need_k > 0
 *              min u_g <= sum_{j in g} x_j <= max u_g   every shift group g (when limits are set)
 *              x_j integer >= 0, u_g binary
 *
 * x_j is the number of people starting pattern j; need_k the people to schedule in interval k.
 */
import type { ShiftPattern } from "./patterns";
import { ShiftRulesError } from "./rules";

export interface ProgramInput {
  patterns: readonly ShiftPattern[];
  /** Cost of one person on each pattern. */
  costs: readonly number[];
  /** People needed per interval of the week. */
  need: readonly number[];
  minPerShift: number;
  maxPerShift?: number;
  timeLimitSeconds?: number;
}

export interface ProgramAnswer {
  /** People per pattern. */
  counts: number[];
  status: string;
  /** The least cost any plan can have, as far as proved (the LP bound when not proved optimal; 0 when unknown). */
  lowerBound: number;
  /** (objective - lowerBound) / objective: 0 when proved optimal. */
  gap: number;
  /** Whether HiGHS proved the plan optimal (false: the best plan found within the time limit). */
  optimal: boolean;
  objective: number;
  variables: number;
  constraints: number;
  seconds: number;
}

/** The part of a loaded HiGHS module the program needs. */
export type Solver = { solve(lp: string, options?: Record<string, unknown>): SolverResult };
type SolverResult = { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal: number }> };

/** Builds the program in CPLEX LP text (the format HiGHS reads). */
export function programText(
  input: ProgramInput,
  relax = false,
  aggregate = false,
  cutoff?: number,
): { text: string; constraints: number } {
  const { patterns, costs, need } = input;
  const lines: string[] = [
    "Minimize",
    ` obj: ${terms(patterns.map((_, j) => [costs[j] ?? 0, `x${j}`]))}`,
    "Subject To",
  ];
  const covering: number[][] = need.map(() => []);
  patterns.forEach((p, j) => {
    for (const k of p.covers) covering[k]?.push(j);
  });
  let constraints = 0;
  if (cutoff !== undefined) {
    lines.push(` cut: ${terms(patterns.map((_, j) => [costs[j] ?? 0, `x${j}`]))} <= ${cutoff}`);
    constraints++;
  }
  need.forEach((n, k) => {
    if (n <= 0) return;
    lines.push(` c${k}: ${terms((covering[k] ?? []).map((j) => [1, `x${j}`]))} >= ${n}`);
    constraints++;
  });
  const groups = new Map<number, number[]>();
  patterns.forEach((p, j) => {
    groups.set(p.group, [...(groups.get(p.group) ?? []), j]);
  });
  const peak = Math.max(0, ...need);
  const max = input.maxPerShift ?? Math.max(peak, input.minPerShift);
  const binaries: string[] = [];
  for (const [g, members] of groups) {
    const sum = terms(members.map((j) => [1, `x${j}`]));
    if (input.minPerShift > 0) {
      lines.push(` hi${g}: ${sum} - ${max} u${g} <= 0`, ` lo${g}: ${sum} - ${input.minPerShift} u${g} >= 0`);
      binaries.push(`u${g}`);
      constraints += 2;
    } else if (input.maxPerShift !== undefined) {
      lines.push(` hi${g}: ${sum} <= ${input.maxPerShift}`);
      constraints++;
    }
  }
  lines.push("Bounds");
  patterns.forEach((p, j) => {
    // More people on one pattern than its busiest interval needs never pays (the shift-group minimum aside).
    const most = Math.max(input.minPerShift, ...p.covers.map((k) => need[k] ?? 0));
    lines.push(` 0 <= x${j} <= ${Math.min(most, max)}`);
  });
  if (aggregate) {
    // People per shift (day, start, length) whole; their spread over break placements free.
    for (const [g, members] of groups) {
      lines.splice(lines.indexOf("Bounds"), 0, ` ag${g}: ${terms(members.map((j) => [1, `x${j}`]))} - y${g} = 0`);
      constraints++;
    }
    if (!relax) lines.push("General", ...wrap([...groups.keys()].map((g) => `y${g}`)));
  } else if (!relax) lines.push("General", ...wrap(patterns.map((_, j) => `x${j}`)));
  if (!relax && binaries.length > 0) lines.push("Binary", ...wrap(binaries));
  lines.push("End");
  return { text: lines.join("\n"), constraints };
}

/**
 * Solves the program with a loaded HiGHS; throws when no plan covers the need (the caller names
 * the interval first).
 *
 * Without people-per-shift limits the LP relaxation comes first: its cost, rounded up to the
 * cost unit, bounds every plan from below, and a plan built from it (roundedRelaxation) that
 * reaches that bound is proved least-cost without any branching (on realistic weeks, where
 * several people share most intervals, it usually does). Otherwise the integer program runs
 * with whole people per shift (day, start, length) and their spread over break placements
 * free (aggregated: far fewer integer variables, no symmetric break columns to branch on);
 * should a spread come out fractional, the program with one integer per pattern is solved.
 */
export function solveWith(highs: Solver, input: ProgramInput): ProgramAnswer {
  const started = performance.now();
  const limit = input.timeLimitSeconds ?? 30;
  const unit = costUnit(input.costs);
  const { constraints } = programText(input);
  const answer = (counts: number[], status: string, optimal: boolean, objective: number, bound: number) => ({
    counts,
    status,
    optimal,
    objective,
    lowerBound: bound,
    gap: objective > 0 ? Math.max(0, (objective - bound) / objective) : 0,
    variables: input.patterns.length,
    constraints,
    seconds: (performance.now() - started) / 1000,
  });
  const limits = input.minPerShift > 0 || input.maxPerShift !== undefined;
  let bound = 0;
  let rounded: { counts: number[]; cost: number } | undefined;
  const lp = highs.solve(programText(input, true).text, { output_flag: false, time_limit: limit });
  if (lp.Status === "Optimal") {
    bound = Math.ceil(lp.ObjectiveValue / unit - 1e-6) * unit;
    rounded = limits ? undefined : cheaper(roundedRelaxation(input, lp), divedRelaxation(highs, input, lp, limit / 2));
    if (rounded && rounded.cost <= bound + unit * 1e-6)
      return answer(rounded.counts, "Optimal", true, rounded.cost, bound);
  }
  // Only plans at least one cost unit cheaper than the rounded one are searched for: none
  // (infeasible) proves the rounded plan least-cost.
  const cutoff = rounded ? rounded.cost - unit * 0.999 : undefined;
  const mip = (aggregate: boolean, seconds: number) =>
    highs.solve(programText(input, false, aggregate, cutoff).text, {
      // Every plan costs a whole multiple of the cost unit: a gap below one unit proves optimality.
      mip_rel_gap: 0,
      mip_abs_gap: unit * 0.999,
      time_limit: Math.max(0.1, seconds),
      // Fewer, younger cuts at the root: the covering programs here prove optimal several times sooner.
      mip_lp_age_limit: 3,
      mip_pool_soft_limit: 100,
      output_flag: false,
    });
  let result = mip(true, limit - (performance.now() - started) / 1000);
  const whole = (r: SolverResult) =>
    input.patterns.every((_, j) => {
      const v = r.Columns[`x${j}`]?.Primal ?? 0;
      return Math.abs(v - Math.round(v)) < 1e-6;
    });
  if (result.Columns.x0 !== undefined && result.Status !== "Infeasible" && !whole(result)) {
    result = mip(false, limit - (performance.now() - started) / 1000);
  }
  if (result.Status === "Infeasible" && rounded) {
    return answer(rounded.counts, "Optimal", true, rounded.cost, rounded.cost);
  }
  if (result.Status === "Infeasible") {
    throw new ShiftRulesError(
      "no plan within the people-per-shift limits (minPerShift, maxPerShift) covers every interval; widen them or allow more start times",
    );
  }
  const found =
    (result.Status === "Optimal" || result.Status === "Time limit reached") &&
    result.Columns.x0 !== undefined &&
    whole(result);
  if (result.Status === "Optimal" && found) {
    const counts = input.patterns.map((_, j) => Math.round(result.Columns[`x${j}`]?.Primal ?? 0));
    return answer(counts, "Optimal", true, result.ObjectiveValue, result.ObjectiveValue);
  }
  // Past the time limit HiGHS's best plan can be far from the least cost (three times it on a
  // small week); the plan built from the LP relaxation covers too: keep the cheaper.
  let counts = found ? input.patterns.map((_, j) => Math.round(result.Columns[`x${j}`]?.Primal ?? 0)) : undefined;
  let objective = found ? result.ObjectiveValue : Number.POSITIVE_INFINITY;
  if (rounded && rounded.cost < objective - 1e-9) {
    counts = rounded.counts;
    objective = rounded.cost;
  }
  if (!counts) {
    throw new ShiftRulesError(
      `no plan found within ${limit} s (HiGHS: ${result.Status}); raise solveSeconds or allow fewer start times`,
    );
  }
  return answer(counts, result.Status, false, objective, bound);
}

// helpers

/**
 * A plan from the LP relaxation: its whole parts kept, the rest of the need covered greedily
 * (the pattern covering most still-short intervals per unit of cost, one person at a time),
 * then any person whose removal leaves every interval covered removed, dearest first. Only
 * without people-per-shift limits, which it does not keep.
 */
function roundedRelaxation(input: ProgramInput, lp: SolverResult): { counts: number[]; cost: number } | undefined {
  const { patterns, costs, need } = input;
  const counts = patterns.map((_, j) => Math.max(0, Math.floor((lp.Columns[`x${j}`]?.Primal ?? 0) + 1e-6)));
  const covered = need.map(() => 0);
  const add = (j: number, n: number) => {
    counts[j] = (counts[j] ?? 0) + n;
    for (const k of patterns[j]?.covers ?? []) covered[k] = (covered[k] ?? 0) + n;
  };
  counts.forEach((n, j) => {
    counts[j] = 0;
    add(j, n);
  });
  for (;;) {
    let best = -1;
    let bestScore = 0;
    patterns.forEach((p, j) => {
      const short = p.covers.filter((k) => (covered[k] ?? 0) < (need[k] ?? 0)).length;
      const score = short / Math.max(costs[j] ?? 0, 1e-9);
      if (short > 0 && score > bestScore) {
        best = j;
        bestScore = score;
      }
    });
    if (best < 0) break;
    add(best, 1);
  }
  if (need.some((n, k) => (covered[k] ?? 0) < n)) return undefined;
  const dearest = patterns.map((_, j) => j).sort((a, b) => (costs[b] ?? 0) - (costs[a] ?? 0));
  for (const j of dearest) {
    while ((counts[j] ?? 0) > 0 && (patterns[j]?.covers ?? []).every((k) => (covered[k] ?? 0) > (need[k] ?? 0)))
      add(j, -1);
  }
  const cost = counts.reduce((sum, n, j) => sum + n * (costs[j] ?? 0), 0);
  return { counts, cost };
}

/**
 * A plan from LP relaxations in turn: the whole parts of the LP's answer kept, the LP solved
 * again for the need still uncovered, and so on; when an answer has no whole part, its largest
 * share is rounded up to one person. Stops covering when the need is met, then drops whoever
 * is not needed (dearest first). Undefined past `seconds` or when an LP does not solve.
 */
function divedRelaxation(
  highs: Solver,
  input: ProgramInput,
  lp: SolverResult,
  seconds: number,
): { counts: number[]; cost: number } | undefined {
  const started = performance.now();
  const { patterns, costs, need } = input;
  const counts = patterns.map(() => 0);
  const covered = need.map(() => 0);
  let answer = lp;
  for (;;) {
    const values = patterns.map((_, j) => Math.max(0, answer.Columns[`x${j}`]?.Primal ?? 0));
    const whole: number[] = values.map((v) => Math.floor(v + 1e-6));
    if (!whole.some((n) => n > 0)) {
      const top = values.indexOf(Math.max(...values));
      if (!((values[top] ?? 0) > 0)) return undefined;
      whole[top] = 1;
    }
    whole.forEach((n, j) => {
      if (n <= 0) return;
      counts[j] = (counts[j] ?? 0) + n;
      for (const k of patterns[j]?.covers ?? []) covered[k] = (covered[k] ?? 0) + n;
    });
    const rest = need.map((n, k) => Math.max(0, n - (covered[k] ?? 0)));
    if (rest.every((n) => n === 0)) break;
    if ((performance.now() - started) / 1000 > seconds) return undefined;
    answer = highs.solve(programText({ ...input, need: rest }, true).text, { output_flag: false, time_limit: seconds });
    if (answer.Status !== "Optimal") return undefined;
  }
  const dearest = patterns.map((_, j) => j).sort((a, b) => (costs[b] ?? 0) - (costs[a] ?? 0));
  for (const j of dearest) {
    while ((counts[j] ?? 0) > 0 && (patterns[j]?.covers ?? []).every((k) => (covered[k] ?? 0) > (need[k] ?? 0))) {
      counts[j] = (counts[j] ?? 0) - 1;
      for (const k of patterns[j]?.covers ?? []) covered[k] = (covered[k] ?? 0) - 1;
    }
  }
  return { counts, cost: counts.reduce((sum, n, j) => sum + n * (costs[j] ?? 0), 0) };
}

function cheaper<T extends { cost: number }>(a: T | undefined, b: T | undefined): T | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.cost < a.cost ? b : a;
}

/** The largest amount every cost is a whole multiple of (to a cent), or 0.01. */
function costUnit(costs: readonly number[]): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const positive = costs.filter((c) => c > 0);
  if (positive.length === 0 || positive.some((c) => Math.abs(Math.round(c * 100) - c * 100) > 1e-6)) return 0.01;
  return positive.map((c) => Math.round(c * 100)).reduce(gcd) / 100;
}

/** "3 x0 + 2 x1 ..." over several lines (LP readers limit the line length). */
function terms(pairs: [number, string][]): string {
  if (pairs.length === 0) return "0 x0";
  const parts = pairs.map(([c, name], i) => `${i === 0 ? "" : "+ "}${Number(c.toPrecision(12))} ${name}`);
  const rows: string[] = [];
  for (let i = 0; i < parts.length; i += 20) rows.push(parts.slice(i, i + 20).join(" "));
  return rows.join("\n   ");
}

function wrap(names: string[]): string[] {
  const rows: string[] = [];
  for (let i = 0; i < names.length; i += 20) rows.push(` ${names.slice(i, i + 20).join(" ")}`);
  return rows;
}
