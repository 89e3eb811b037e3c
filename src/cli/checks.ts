/**
 * The checks every command shares on what the user handed it: files that must be flows (not
 * JSON: exit 2) and a run that must fit in memory and time; and progress on stderr. Output
 * files are guarded and written by ./shared.
 */
import {
  applyScenario,
  describeSeconds,
  formatDiagnostic,
  type Model,
  type ParseResult,
  parseModel,
  parseModelText,
} from "../model";
import { DEFAULT_MAX_TICKETS, estimateRunSize, refuseRunSize } from "../sim/estimate";
import { type CliIO, readTextFile, UsageError } from "./io";

/**
 * Reads and decodes a flow file (does not run semantic validation). A file that is not
 * JSON at all is unreadable input (UsageError, exit 2), as `validate` says; JSON that is
 * not a valid flow comes back as diagnostics (exit 1). With `io`, fields the schema does not
 * know (a typo, a newer format's field) are printed as warnings on stderr; the exit code
 * stays as it is.
 */
export async function readModelFile(path: string, io?: CliIO): Promise<ParseResult> {
  const text = await readTextFile(path);
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    const parsed = parseModelText(text);
    const message = parsed.ok ? "the file is not valid JSON" : (parsed.diagnostics[0]?.message ?? "");
    throw new UsageError(`cannot read ${path}: ${lowerFirst(message)}`);
  }
  const parsed = parseModel(value);
  if (io && parsed.ok) for (const w of parsed.warnings ?? []) io.err(`${path}: ${formatDiagnostic(w)}\n`);
  return parsed;
}

/** Reads --max-tickets (a positive whole number; "200M" and "1e9" style allowed). */
export function readMaxTickets(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_TICKETS;
  const text = String(value).trim();
  const match = /^(\d+(?:\.\d+)?)([kmb]?)$/i.exec(text.replace(/_|,/g, ""));
  const scale = { "": 1, k: 1e3, m: 1e6, b: 1e9 }[(match?.[2] ?? "").toLowerCase()] ?? 1;
  const n = match ? Number(match[1]) * scale : Number(text);
  if (!Number.isFinite(n) || n < 1) {
    throw new UsageError(`--max-tickets "${text}" must be a positive number of tickets, e.g. 500000000 or 500M`);
  }
  return Math.floor(n);
}

/**
 * Checks a run before it starts: a horizon given on the command line must be finite and
 * longer than the warm-up, and the expected tickets (rate x horizon x replications, under
 * the scenario) must be within `maxTickets`. Throws a UsageError (exit 2) saying how big
 * the run is and how to proceed.
 */
export function checkRunSize(
  model: Model,
  scenario: string | undefined,
  run: { replications?: number; horizonSeconds?: number; maxTickets?: number },
): void {
  const applied = applyScenario(model, scenario);
  // An invalid scenario is reported, with its diagnostics, by the run itself.
  if (!applied.ok) return;
  const flow = applied.model;
  const horizon = run.horizonSeconds ?? flow.clock.horizon;
  if (!Number.isFinite(horizon) || horizon > 3660 * 86400) {
    throw new UsageError(`--horizon must be at most ten years (3660d)`);
  }
  if (run.horizonSeconds !== undefined && !(horizon > flow.clock.warmup)) {
    throw new UsageError(
      `--horizon ${describeSeconds(horizon)} is not longer than the flow's warm-up (${describeSeconds(flow.clock.warmup)}), so nothing would be measured; give a longer --horizon`,
    );
  }
  const size = estimateRunSize(flow, run.replications ?? 10, horizon);
  const refused = refuseRunSize(
    size,
    run.maxTickets ?? DEFAULT_MAX_TICKETS,
    (t) => `raise the limit with --max-tickets ${t}`,
  );
  if (refused) throw new UsageError(refused);
}

/**
 * Progress of a run on stderr: on a terminal, one line rewritten in place; otherwise (a log
 * file, CI) a plain line at most every `everySeconds`, so a long run shows it is alive
 * while a short one prints nothing.
 */
export function progressReporter(
  io: CliIO,
  label = "",
  everySeconds = 5,
  now: () => number = () => performance.now(),
): (done: number, total: number) => void {
  if (io.errIsTTY) {
    return (done, total) => {
      io.err(`\r${label}replication ${done}/${total}`);
      if (done === total) io.err("\r\x1b[K");
    };
  }
  const started = now();
  let last = started;
  return (done, total) => {
    const t = now();
    if (done === total || t - last < everySeconds * 1000) return;
    last = t;
    const elapsed = (t - started) / 1000;
    const left = (elapsed / done) * (total - done);
    io.err(
      `${label}replication ${done}/${total} after ${describeSeconds(elapsed)}, about ${describeSeconds(left)} left\n`,
    );
  };
}

// helpers

function lowerFirst(text: string): string {
  return text.replace(/^The /, "the ");
}
