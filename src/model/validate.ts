/**
 * Semantic validation of a decoded model: the rules that need the whole flow (ports,
 * reachability, shares, references, schedules, scenarios), each in its own file under
 * validate/. Returns diagnostics that name the step, connection or team by label and id,
 * errors first, each group in model order; never throws, even on a model built by hand.
 */
import type { Diagnostic } from "./diagnostics";
import { type ParseResult, parseModel, parseModelText } from "./parse";
import type { Model } from "./schema";
import { checkArrivals, checkClock } from "./validate/arrivals";
import { checkConnections, checkRouteShape } from "./validate/connections";
import { Checker } from "./validate/context";
import { checkDistributions } from "./validate/distributions";
import { checkDuplicateIds } from "./validate/ids";
import { checkOverflow } from "./validate/overflow";
import { checkReachability } from "./validate/reachability";
import { checkReferences } from "./validate/references";
import { checkScenarios } from "./validate/scenarios";
import { checkShape } from "./validate/shape";
import { checkShares } from "./validate/shares";
import { checkTargets } from "./validate/targets";
import { checkTeams } from "./validate/teams";

/** The rules in the order their diagnostics are listed, with what each checks (for a failure message). */
const RULES: readonly [string, (c: Checker) => void][] = [
  ["ids", checkDuplicateIds],
  ["connections", checkConnections],
  ["routes", checkRouteShape],
  ["shares", checkShares],
  ["references", checkReferences],
  ["overflow", checkOverflow],
  ["reachability", checkReachability],
  ["arrivals", checkArrivals],
  ["distributions", checkDistributions],
  ["teams", checkTeams],
  ["clock", checkClock],
  ["targets", checkTargets],
];

/** Every problem of a model that decoded, in the words of a process designer. */
export function validateModel(model: Model): Diagnostic[] {
  return validate(model, true);
}

/**
 * Parses and validates in one go: the model when it decodes, and every diagnostic found.
 * A string is read as the JSON text of a file; anything else as an already parsed value.
 */
export function checkModel(input: unknown): { model?: Model; diagnostics: Diagnostic[] } {
  let parsed: ParseResult;
  try {
    parsed = typeof input === "string" ? parseModelText(input) : parseModel(input);
  } catch (error) {
    return { diagnostics: [failure("read", error)] };
  }
  if (!parsed.ok) return { diagnostics: parsed.diagnostics };
  return { model: parsed.model, diagnostics: [...(parsed.warnings ?? []), ...validateModel(parsed.model)] };
}

// helpers

function validate(model: Model, withScenarios: boolean): Diagnostic[] {
  if (model === null || typeof model !== "object") {
    return [{ severity: "error", message: "This is not a Flowcast flow.", path: "" }];
  }
  const c = new Checker(model);
  try {
    if (!checkShape(c)) return c.diagnostics;
  } catch (error) {
    return [failure("shape", error)];
  }
  for (const [what, rule] of RULES) {
    try {
      rule(c);
    } catch (error) {
      c.diagnostics.push(failure(what, error));
    }
  }
  if (withScenarios) {
    try {
      checkScenarios(c, (applied) => validate(applied, false));
    } catch (error) {
      c.diagnostics.push(failure("scenarios", error));
    }
  }
  // Stable: errors first, each group in the order the rules found them.
  return [
    ...c.diagnostics.filter((d) => d.severity === "error"),
    ...c.diagnostics.filter((d) => d.severity !== "error"),
  ];
}

/** A rule that could not finish on a malformed flow still yields a diagnostic, never an exception. */
function failure(what: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    severity: "error",
    message: `The ${what} of this flow could not be checked because part of it is malformed (${reason}).`,
    path: "",
  };
}
