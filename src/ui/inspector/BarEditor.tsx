/**
 * A bar editor for relative weights (24 hours of a day, 7 days of a week): drag a bar to
 * set it, use the arrow keys on a focused bar, or type the value of the selected bar.
 */
import { useRef, useState } from "react";
import { formatNumber, NumberInput } from "./fields";

export interface BarEditorProps {
  label: string;
  testId: string;
  values: number[];
  names: readonly string[];
  onCommit: (values: number[]) => void;
  disabled?: boolean;
  /** Show one number input per bar (7 days) instead of one for the selected bar (24 hours). */
  inputs?: boolean;
}

const HEIGHT = 64;

/** Bars you can drag; values are relative weights (>= 0). */
export function BarEditor({ label, testId, values, names, onCommit, disabled, inputs }: BarEditorProps) {
  const [selected, setSelected] = useState(0);
  const scale = useRef(0);
  const max = Math.max(...values, 1e-9);
  const top = Math.max(max * 1.25, 0.5);
  const setAt = (index: number, value: number, round = true) => {
    const next = values.slice();
    next[index] = Math.max(0, round ? Number(value.toFixed(2)) : value);
    onCommit(next);
  };
  const fromPointer = (index: number, event: React.PointerEvent<HTMLElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const share = 1 - (event.clientY - rect.top) / rect.height;
    setAt(index, Math.min(1, Math.max(0, share)) * scale.current);
  };
  return (
    <fieldset className="insp-bars" data-testid={`inspector-${testId}`}>
      <legend>{label}</legend>
      <div className="insp-bar-row" style={{ height: HEIGHT }}>
        {values.map((value, i) => (
          <button
            type="button"
            // biome-ignore lint/suspicious/noArrayIndexKey: one bar per hour/day, fixed positions
            key={i}
            className={i === selected ? "insp-bar insp-bar-selected" : "insp-bar"}
            data-testid={`inspector-${testId}-bar${i}`}
            aria-label={`${names[i]}: ${formatNumber(value)}`}
            title={`${names[i]}: ${formatNumber(value)}`}
            disabled={disabled}
            onFocus={() => setSelected(i)}
            onPointerDown={(e) => {
              scale.current = top;
              setSelected(i);
              e.currentTarget.setPointerCapture(e.pointerId);
              fromPointer(i, e);
            }}
            onPointerMove={(e) => {
              if (e.currentTarget.hasPointerCapture(e.pointerId)) fromPointer(i, e);
            }}
            onKeyDown={(e) => {
              const step = e.shiftKey ? 0.5 : 0.1;
              if (e.key === "ArrowUp") setAt(i, value + step);
              else if (e.key === "ArrowDown") setAt(i, value - step);
              else if (e.key === "ArrowRight") (e.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
              else if (e.key === "ArrowLeft") (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
              else return;
              e.preventDefault();
            }}
          >
            <span className="insp-bar-fill" style={{ height: `${Math.min(100, (value / top) * 100)}%` }} />
          </button>
        ))}
      </div>
      <div className="insp-bar-names" hidden={inputs}>
        {names.map((n, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed positions
          <span key={i}>{values.length > 12 ? (i % 6 === 0 ? n : "") : n}</span>
        ))}
      </div>
      {inputs ? (
        <div className="insp-bar-inputs">
          {values.map((value, i) => (
            <NumberInput
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed positions
              key={i}
              label={names[i] ?? String(i)}
              testId={`${testId}-${i}`}
              value={value}
              min={0}
              disabled={disabled}
              onCommit={(v) => setAt(i, v, false)}
            />
          ))}
        </div>
      ) : (
        <NumberInput
          label={`Weight at ${names[selected]}`}
          testId={`${testId}-value`}
          value={values[selected] ?? 0}
          min={0}
          disabled={disabled}
          onCommit={(v) => setAt(selected, v, false)}
        />
      )}
    </fieldset>
  );
}
