/**
 * The runbook as a Markdown document for onboarding (generated from the model, never
 * hand-edited). Every piece of text from the flow is escaped for Markdown: raw HTML shows as
 * text (`<script>` stays visible and inert), Markdown punctuation is literal, and a newline
 * in a name cannot start a heading or a list.
 */
import type { Model } from "../../model";
import { buildRunbook } from "./runbook";

/** Markdown runbook of a flow: teams, escalation triggers, and each channel's path step by step. */
export function toRunbookMarkdown(model: Model): string {
  const book = buildRunbook(model);
  const t = escapeMarkdown;
  const out: string[] = [`# ${t(book.title)}`, ""];
  if (book.description) out.push(t(book.description), "");
  out.push("_Generated from the flow; edit the flow, not this document._", "", "## Teams", "");
  out.push("| Team | Tier | Agents | Cost |", "|---|---|---|---|");
  for (const team of book.teams) out.push(`| ${t(team.name)} | ${team.tier} | ${t(team.agents)} | ${t(team.cost)} |`);
  out.push("", "## Escalation triggers", "");
  if (book.triggers.length === 0) out.push("No routing rule or escalation in this flow.");
  for (const trigger of book.triggers) out.push(`- ${t(trigger)}`);
  for (const channel of book.channels) {
    out.push("", `## Channel: ${t(channel.title)}`, "", t(channel.intro), "");
    channel.steps.forEach((step, index) => {
      out.push(`### ${index + 1}. ${t(step.title)}`, "");
      for (const fact of step.facts) out.push(`- ${t(fact)}`);
      for (const list of step.lists) {
        out.push(`- ${t(list.title)}:`);
        for (const item of list.items) out.push(`  - ${t(item)}`);
      }
      if (step.next.length > 0) out.push(`- Next: ${step.next.map(t).join("; ")}`);
      out.push("");
    });
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/**
 * Text as literal Markdown on one line: line breaks and control characters become spaces,
 * `<`, `>` and an `&` that would start an entity become entities (no raw HTML), inline punctuation (\ ` * _ [ ] | ~) is
 * backslash-escaped, and a leading character that could open a block (#, >, +, -, =,
 * "1.") is escaped too.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
      .replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029]+/g, " ")
      .replace(/&(?=#?\w+;)/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/[\\`*_[\]|~]/g, "\\$&")
      .replace(/^(\s*)([#+\-=]|\d+(?=[.)]))/, "$1\\$2")
  );
}
