/**
 * Flow work off the main thread (flowWorker.ts): big flows are decoded, written and checked
 * in one long-lived Web Worker, so neither opening a 5,000-step flow nor its autosave nor
 * its problems panel freezes the page. Small flows are handled in place, where a worker's
 * round trip would cost more than the work; so is everything where Workers do not exist
 * (unit tests) or the worker fails.
 */
import type { Diagnostic, Model } from "../../model";
import { loadWarnings, serializeModel, withLoadWarnings } from "../../model";
import { diagnose } from "../shell/diagnose";
import { type GuardedParse, parseFlowGuarded } from "./guardedParse";

/** Flow text shorter than this (characters) is decoded in place: a few milliseconds. */
export const SMALL_TEXT = 200_000;
/** Flows with fewer steps than this are written and checked in place. */
export const SMALL_FLOW = 300;

type FlowJob =
  | { op: "parse"; text: string }
  | { op: "serialize"; model: Model }
  | { op: "diagnose"; model: Model; warnings: Diagnostic[] };
export type FlowRequest = FlowJob & { id: number };
export type FlowResponse = { id: number; value: unknown } | { id: number; error: string };

/** Decodes and validates flow text (the guarded parser), in the worker when it is long. */
export async function parseFlowOffThread(text: string): Promise<GuardedParse> {
  if (text.length < SMALL_TEXT) return parseFlowGuarded(text);
  const { parsed, warnings } = await ask<{ parsed: GuardedParse; warnings: Diagnostic[] }>(
    { op: "parse", text },
    () => {
      const inPlace = parseFlowGuarded(text);
      return { parsed: inPlace, warnings: inPlace.ok ? loadWarnings(inPlace.model) : [] };
    },
  );
  if (!parsed.ok) return parsed;
  // A structured clone gives the layout a prototype again (the app keeps it without one) and
  // drops the model's load warnings (a symbol key).
  parsed.model.layout = Object.assign(Object.create(null), parsed.model.layout);
  return { ok: true, model: withLoadWarnings(parsed.model, warnings) };
}

/** The flowcast/v1 text of a flow, written in the worker when the flow is big. */
export function serializeFlowOffThread(model: Model): Promise<string> {
  if (model.nodes.length < SMALL_FLOW) return Promise.resolve(serializeModel(model));
  return ask<string>({ op: "serialize", model }, () => serializeModel(model));
}

/** The problems panel's diagnostics of a flow, checked in the worker when the flow is big. */
export function diagnoseOffThread(model: Model): Promise<Diagnostic[]> {
  if (model.nodes.length < SMALL_FLOW) return Promise.resolve(diagnose(model));
  return ask<Diagnostic[]>({ op: "diagnose", model, warnings: loadWarnings(model) }, () => diagnose(model));
}

// helpers

type Pending = { resolve: (value: unknown) => void; inPlace: () => unknown };

let worker: Worker | undefined;
let broken = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function ask<T>(request: FlowJob, inPlace: () => T): Promise<T> {
  const target = flowWorker();
  if (!target) return Promise.resolve(inPlace());
  const id = nextId++;
  return new Promise<T>((resolve) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, inPlace });
    target.postMessage({ ...request, id } as FlowRequest);
  });
}

function flowWorker(): Worker | undefined {
  if (worker || broken || typeof Worker === "undefined") return worker;
  try {
    worker = new Worker(new URL("./flowWorker.ts", import.meta.url), { type: "module" });
  } catch {
    broken = true;
    return undefined;
  }
  worker.addEventListener("message", (event: MessageEvent<FlowResponse>) => {
    const entry = pending.get(event.data.id);
    if (!entry) return;
    pending.delete(event.data.id);
    // An error inside the worker: do the work here instead, where it reports as before.
    entry.resolve("error" in event.data ? entry.inPlace() : event.data.value);
  });
  worker.addEventListener("error", (event) => {
    event.preventDefault();
    broken = true;
    worker?.terminate();
    worker = undefined;
    for (const [id, entry] of pending) {
      pending.delete(id);
      entry.resolve(entry.inPlace());
    }
  });
  return worker;
}
