/**
 * Edits named shares (outcomes, a contact-type mix, a priority mix): one number per name,
 * the running total, a warning when it does not add up to 1, and a "Normalise" button.
 * With `keys` the names are fixed (every contact type); otherwise rows can be added,
 * renamed and removed (outcomes), through callbacks so renames can follow edges.
 */
import { useId, useState } from "react";
import { humaniseName } from "../shell/humanise";
import { IconButton, SmallButton } from "./buttons";
import { formatSharePercent, ShareInput } from "./fields";
import { idFromName, normaliseShares, sumShares } from "./ops";

const TOLERANCE = 1e-6;

export interface SharesEditorProps {
  label: string;
  testId: string;
  shares: Record<string, number>;
  onCommit: (shares: Record<string, number>) => void;
  /** Fixed names to show (missing ones count as 0); without it the rows are the record's keys. */
  keys?: readonly (readonly [string, string])[];
  /** Allows renaming a row; returns a message when the new name is rejected. */
  onRename?: (from: string, to: string) => string | undefined;
  onAdd?: () => void;
  onRemove?: (name: string) => void;
  /** The shares are optional: with none set, says `unsetText` instead of asking for a total of 1; "Clear" unsets them. */
  unsetText?: string;
  onClear?: () => void;
  /** Shows a remove button in the legend (per-type shares). */
  onDelete?: () => void;
  disabled?: boolean;
}

/** A share list with its total and a normalise button. */
export function SharesEditor(props: SharesEditorProps) {
  const { label, testId, shares, onCommit, keys, onRename, onAdd, onRemove, unsetText, onClear, onDelete, disabled } =
    props;
  const rows = keys ?? Object.keys(shares).map((k) => [k, k] as const);
  const total = sumShares(shares);
  const unset = unsetText !== undefined && Object.keys(shares).length === 0;
  const off = !unset && Math.abs(total - 1) > TOLERANCE;
  return (
    <fieldset className="insp-shares" data-testid={`inspector-${testId}`}>
      <legend>
        {label}
        {onDelete ? (
          <IconButton label={`Remove ${label}`} testId={`${testId}-remove`} disabled={disabled} onClick={onDelete} />
        ) : null}
      </legend>
      {rows.map(([key, text]) => (
        <div className="insp-share-row" key={key}>
          {onRename ? (
            <NameInput testId={`${testId}-${key}-name`} name={key} onRename={onRename} disabled={disabled} />
          ) : null}
          <ShareInput
            label={onRename ? `Share of ${humaniseName(key)}` : text}
            testId={`${testId}-${key}`}
            value={shares[key] ?? 0}
            disabled={disabled}
            onCommit={(v) => onCommit({ ...shares, [key]: v })}
          />
          {onRemove ? (
            <IconButton
              label={`Remove ${key}`}
              testId={`${testId}-${key}-remove`}
              disabled={disabled}
              onClick={() => onRemove(key)}
            />
          ) : null}
        </div>
      ))}
      <div className={off ? "insp-total insp-total-off" : "insp-total"} data-testid={`inspector-${testId}-total`}>
        {unset ? unsetText : `Total ${formatSharePercent(Number(total.toFixed(6)))}`}
        {off ? <span role="alert"> — shares must add up to 100%</span> : null}
        {off && total > 0 ? (
          <SmallButton
            testId={`${testId}-normalise`}
            disabled={disabled}
            onClick={() => onCommit(normaliseShares({ ...Object.fromEntries(rows.map(([k]) => [k, 0])), ...shares }))}
          >
            Normalise
          </SmallButton>
        ) : null}
        {onClear && !unset ? (
          <SmallButton testId={`${testId}-clear`} disabled={disabled} onClick={onClear}>
            Clear
          </SmallButton>
        ) : null}
        {onAdd ? (
          <SmallButton testId={`${testId}-add`} disabled={disabled} onClick={onAdd}>
            Add
          </SmallButton>
        ) : null}
      </div>
    </fieldset>
  );
}

// helpers

/** The name of a row, renamed on Enter or blur; a rejected name stays with its message. */
function NameInput({
  testId,
  name,
  onRename,
  disabled,
}: {
  testId: string;
  name: string;
  onRename: (from: string, to: string) => string | undefined;
  disabled?: boolean;
}) {
  const id = useId();
  const [text, setText] = useState(() => humaniseName(name));
  const [error, setError] = useState<string>();
  // The name is typed as words ("Tier 1"); the port keeps an id derived from them ("tier-1"),
  // unchanged while the words still stand for it.
  const apply = () => {
    const id = idFromName(text);
    if (id === name || text === humaniseName(name)) return setError(undefined);
    if (!id) return setError("Name it with a letter or digit, e.g. Tier 1");
    setError(onRename(name, id));
  };
  return (
    <div className="insp-name">
      <label htmlFor={id} className="insp-sr">
        Name of {name}
      </label>
      <input
        id={id}
        data-testid={`inspector-${testId}`}
        value={text}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === "Enter") apply();
          if (e.key === "Escape") {
            setText(humaniseName(name));
            setError(undefined);
          }
        }}
      />
      {error ? (
        <div className="insp-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
