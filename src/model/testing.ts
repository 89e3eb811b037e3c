/**
 * Helpers for tests that build flows by hand: decode a flowcast/v1 file that must be valid
 * (a fixture that does not decode fails the test with its diagnostics), and edit copies of
 * the small valid desk (validate.desk.json) one way at a time.
 */
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { Diagnostic } from "./diagnostics";
import { parseModel, parseModelText } from "./parse";
import type { Model } from "./schema";
import { validateModel } from "./validate";

/** The model of a file that must decode; throws with its diagnostics otherwise. */
export function decodeModel(file: unknown): Model {
  const parsed = parseModel(file);
  if (!parsed.ok) throw new Error(`fixture does not decode: ${JSON.stringify(parsed.diagnostics)}`);
  return parsed.model;
}

/** The model of a JSON text that must decode; throws with its diagnostics otherwise. */
export function decodeModelText(text: string): Model {
  const parsed = parseModelText(text);
  if (!parsed.ok) throw new Error(`fixture does not decode: ${parsed.diagnostics.map((d) => d.message).join("; ")}`);
  return parsed.model;
}

// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited as plain JSON
export type Json = any;

/** The small valid desk flow (validate.desk.json), as plain JSON. */
export const DESK: Json = JSON.parse(readFileSync(new URL("./validate.desk.json", import.meta.url), "utf8"));

/** The one diagnostic at `path`, failing the test when there is none or several. */
export function at(diagnostics: Diagnostic[], path: string): Diagnostic {
  const found = diagnostics.filter((d) => d.path === path);
  expect(found, `diagnostics at ${path}: ${JSON.stringify(diagnostics, null, 1)}`).toHaveLength(1);
  return found[0] as Diagnostic;
}

/** The one diagnostic at `path` of the desk after `edit`. */
export function atAfterEdit(path: string, edit: (file: Json) => void): Diagnostic {
  return at(validateEdited(edit), path);
}

/** The node `id` of a plain JSON flow. */
export const node = (file: Json, id: string): Json => file.nodes.find((n: Json) => n.id === id);

/** The diagnostics of the desk after `edit` (the edited file must still decode). */
export function validateEdited(edit: (file: Json) => void): Diagnostic[] {
  const file = structuredClone(DESK);
  edit(file);
  return validateModel(decodeModel(file));
}

/**
 * The edges of a hand-built flow, one link a string: "from -> to" or "from:port -> to".
 * Their ids are e1, e2, … in the order given (write the edges out where a test names them).
 */
export function edges(...links: string[]): { id: string; from: string; port?: string; to: string }[] {
  return links.map((link, i) => {
    const match = /^([\w-]+)(?::([\w-]+))? -> ([\w-]+)$/.exec(link);
    if (!match) throw new Error(`edge "${link}" is not written "from -> to" or "from:port -> to"`);
    const [, from, port, to] = match as unknown as [string, string, string | undefined, string];
    return { id: `e${i + 1}`, from, ...(port === undefined ? {} : { port }), to };
  });
}
