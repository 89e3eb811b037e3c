/**
 * The banner above the dashboard that says what a reader must know before trusting the
 * figures: a team offered more work than it can do, a backlog that keeps growing, tickets
 * still open when the run stopped. Each line names the step or team concerned.
 */
import type { Model } from "../../model";
import type { Results, Warning } from "../../sim/results";
import { formatValue } from "./kpis";

/** The run's warnings (data-testid `results-warnings`, one `results-warning-<code>` each); nothing when none. */
export function WarningsBanner({ results, model }: { results: Results; model: Model }) {
  const lines = warningLines(results, model);
  if (lines.length === 0) return null;
  return (
    <div className="results-warnings" role="status" data-testid="results-warnings">
      <strong>
        {lines.length === 1 ? "One thing to know" : `${lines.length} things to know`} before reading these figures:
      </strong>
      <ul>
        {lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: warnings keep their order and never reorder
          <li key={i} data-testid={`results-warning-${line.code}`}>
            {line.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The banner's lines: each warning's message, with the step or team named when the message
 * does not name it already; then the tickets still open when the run stopped, when no
 * warning says so.
 */
export function warningLines(results: Results, model: Model): { code: string; text: string }[] {
  const warnings: readonly Warning[] = results.warnings ?? [];
  const lines = warnings.map((w) => ({ code: w.code, text: withPlace(w, model) }));
  const open = results.unfinished?.mean;
  if (open !== undefined && open >= 0.5 && !warnings.some((w) => w.code === "unfinished")) {
    const count = formatValue(open, "count");
    lines.push({
      code: "unfinished",
      text: `${count} ticket${count === "1" || count === "1.0" ? "" : "s"} still open when the run stopped (mean over replications): resolution and response times do not include them.`,
    });
  }
  return lines;
}

// helpers

function withPlace(warning: Warning, model: Model): string {
  const names: string[] = [];
  if (warning.node) {
    const node = model.nodes.find((n) => n.id === warning.node);
    names.push(node && "label" in node && node.label ? node.label : warning.node);
  }
  if (warning.team) names.push(model.teams.find((t) => t.id === warning.team)?.name || warning.team);
  const missing = names.filter((name) => !warning.message.includes(name));
  return missing.length === 0 ? warning.message : `${missing.join(", ")}: ${warning.message}`;
}
