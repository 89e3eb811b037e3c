/**
 * The inspector's small form controls: a labelled row, text, number, select and checkbox
 * inputs. Each carries `data-testid="inspector-<field>"` and a visible label; number inputs
 * keep invalid text locally and never send NaN to the model.
 */
import { type ReactNode, useId } from "react";
import { checkNewId } from "./ops";
import { type Parsed, useDraftText } from "./useDraftText";

export interface FieldProps {
  label: string;
  /** The field part of `data-testid="inspector-<testId>"`. */
  testId: string;
  disabled?: boolean;
}

/** A labelled row: label on the left, the control and any message under it on the right. */
export function Row({
  label,
  htmlFor,
  children,
  hint,
  error,
}: {
  label: string;
  htmlFor?: string;
  children: ReactNode;
  hint?: ReactNode;
  error?: string;
}) {
  return (
    <div className="insp-row">
      <label className="insp-label" htmlFor={htmlFor}>
        {label}
      </label>
      <div className="insp-control">
        {children}
        {error ? (
          <div className="insp-error" role="alert">
            {error}
          </div>
        ) : hint ? (
          <div className="insp-hint">{hint}</div>
        ) : null}
      </div>
    </div>
  );
}

/** A free-text field; `validate` returns a message to reject the text (e.g. a duplicate id). */
export function TextInput({
  label,
  testId,
  value,
  onCommit,
  validate,
  disabled,
  multiline,
  placeholder,
}: FieldProps & {
  value: string;
  onCommit: (value: string) => void;
  validate?: (text: string) => string | undefined;
  multiline?: boolean;
  placeholder?: string;
}) {
  const id = useId();
  const draft = useDraftText<string>(
    value,
    (v) => v,
    (text) => {
      const message = validate?.(text);
      return message ? { ok: false, message } : { ok: true, value: text };
    },
    onCommit,
  );
  const common = {
    id,
    "data-testid": `inspector-${testId}`,
    value: draft.text,
    disabled,
    placeholder,
    "aria-invalid": draft.error ? true : undefined,
    onBlur: draft.onBlur,
  };
  return (
    <Row label={label} htmlFor={id} error={draft.error}>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => draft.onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => draft.onChange(e.target.value)} />
      )}
    </Row>
  );
}

/** An "Id" field that refuses an id already `taken` by another item of its list. */
export function IdInput({
  taken,
  ...props
}: Omit<FieldProps, "label"> & { value: string; taken: readonly string[]; onCommit: (value: string) => void }) {
  return <TextInput label="Id" {...props} validate={(t) => checkNewId(t, taken, props.value)} />;
}

export interface NumberRules {
  min?: number;
  max?: number;
  integer?: boolean;
}

/** Parses a number typed by a person, with bounds; never NaN. */
export function parseNumberText(text: string, rules: NumberRules = {}): Parsed<number> {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return { ok: false, message: "Enter a number" };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `"${text}" is not a number` };
  if (rules.integer && !Number.isInteger(value)) return { ok: false, message: "Must be a whole number" };
  if (rules.min !== undefined && value < rules.min) return { ok: false, message: `Must be at least ${rules.min}` };
  if (rules.max !== undefined && value > rules.max) return { ok: false, message: `Must be at most ${rules.max}` };
  return { ok: true, value };
}

/** A number field that accepts only finite numbers within `rules`. */
export function NumberInput({
  value,
  onCommit,
  min,
  max,
  integer,
  ...props
}: FieldProps & NumberRules & { value: number; onCommit: (value: number) => void; hint?: ReactNode }) {
  return (
    <DraftInput
      {...props}
      value={value}
      format={formatNumber}
      parse={(t) => parseNumberText(t, { min, max, integer })}
      onCommit={onCommit}
    />
  );
}

/**
 * A text input that edits a typed value through `parse` and `format` (useDraftText): what
 * does not parse stays as typed, with its message under the field. Every number, share,
 * duration and tier field of the inspector is one of these.
 */
