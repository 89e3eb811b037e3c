/** The runbook as a Markdown document for onboarding (generated from the model, never hand-edited). */
import type { Model } from "../../model";
import { buildRunbook } from "./runbook";

/** Markdown runbook of a flow: teams, escalation triggers, and each channel's path step by step. */
export function toRunbookMarkdown(model: Model): string {
  const book = buildRunbook(model);
  const out: string[] = [`# ${book.title}`, ""];
  if (book.description) out.push(book.description, "");
  out.push("_Generated from the flow; edit the flow, not this document._", "", "## Teams", "");
  out.push("| Team | Tier | Agents | Cost |", "|---|---|---|---|");
  for (const team of book.teams) out.push(`| ${cell(team.name)} | ${team.tier} | ${team.agents} | ${team.cost} |`);
  out.push("", "## Escalation triggers", "");
  if (book.triggers.length === 0) out.push("No routing rule or escalation in this flow.");
  for (const trigger of book.triggers) out.push(`- ${trigger}`);
  for (const channel of book.channels) {
    out.push("", `## Channel: ${channel.title}`, "", channel.intro, "");
    channel.steps.forEach((step, index) => {
      out.push(`### ${index + 1}. ${step.title}`, "");
      for (const fact of step.facts) out.push(`- ${fact}`);
      for (const list of step.lists) {
        out.push(`- ${list.title}:`);
        for (const item of list.items) out.push(`  - ${item}`);
      }
      if (step.next.length > 0) out.push(`- Next: ${step.next.join("; ")}`);
      out.push("");
    });
  }
  return `${out.join("\n").trimEnd()}\n`;
}

// helpers

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}
