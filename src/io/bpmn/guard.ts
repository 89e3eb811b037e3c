/**
 * Checks on BPMN text before any XML parser sees it, so hostile input gets a clear message
 * at a bounded cost (docs/security.md): a size cap, no DOCTYPE (entity expansion, external
 * entities), at most MAX_STEPS flow elements and MAX_XML_ELEMENTS elements in all, and no
 * nesting deeper than MAX_DEPTH. One pass over the text, linear in its length.
 */

/** Longest BPMN file read (characters): a 10,000-step diagram with its drawing is about 8 MB. */
export const MAX_TEXT = 20_000_000;
/** Most steps (tasks, events, gateways, sub-processes), as for Mermaid import. */
export const MAX_STEPS = 10_000;
/** Most XML elements of any kind (a step with its drawing and connections takes about ten). */
export const MAX_XML_ELEMENTS = 200_000;
/** Deepest element nesting: real files stay under 20 even with sub-processes in sub-processes. */
export const MAX_DEPTH = 100;

const STEP_TAG = /(task|event|gateway|subprocess|transaction|callactivity)$/i;

/** A message naming what is wrong with `text`, or undefined when it may be parsed. */
export function checkBpmnText(text: string): string | undefined {
  if (text.length > MAX_TEXT) {
    return `the file is ${text.length.toLocaleString("en")} characters long; Flowcast reads BPMN files of at most ${MAX_TEXT.toLocaleString("en")}`;
  }
  if (/<!DOCTYPE/i.test(text)) {
    return "the file declares a DOCTYPE (XML entities); BPMN files have none, and Flowcast does not expand entities";
  }
  let depth = 0;
  let elements = 0;
  let steps = 0;
  let at = text.indexOf("<");
  while (at !== -1) {
    const next = text.charCodeAt(at + 1);
    if (text.startsWith("<!--", at)) at = skipTo(text, at, "-->");
    else if (text.startsWith("<![CDATA[", at)) at = skipTo(text, at, "]]>");
    else if (next === 63 /* ? */ || next === 33 /* ! */) at = skipTo(text, at, ">");
    else if (next === 47 /* / */) {
      depth--;
      at = skipTo(text, at, ">");
    } else {
      const end = text.indexOf(">", at);
      if (end === -1) break;
      const name = /^<([\w.:-]+)/.exec(text.slice(at, Math.min(end, at + 200)))?.[1] ?? "";
      const local = name.slice(name.indexOf(":") + 1);
      elements++;
      if (STEP_TAG.test(local) && !/definition$/i.test(local)) steps++;
      if (text.charCodeAt(end - 1) !== 47) depth++;
      if (depth > MAX_DEPTH)
        return `elements are nested more than ${MAX_DEPTH} levels deep; no BPMN diagram needs that`;
      if (elements > MAX_XML_ELEMENTS) {
        return `the file has more than ${MAX_XML_ELEMENTS.toLocaleString("en")} XML elements; Flowcast reads BPMN diagrams of at most ${MAX_STEPS.toLocaleString("en")} steps`;
      }
      if (steps > MAX_STEPS) {
        return `the diagram has more than ${MAX_STEPS.toLocaleString("en")} steps (tasks, events, gateways); Flowcast reads at most ${MAX_STEPS.toLocaleString("en")}`;
      }
      at = end;
    }
    if (at === -1) break;
    at = text.indexOf("<", at + 1);
  }
  return undefined;
}

// helpers

function skipTo(text: string, from: number, marker: string): number {
  const end = text.indexOf(marker, from + 1);
  return end === -1 ? -1 : end + marker.length - 1;
}
