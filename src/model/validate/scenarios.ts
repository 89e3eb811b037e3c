/**
 * Rules on scenarios: every `set` and `scale` path points at something, the scenario
 * applies to a flow that still decodes, and it does not break the flow (a new problem that
 * the flow without the scenario does not have is reported against the scenario).
 */
import type { Diagnostic } from "../diagnostics";
import { encodeModel } from "../parse";
import { applyScenario, checkScenarioPaths } from "../scenario";
import type { Model } from "../schema";
import { type Checker, list } from "./context";

/** Checks every scenario; `validate` validates a flow with a scenario applied (without its scenarios). */
export function checkScenarios(c: Checker, validate: (model: Model) => Diagnostic[]): void {
  const scenarios = list(c.model.scenarios);
  if (scenarios.length === 0) return;
  const file = encodeModel(c.model);
  const known = new Set(c.diagnostics.map(key));
  scenarios.forEach((scenario, index) => {
    const problems = checkScenarioPaths(file, scenario, index);
    if (problems.length > 0) {
      c.diagnostics.push(...problems);
      return;
    }
    const applied = applyScenario(c.model, scenario);
    const path = `scenarios[${index}]`;
    if (!applied.ok) {
      for (const d of applied.diagnostics) c.diagnostics.push({ ...d, path });
      return;
    }
    const name = `"${scenario.name || scenario.id}" (${scenario.id})`;
    for (const d of validate(applied.model)) {
      if (d.severity !== "error" || known.has(key(d))) continue;
      c.diagnostics.push({ ...d, path, message: `With scenario ${name}: ${d.message}` });
    }
  });
}

// helpers

function key(d: Diagnostic): string {
  return `${d.path}|${d.message}`;
}
