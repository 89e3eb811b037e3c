/**
 * A duration field: accepts "6m", "90s", "2h", "1.5h" or plain seconds, shows what it parsed
 * ("= 6 min"), and keeps invalid text locally with a message instead of changing the model.
 */
import { type ReactNode, useId } from "react";
import { describeSeconds, formatDuration, parseDuration } from "../../model";
import { type FieldProps, Row } from "./fields";
import type { Parsed } from "./useDraftText";
import { useDraftText } from "./useDraftText";

/** Parses a duration typed by a person into seconds (>= 0). */
export function parseDurationText(text: string): Parsed<number> {
  if (text.trim() === "") return { ok: false, message: "Enter a duration, e.g. 90s, 6m, 2h" };
  const seconds = parseDuration(text);
  if (seconds === undefined)
    return { ok: false, message: `"${text}" is not a duration; write 90s, 6m, 1.5h or seconds` };
  if (seconds < 0) return { ok: false, message: "Must not be negative" };
  return { ok: true, value: seconds };
}

/** Seconds as the text a person would type: 360 -> "6m", 5400 -> "90m", 2.5 -> "2.5s". */
export function formatDurationText(seconds: number): string {
  return String(formatDuration(seconds));
}

/** A labelled duration input (seconds in the model). */
export function DurationInput({
  label,
  testId,
  value,
  onCommit,
  disabled,
  compact,
}: FieldProps & { value: number; onCommit: (seconds: number) => void; compact?: boolean }) {
  const id = useId();
  const draft = useDraftText<number>(value, formatDurationText, parseDurationText, onCommit);
  const parsed = parseDurationText(draft.text);
  const hint: ReactNode = parsed.ok ? `= ${describeSeconds(parsed.value)}` : undefined;
  const input = (
    <input
      id={id}
      data-testid={`inspector-${testId}`}
      type="text"
      className="insp-duration"
      value={draft.text}
      disabled={disabled}
      aria-invalid={draft.error ? true : undefined}
      aria-label={compact ? label : undefined}
      onChange={(e) => draft.onChange(e.target.value)}
      onBlur={draft.onBlur}
    />
  );
  return compact ? (
    input
  ) : (
    <Row label={label} htmlFor={id} error={draft.error} hint={hint}>
      {input}
    </Row>
  );
}
