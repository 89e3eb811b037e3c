/**
 * The local text of an input that edits a typed value: the text follows the model when the
 * model changes from elsewhere (undo, canvas), but stays as typed while it does not parse, so
 * an invalid entry is shown with its message and never reaches the model.
 */
import { useEffect, useRef, useState } from "react";

/** What parsing a piece of text gave: a value, or the message to show next to the input. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Keeps the text of an input for `value`; calls `commit` with every valid parse.
 * `same` tells whether the typed text already stands for the model's value.
 */
export function useDraftText<T>(
  value: T,
  format: (value: T) => string,
  parse: (text: string) => Parsed<T>,
  commit: (value: T) => void,
): { text: string; error?: string; onChange: (text: string) => void; onBlur: () => void } {
  const [text, setText] = useState(() => format(value));
  const [error, setError] = useState<string>();
  // Set when this input sent a value: the model change that follows is our own, so the text
  // (say "60, " half-way through a list) stays as typed; any later change resets it.
  const committed = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the model's value resets the text
  useEffect(() => {
    if (committed.current) {
      committed.current = false;
      return;
    }
    setText((current) => {
      const parsed = parse(current);
      if (parsed.ok && Object.is(parsed.value, value)) return current;
      setError(undefined);
      return format(value);
    });
  }, [value]);
  return {
    text,
    error,
    onChange: (next) => {
      setText(next);
      const parsed = parse(next);
      if (parsed.ok) {
        setError(undefined);
        if (!Object.is(parsed.value, value)) {
          committed.current = true;
          commit(parsed.value);
        }
      } else setError(parsed.message);
    },
    onBlur: () => {
      committed.current = false;
      // A valid text is rewritten in its canonical form once the user leaves the field.
      const parsed = parse(text);
      if (parsed.ok) setText(format(parsed.value));
    },
  };
}
