/**
 * A duration field: accepts "6m", "90s", "2h", "1.5h" or plain seconds, shows what it parsed
 * ("= 6 min"), and keeps invalid text locally with a message instead of changing the model.
 */
import { describeSeconds, formatDuration, parseDuration } from "../../model";
import { DraftInput, type FieldProps } from "./fields";
import type { Parsed } from "./useDraftText";

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

/** A labelled duration input (seconds in the model); shows what it read ("= 6 min"). */
export function DurationInput(
  props: FieldProps & {
    value: number;
    onCommit: (seconds: number) => void;
    compact?: boolean;
    parse?: (text: string) => Parsed<number>;
  },
) {
  return (
    <DraftInput
      parse={parseDurationText}
      {...props}
      format={formatDurationText}
      className="insp-duration"
      hint={(seconds: number) => `= ${describeSeconds(seconds)}`}
    />
  );
}
