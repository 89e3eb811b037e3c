/**
 * The shape a model must have before the other rules can read it. A decoded model always
 * has it; a model put together by hand (an editor mid-edit, a test) may not. When the
 * shape is broken, this says where, and the other rules are skipped rather than guessing.
 */
import { NODE_KINDS } from "../schema";
import type { Checker } from "./context";

/** Reports entries that are not what their collection holds; returns whether the shape is sound. */
export function checkShape(c: Checker): boolean {
  const before = c.diagnostics.length;
  const model = c.model as unknown as Record<string, unknown>;
  const collection = (name: string, what: string, check: (item: Obj, path: string) => string | undefined) => {
    const items = model[name];
    if (!Array.isArray(items)) {
      c.error(name, `The flow's ${name} must be a list, but it is ${describe(items)}.`);
      return;
    }
    items.forEach((item, index) => {
      const path = `${name}[${index}]`;
      if (!isObj(item)) c.error(path, `Entry ${index + 1} of ${name} is ${describe(item)}, not a ${what}.`);
      else if (typeof item.id !== "string") c.error(`${path}.id`, `Entry ${index + 1} of ${name} has no id.`);
      else {
        const problem = check(item, path);
        if (problem) c.error(path, `The ${what} "${item.id}" ${problem}.`);
      }
    });
  };
  collection("nodes", "step", checkNode);
  collection("edges", "connection", (e) =>
    typeof e.from !== "string" || typeof e.to !== "string" || !(e.port === undefined || typeof e.port === "string")
      ? "needs text in from, to and port"
      : undefined,
  );
  collection("teams", "team", (t) =>
    t.schedule === undefined ||
    (Array.isArray(t.schedule) &&
      t.schedule.every(
        (s) => isObj(s) && Array.isArray(s.days) && typeof s.from === "string" && typeof s.to === "string",
      ))
      ? undefined
      : "has a schedule whose shifts are not all written as days, from and to",
  );
  collection("contactTypes", "contact type", (t) =>
    t.attributes === undefined || isObj(t.attributes) ? undefined : "has attributes that are not a map",
  );
  collection("scenarios", "scenario", (s) =>
    isObj(s.set) && (s.scale === undefined || isObj(s.scale)) ? undefined : "needs set (and scale) written as maps",
  );
  if (!isObj(model.clock)) c.error("clock", `The flow's clock must be an object, but it is ${describe(model.clock)}.`);
  return c.diagnostics.length === before;
}

// helpers

type Obj = Record<string, unknown>;

function checkNode(node: Obj): string | undefined {
  if (!(NODE_KINDS as readonly unknown[]).includes(node.kind)) return `has an unknown kind ${describe(node.kind)}`;
  switch (node.kind) {
    case "channel":
      return isObj(node.arrivals) ? undefined : "has no arrivals";
    case "work":
      if (typeof node.team !== "string") return "names no team";
      if (!isObj(node.handleTime)) return "has no handle time";
      if (!isObj(node.queue)) return "has no queue settings";
      return isObj(node.outcomes) ? undefined : "has no outcomes";
    case "followUp":
      return isObj(node.outcomes) && isObj(node.wait) ? undefined : "needs a wait and outcomes";
    case "route":
      if (
        node.rules !== undefined &&
        !(Array.isArray(node.rules) && node.rules.every((r) => isObj(r) && isObj(r.if)))
      ) {
        return "has rules that are not all written as if and port";
      }
      return node.split === undefined || isObj(node.split) ? undefined : "has a split that is not a map";
    case "selfService":
    case "delay":
      return isObj(node.duration) ? undefined : "has no duration";
    default:
      return undefined;
  }
}

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "empty (null)";
  if (Array.isArray(value)) return "a list";
  return typeof value === "string" ? `"${value}"` : `a ${typeof value}`;
}
