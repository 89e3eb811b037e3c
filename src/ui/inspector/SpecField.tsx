/**
 * Forms from the field spec (src/model/fields.ts), the way bpmn-js's properties panel builds
 * entries from descriptors: a form lists the paths of its fields and `SpecFields` draws each
 * with the component of its type (text, duration, share, count, tier, money, enum), labels
 * it in the spec's words, bounds it by the schema and words its errors from the spec. Every
 * change goes through the caller's `edit`, one undoable step per field.
 */
import { Fragment, type ReactNode } from "react";
import { boundsProblem, type Dist, type Field, field, LocalDateTime } from "../../model";
import { BarEditor } from "./BarEditor";
import { DistributionEditor } from "./DistributionEditor";
import { DurationInput, parseDurationText } from "./DurationInput";
import { CheckInput, DraftInput, formatNumber, parseNumberText, SelectInput, ShareInput, TextInput } from "./fields";
import { checkNewId } from "./ops";
import type { Parsed } from "./useDraftText";

/** One entry of a spec form: a path below the form's scope, and what the form adds to the spec. */
export interface SpecEntry {
  /** Path below the scope ("agents", "queue.slaSeconds"). */
  key: string;
  testId?: string;
  label?: string;
  hint?: ReactNode;
  /** Rejects a text value (a taken id). */
  validate?: (text: string) => string | undefined;
  /** Commits in a way of its own (renaming an id follows every reference). */
  onCommit?: (value: never) => void;
  placeholder?: string;
  /** Names of the entries of a list of weights (hours, days): drawn as bars. */
  names?: readonly string[];
  /** A reference drawn as a select of these [id, text] pairs. */
  options?: readonly (readonly [string, string])[];
  /** A validation message about the value, shown at the field. */
  problem?: string;
  /**
   * An optional field behind a checkbox: ticking it sets `initial`, unticking removes the
   * field. With `fields`, the field is an object whose entries are drawn while it is set.
   */
  toggle?: {
    label: string;
    testId: string;
    initial: unknown;
    fields?: readonly (string | SpecEntry)[];
    /** The checkbox cannot be ticked (while the field is absent). */
    unavailable?: boolean;
  };
}

/** The entry of an id field: rejects a taken or malformed id, renames through `rename`. */
export function idEntry(taken: readonly string[], current: string, rename: (id: string) => void): SpecEntry {
  return { key: "id", validate: (t) => checkNewId(t, taken, current), onCommit: rename as (value: never) => void };
}

/** Changes one field of the form's object as an undoable edit. */
export type ScopedEdit<T> = (label: string, field: string, recipe: (draft: T) => void) => void;

/** The fields `entries` of `value` (an object at `scope` in the format: "teams", "nodes.work"). */
export function SpecFields<T extends object>({
  scope,
  value,
  entries,
  edit,
  disabled,
  testPrefix = "",
}: {
  scope: string;
  value: T;
  entries: readonly (string | SpecEntry)[];
  edit: ScopedEdit<T>;
  disabled: boolean;
  /** Put before each entry's test id ("surge0-"). */
  testPrefix?: string;
}) {
  return (
    <>
      {entries.map((entry) => {
        const e = typeof entry === "string" ? { key: entry } : entry;
        const path = scope ? `${scope}.${e.key}` : e.key;
        const current = getAt(value, e.key);
        const sub = e.toggle?.fields;
        const f = sub ? undefined : field(path);
        const name = (e.label ?? f?.label ?? e.toggle?.label ?? e.key).toLowerCase();
        let shown: ReactNode = null;
        if (sub && current !== undefined) {
          shown = (
            <SpecFields
              key={e.key}
              scope={path}
              value={current as object}
              entries={sub}
              edit={(label, key, recipe) =>
                edit(label, `${e.key}.${key}`, (draft) => recipe(getAt(draft, e.key) as never))
              }
              disabled={disabled}
              testPrefix={testPrefix}
            />
          );
        } else if (f && (current !== undefined || !e.toggle)) {
          const commit =
            (e.onCommit as ((v: unknown) => void) | undefined) ??
            ((v: unknown) => edit(`Change ${name}`, e.key, (draft) => setAt(draft, e.key, v, f.optional)));
          shown = (
            <SpecField
              key={e.key}
              field={f}
              value={current}
              onCommit={commit}
              testId={testPrefix + (e.testId ?? e.key.replace(/\./g, "-"))}
              label={e.label}
              hint={e.hint}
              validate={e.validate}
              placeholder={e.placeholder}
              names={e.names}
              options={e.options}
              problem={e.problem}
              disabled={disabled}
            />
          );
        }
        if (!e.toggle) return shown;
        const { initial, fields: _, unavailable, ...toggle } = e.toggle;
        return (
          <Fragment key={e.key}>
            <CheckInput
              {...toggle}
              testId={testPrefix + toggle.testId}
              checked={current !== undefined}
              disabled={disabled || (unavailable && current === undefined)}
              onChange={(on) =>
                edit(`Toggle ${name}`, `${e.key}-on`, (draft) =>
                  on ? setAt(draft, e.key, structuredClone(initial), false) : setAt(draft, e.key, "", true),
                )
              }
            />
            {shown}
          </Fragment>
        );
      })}
    </>
  );
}