export function DraftInput<T>({
  label,
  testId,
  value,
  onCommit,
  disabled,
  hint,
  format,
  parse,
  className = "insp-number",
  compact,
}: FieldProps & {
  value: T;
  onCommit: (value: T) => void;
  format: (value: T) => string;
  parse: (text: string) => Parsed<T>;
  hint?: ReactNode | ((value: T) => ReactNode);
  className?: string;
  /** Only the input, labelled for assistive technology (inside a row of its own). */
  compact?: boolean;
}) {
  const id = useId();
  const draft = useDraftText<T>(value, format, parse, onCommit);
  const parsed = typeof hint === "function" ? parse(draft.text) : undefined;
  const shownHint = typeof hint === "function" ? (parsed?.ok ? hint(parsed.value) : undefined) : hint;
  const input = (
    <input
      id={id}
      data-testid={`inspector-${testId}`}
      type="text"
      inputMode={className === "insp-number" ? "decimal" : undefined}
      className={className}
      value={draft.text}
      disabled={disabled}
      aria-invalid={draft.error ? true : undefined}
      aria-label={compact ? label : undefined}
      onChange={(e) => draft.onChange(e.target.value)}
      onBlur={draft.onBlur}
    />
  );
  if (compact) return input;
  return (
    <Row label={label} htmlFor={id} error={draft.error} hint={shownHint}>
      {input}
    </Row>
  );
}

/**
 * Parses a share as a person types it: "60%" and "12.5 %" are percentages; a bare number is
 * a fraction up to 1 ("0.6", "1") and a percentage above 1 ("60"), since a share over 1
 * cannot be meant as a fraction. Returns the fraction, within 0..1.
 */
export function parseShareText(text: string): Parsed<number> {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return { ok: false, message: "Enter a share, e.g. 60%" };
  const percent = trimmed.endsWith("%");
  const value = Number(percent ? trimmed.slice(0, -1).trim() : trimmed);
  if (!Number.isFinite(value) || (percent && trimmed.length === 1)) {
    return { ok: false, message: `"${text}" is not a share: type 60%, 60 or 0.6` };
  }
  if (value < 0) return { ok: false, message: "A share cannot be negative" };
  const fraction = percent || value > 1 ? value / 100 : value;
  if (fraction > 1) return { ok: false, message: "A share is at most 100%" };
  return { ok: true, value: Number(fraction.toPrecision(12)) };
}

/** A fraction shown as a percentage without float noise (0.125 -> "12.5%"). */
export function formatSharePercent(value: number): string {
  return Number.isFinite(value) ? `${Number((value * 100).toPrecision(10))}%` : "";
}

/** A share field: shows a percentage, takes "60%", "60" or "0.6"; the model holds the fraction. */
export function ShareInput(props: FieldProps & { value: number; onCommit: (value: number) => void }) {
  return <DraftInput {...props} format={formatSharePercent} parse={parseShareText} />;
}

/** A select; `options` are [value, text] pairs. */
export function SelectInput<T extends string>({
  label,
  testId,
  value,
  options,
  onChange,
  disabled,
  error,
}: FieldProps & {
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
  /** A message about the chosen value, shown under the select. */
  error?: string;
}) {
  const id = useId();
  return (
    <Row label={label} htmlFor={id} error={error}>
      <select
        id={id}
        data-testid={`inspector-${testId}`}
        aria-invalid={error ? true : undefined}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </Row>
  );
}

/** A checkbox with its label. */
export function CheckInput({
  label,
  testId,
  checked,
  onChange,
  disabled,
}: FieldProps & { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="insp-check">
      <input
        type="checkbox"
        data-testid={`inspector-${testId}`}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}

/** A number shown without float noise (0.30000000000000004 -> 0.3). */
export function formatNumber(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(12))) : "";
}
