/** The runbook of every flow names every team and every escalation trigger. */
import { describe, expect, it } from "vitest";
import { describeCondition } from "../../src/io/runbook/describeRule";
import { toRunbookHtml } from "../../src/io/runbook/runbookHtml";
import { toRunbookMarkdown } from "../../src/io/runbook/runbookMarkdown";
import { nodeLabel } from "../../src/model";
import { allFlows, loadFlow } from "./flows";

describe("runbook", () => {
  for (const path of allFlows()) {
    it(`of ${path} names every team, channel, step and routing rule`, () => {
      const model = loadFlow(path);
      const markdown = toRunbookMarkdown(model);
      const html = toRunbookHtml(model);
      for (const team of model.teams) {
        expect(markdown).toContain(team.name || team.id);
        expect(html).toContain(escapeHtml(team.name || team.id));
      }
      for (const node of model.nodes) {
        if (node.kind === "channel") expect(markdown).toContain(`## Channel: ${nodeLabel(node)}`);
        if (node.kind === "route") {
          for (const rule of node.rules ?? []) expect(markdown).toContain(describeCondition(rule.if, model));
        }
        if (node.kind === "escalate") for (const item of node.checklist ?? []) expect(markdown).toContain(item);
      }
      // Every rule that leads to a hand-off is listed among the escalation triggers.
      const triggers = markdown.slice(markdown.indexOf("## Escalation triggers"), markdown.indexOf("## Channel:"));
      for (const node of model.nodes) {
        if (node.kind !== "route") continue;
        for (const rule of node.rules ?? []) {
          const edge = model.edges.find((e) => e.from === node.id && e.port === rule.port);
          const target = model.nodes.find((n) => n.id === edge?.to);
          if (target?.kind === "escalate") {
            expect(triggers).toContain(
              `${nodeLabel(node)}: ${describeCondition(rule.if, model)} → ${nodeLabel(target)}`,
            );
          }
        }
      }
    });
  }

  it("says the fixture's triggers in words, with targets, SLAs and hand-off notes", () => {
    const markdown = toRunbookMarkdown(loadFlow("test/io/fixtures/io.tiered.json"));
    expect(markdown).toContain("Triage: refund above 500 → Hand off to L2");
    expect(markdown).toContain("Triage: third contact on the same issue (or later) → Hand off to L2");
    expect(markdown).toContain("Triage: contact type Formal complaint → Hand off to L2");
    expect(markdown).toContain("L1 answers: the agent cannot resolve it (18% of contacts) → Hand off to L2");
    expect(markdown).toContain("- Owner: L2 specialists (tier 2).");
    expect(markdown).toContain("- SLA: answer within 20 s.");
    expect(markdown).toMatch(/The hand-off note must contain:\n {2}- Customer and account id\n {2}- What was tried/);
    expect(markdown).toContain("No hand-off note: the next agent spends about 3 min");
  });

  it("prints one page set per channel with the diagram first", () => {
    const html = toRunbookHtml(loadFlow("test/io/fixtures/io.tiered.json"));
    expect(html.indexOf("<svg")).toBeLessThan(html.indexOf('class="channel"'));
    expect(html).toContain("section.channel { break-before: page; }");
    expect(html.match(/<section class="channel"/g)).toHaveLength(2);
  });
});

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}
