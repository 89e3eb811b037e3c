import { describe, expect, it } from "vitest";
import { compareResults } from "../sim/compare";
import type { Results } from "../sim/results";
import { deskResults, est } from "../ui/results/results.fixture";
import { formatComparison, formatResults, formatTable, formatWarnings } from "./format";

describe("formatTable", () => {
  it("aligns columns, numbers to the right", () => {
    const text = formatTable(
      [
        ["name", "n"],
        ["a", "1"],
        ["longer", "100"],
      ],
      [1],
    );
    expect(text).toBe("name      n\na         1\nlonger  100\n");
  });
});

describe("formatResults", () => {
  it("leaves the service-level row and column out when no queue has an SLA target", () => {
    const with_ = formatResults(deskResults());
    expect(with_).toMatch(/^Service level {2,}81\.0%/m);
    const without = withoutServiceLevel(deskResults());
    const text = formatResults(without);
    expect(text).not.toContain("Service level");
    expect(text).not.toContain("service level");
    expect(text).toContain("First-contact resolution");
  });

  it("leaves the abandon row and the abandoned column out when no queue has a patience", () => {
    expect(formatResults(deskResults())).toMatch(/^Abandon rate {2,}4\.0%/m);
    expect(formatResults(deskResults())).toMatch(/^Work node .* abandoned /m);
    const text = formatResults(withoutAbandonment(deskResults()));
    expect(text).not.toMatch(/abandon/i);
    expect(text).toMatch(/^Work node +entered +served +mean wait +waited/m);
    expect(text).toContain("First-contact resolution");
  });

  it("says how many tickets were still open when the run stopped, only when some were", () => {
    const results = deskResults();
    expect(formatResults(results)).not.toContain("Still open");
    results.unfinished = est(312, 20);
    expect(formatResults(results)).toMatch(/^Still open when the run stopped +312 \(292 – 332\)$/m);
    results.unfinished = est(0);
    expect(formatResults(results)).not.toContain("Still open");
  });
});

describe("formatWarnings", () => {
  it("writes one line per warning, with the scenario when given, and nothing without warnings", () => {
    const warnings = [
      { code: "overload", message: "L1 front line is offered 128% of its capacity", team: "l1" },
      { code: "unfinished", message: "312 tickets still open when the run stopped" },
    ];
    expect(formatWarnings(warnings, "plus2: ")).toBe(
      "plus2: warning: L1 front line is offered 128% of its capacity\nplus2: warning: 312 tickets still open when the run stopped\n",
    );
    expect(formatWarnings([])).toBe("");
    expect(formatWarnings(undefined)).toBe("");
  });
});

describe("formatComparison", () => {
  it("marks a real change, notes one under its threshold, and writes no float noise", () => {
    const base = deskResults();
    const other = deskResults({ scenario: "plus2" });
    // Backlog 0.0017 lower in every replication: real but negligible. CSAT up by float
    // noise. Abandonment 2 pp lower in every replication: news.
    other.replicationKpis.backlog = (base.replicationKpis.backlog ?? []).map((v) => v - 0.0017);
    other.kpis.backlog = est(base.kpis.backlog.mean - 0.0017);
    other.replicationKpis.csat = (base.replicationKpis.csat ?? []).map((v) => v + 6.7e-15);
    other.replicationKpis.abandonRate = (base.replicationKpis.abandonRate ?? []).map((v) => v - 0.02);
    other.kpis.abandonRate = est(0.02);
    const text = formatComparison([base, other], [compareResults(base, other)], { teams: { l1: "L1 front line" } });
    const line = (start: string) => text.split("\n").find((l) => l.startsWith(start)) ?? "";
    expect(line("Backlog (open tickets)")).toMatch(/ 0\.0\s+\(under 1 ticket\)$/);
    expect(line("CSAT")).toMatch(/ 0\.0 pp\s+\(under 0\.5 pp\)$/);
    expect(line("Abandon rate")).toMatch(/−2\.0 pp.*\* better$/);
    expect(line("Utilisation · L1 front line")).toContain("80.0%");
    expect(text).not.toMatch(/e[+-]\d/);
    expect(text).toContain("paired over 3 replications on common random numbers");
    expect(text).toContain("still an estimate");
    expect(text).toContain("Team utilisation intervals are unpaired (Welch)");
    expect(text).toContain("backlog 1 ticket");
  });

  it("has no service-level row when no run reports it", () => {
    const base = withoutServiceLevel(deskResults());
    const other = withoutServiceLevel(deskResults({ scenario: "b" }));
    const text = formatComparison([base, other], [compareResults(base, other)]);
    expect(text).not.toMatch(/^Service level/m);
    expect(text).toMatch(/^First-contact resolution/m);
  });
  it("marks abandonment not comparable when only the scenario has a patience", () => {
    const base = withoutAbandonment(deskResults());
    const other = deskResults({ scenario: "patient" });
    const text = formatComparison([base, other], [compareResults(base, other)]);
    const row = text.split("\n").find((l) => l.startsWith("Abandon rate")) ?? "";
    expect(row).toMatch(/^Abandon rate +— +4\.0% +— +\(not comparable: not modelled in base\)$/);
    expect(row).not.toMatch(/better|worse|pp/);
  });
});

// helpers

function withoutAbandonment(results: Results): Results {
  delete (results.kpis as Partial<Results["kpis"]>).abandonRate;
  delete results.replicationKpis.abandonRate;
  return results;
}

function withoutServiceLevel(results: Results): Results {
  delete (results.kpis as Partial<Results["kpis"]>).serviceLevel;
  for (const node of Object.values(results.nodes)) delete node.serviceLevel;
  return results;
}
