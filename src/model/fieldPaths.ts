/**
 * The editable fields of flowcast/v1 as paths, walked from the zod schemas: "clock.horizon",
 * "teams.agents" (list items share their list's path), "nodes.work.queue.slaSeconds" (a node
 * field under its kind). The field spec (fields.ts) has one entry per path; a unit test holds
 * the two in step. Bounds and defaults are read here from the schemas, never written twice.
 */
import type { z } from "zod";
import { Model as ModelSchema, Range } from "./schema";

/** Objects edited as one value (a range test), not field by field. */
const LEAF_OBJECTS: readonly z.ZodType[] = [Range];

/** A field of the format: its path, its schema (optional and default removed) and what they said. */
export interface SchemaField {
  path: string;
  schema: z.ZodType;
  optional: boolean;
  defaultValue?: unknown;
}

/** Every field of the format, in the order the schemas declare them. */
export function schemaFields(root: z.ZodType = ModelSchema): SchemaField[] {
  const out: SchemaField[] = [];
  walk(root, "", out, false, undefined);
  return out;
}

/** The bounds a number field's schema states (through a duration's pipe). */
export function schemaBounds(schema: z.ZodType): { min?: number; max?: number; integer: boolean } {
  let s = unwrap(schema).schema as AnyZod;
  if (s._zod.def.type === "pipe") s = s._zod.def.out as AnyZod;
  if (s._zod.def.type !== "number") return { integer: false };
  const num = s as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
  return {
    min: finite(num.minValue),
    max: finite(num.maxValue),
    integer: num.isInt,
  };
}

// helpers

type AnyZod = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

function unwrap(schema: z.ZodType): { schema: z.ZodType; optional: boolean; defaultValue?: unknown } {
  let s = schema as AnyZod;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    const def = s._zod.def;
    if (def.type === "optional") optional = true;
    else if (def.type === "default")
      defaultValue = typeof def.defaultValue === "function" ? (def.defaultValue as () => unknown)() : def.defaultValue;
    else break;
    s = def.innerType as AnyZod;
  }
  return { schema: s, optional, defaultValue };
}

function walk(schema: z.ZodType, path: string, out: SchemaField[], optional: boolean, defaultValue: unknown): void {
  const inner = unwrap(schema);
  const s = inner.schema as AnyZod;
  const def = s._zod.def;
  const isOptional = optional || inner.optional;
  const dflt = inner.defaultValue ?? defaultValue;
  if (def.type === "object" && !LEAF_OBJECTS.includes(s)) {
    for (const [key, child] of Object.entries((s as unknown as z.ZodObject).shape)) {
      if (key === "kind" && path.startsWith("nodes.")) continue;
      walk(child as z.ZodType, path ? `${path}.${key}` : key, out, false, undefined);
    }
    return;
  }
  if (def.type === "array") {
    const element = unwrap(def.element as z.ZodType).schema as AnyZod;
    const isNodeUnion = element._zod.def.type === "union" && path === "nodes";
    if ((element._zod.def.type === "object" && !LEAF_OBJECTS.includes(element)) || isNodeUnion) {
      walk(element, path, out, false, undefined);
      return;
    }
  }
  if (def.type === "union" && typeof def.discriminator === "string" && path === "nodes") {
    for (const option of def.options as z.ZodObject[]) {
      const kind = (option.shape.kind as unknown as { value: string }).value;
      walk(option, `nodes.${kind}`, out, false, undefined);
    }
    return;
  }
  out.push({ path, schema: s, optional: isOptional, defaultValue: dflt });
}

function finite(value: number | null): number | undefined {
  return value !== null && Number.isFinite(value) ? value : undefined;
}
