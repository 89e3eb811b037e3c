/**
 * The runbook as a printable HTML page: the flow diagram and teams on the first page, then
 * one page set per channel (print CSS breaks before each). Self-contained: inline CSS and
 * the SVG diagram inline, so it prints the same from a browser or a saved file.
 */
import type { Model } from "../../model";
import { type Positions, renderFlowSvg } from "../svg/flowSvg";
import { escapeXml } from "../xml";
import { buildRunbook } from "./runbook";

/** The printable runbook page; `positions` defaults to the flow's saved layout. */
export function toRunbookHtml(model: Model, positions: Positions = model.layout): string {
  const book = buildRunbook(model);
  const e = escapeXml;
  const body: string[] = [
    `<header><h1>${e(book.title)}</h1>${book.description ? `<p>${e(book.description)}</p>` : ""}<p class="muted">Generated from the flow; edit the flow, not this page.</p></header>`,
    `<section class="first"><figure class="diagram">${renderFlowSvg(model, positions, { title: model.name })}</figure>`,
    "<h2>Teams</h2><table><thead><tr><th>Team</th><th>Tier</th><th>Agents</th><th>Cost</th></tr></thead><tbody>",
    ...book.teams.map(
      (t) => `<tr><td>${e(t.name)}</td><td>${t.tier}</td><td>${e(t.agents)}</td><td>${e(t.cost)}</td></tr>`,
    ),
    "</tbody></table>",
    "<h2>Escalation triggers</h2>",
    book.triggers.length > 0
      ? `<ul>${book.triggers.map((t) => `<li>${e(t)}</li>`).join("")}</ul>`
      : "<p>No routing rule or escalation in this flow.</p>",
    "</section>",
  ];
  for (const channel of book.channels) {
    body.push(
      `<section class="channel" data-channel="${e(channel.id)}"><h2>Channel: ${e(channel.title)}</h2><p>${e(channel.intro)}</p><ol class="steps">`,
    );
    for (const step of channel.steps) {
      body.push(`<li class="step kind-${step.kind}"><h3>${e(step.title)}</h3><ul>`);
      for (const fact of step.facts) body.push(`<li>${e(fact)}</li>`);
      for (const list of step.lists) {
        body.push(`<li>${e(list.title)}:<ul>${list.items.map((i) => `<li>${e(i)}</li>`).join("")}</ul></li>`);
      }
      if (step.next.length > 0) body.push(`<li class="next">Next: ${step.next.map(e).join("; ")}</li>`);
      body.push("</ul></li>");
    }
    body.push("</ol></section>");
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${e(book.title)}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
${body.join("\n")}
</body>
</html>
`;
}

// helpers

const PRINT_CSS = `
@page { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: Inter, "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; color: #0f172a; margin: 24px; font-size: 13px; line-height: 1.45; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 18px 0 8px; border-bottom: 1px solid #cbd5e1; padding-bottom: 4px; }
h3 { font-size: 14px; margin: 0 0 4px; }
.muted { color: #64748b; margin: 0 0 12px; }
.diagram { margin: 0; border: 1px solid #e2e8f0; border-radius: 8px; padding: 4px; }
.diagram svg { display: block; width: 100%; height: auto; max-height: 150mm; }
table { border-collapse: collapse; margin: 4px 0 8px; }
th, td { border: 1px solid #cbd5e1; padding: 4px 10px; text-align: left; }
th { background: #f1f5f9; }
ol.steps { padding-left: 22px; }
li.step { margin: 0 0 10px; padding: 6px 10px; border-left: 4px solid #94a3b8; background: #f8fafc; break-inside: avoid; }
li.step ul { margin: 2px 0 0; padding-left: 18px; }
li.kind-channel { border-color: #0369a1; } li.kind-work { border-color: #334155; } li.kind-escalate { border-color: #b91c1c; }
li.kind-route { border-color: #b45309; } li.kind-selfService { border-color: #4d7c0f; } li.kind-followUp { border-color: #7e22ce; }
li.kind-end { border-color: #15803d; }
.next { color: #334155; }
@media print {
  body { margin: 0; }
  section.channel { break-before: page; }
  .diagram { border: none; }
}
`;