/** One field drawn by the component of its type. */
export function SpecField({
  field: f,
  value,
  onCommit,
  testId,
  label = f.label,
  hint,
  validate,
  placeholder,
  disabled,
  onRemove,
  names,
  options,
  problem,
}: {
  field: Field;
  value: unknown;
  onCommit: (value: never) => void;
  testId: string;
  label?: string;
  hint?: ReactNode;
  validate?: (text: string) => string | undefined;
  placeholder?: string;
  disabled: boolean;
  onRemove?: () => void;
  names?: readonly string[];
  /** For a reference: the [id, text] pairs to pick from. */
  options?: readonly (readonly [string, string])[];
  problem?: string;
}) {
  const commit = onCommit as (value: unknown) => void;
  const common = { label, testId, disabled };
  const bounded = (parse: (t: string) => Parsed<number>) => (t: string) => withinBounds(f, parse(t));
  switch (f.type) {
    case "duration":
      return <DurationInput {...common} value={value as number} parse={bounded(parseDurationText)} onCommit={commit} />;
    case "share":
      return <ShareInput {...common} value={value as number} onCommit={commit} />;
    case "tier":
      return (
        <DraftInput
          {...common}
          value={value as number}
          format={(n) => `L${n}`}
          parse={bounded(parseTierText)}
          hint={hint ?? "type L2 or 2"}
          onCommit={commit}
        />
      );
    case "count":
    case "number":
    case "money":
      return (
        <DraftInput
          {...common}
          value={value as number}
          format={formatNumber}
          parse={bounded((t) => parseNumberText(t))}
          hint={hint}
          onCommit={commit}
        />
      );
    case "distribution":
      return (
        <DistributionEditor
          {...common}
          duration={f.unit === "seconds"}
          value={value as Dist}
          onCommit={commit}
          onRemove={onRemove}
        />
      );
    case "list":
      if (!names) break;
      return (
        <BarEditor {...common} names={names} values={value as number[]} inputs={names.length <= 7} onCommit={commit} />
      );
    case "reference": {
      if (!options) break;
      const id = value as string;
      const choices = options.some(([v]) => v === id)
        ? options
        : [[id, `${id || "—"} (no such step)`] as const, ...options];
      return <SelectInput {...common} value={id} options={choices} error={problem} onChange={commit} />;
    }
    case "enum":
      return (
        <SelectInput {...common} value={value as string} options={Object.entries(f.options ?? {})} onChange={commit} />
      );
  }
  return (
    <TextInput
      {...common}
      value={(value as string | undefined) ?? ""}
      multiline={f.type === "longText"}
      placeholder={placeholder}
      validate={validate ?? (f.type === "dateTime" ? (t) => dateTimeProblem(label, t) : undefined)}
      onCommit={commit}
    />
  );
}

/** Parses a tier as typed: "L2", "l2", "2" or "Tier 2" -> 2. */
export function parseTierText(text: string): Parsed<number> {
  const match = /^\s*(?:tier\s*|l\s*)?(-?\d+(?:[.,]\d+)?)\s*$/i.exec(text);
  if (!match) return { ok: false, message: `"${text}" is not a tier: type L2 or 2` };
  return { ok: true, value: Number(match[1]?.replace(",", ".")) };
}

// helpers

function withinBounds(f: Field, parsed: Parsed<number>): Parsed<number> {
  if (!parsed.ok) return parsed;
  const problem = boundsProblem(f, parsed.value);
  return problem ? { ok: false, message: problem } : parsed;
}

function dateTimeProblem(label: string, text: string): string | undefined {
  const parsed = LocalDateTime.safeParse(text);
  return parsed.success ? undefined : `${label} ${parsed.error.issues[0]?.message}`;
}

function getAt(value: object, key: string): unknown {
  return key.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], value);
}

/** Sets `key` in `draft`; an optional field left empty is removed from the file. */
function setAt(draft: object, key: string, value: unknown, optional: boolean): void {
  const keys = key.split(".");
  const last = keys.pop() as string;
  const parent = keys.reduce<Record<string, unknown>>(
    (v, k) => v[k] as Record<string, unknown>,
    draft as Record<string, unknown>,
  );
  if (optional && (value === "" || value === undefined)) delete parent[last];
  else parent[last] = value;
}
