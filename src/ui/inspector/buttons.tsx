/**
 * The inspector's two kinds of button: a one-character icon ("×", "↑") named for assistive
 * technology and on hover, and a small text button ("Add", "Normalise").
 */
import type { ReactNode } from "react";

interface ButtonProps {
  testId?: string;
  onClick: () => void;
  disabled?: boolean;
}

/** An icon button; `label` is its accessible name and tooltip. */
export function IconButton({ label, icon = "×", ...props }: ButtonProps & { label: string; icon?: string }) {
  return (
    <InspButton {...props} className="insp-icon" label={label}>
      {icon}
    </InspButton>
  );
}

/** A small text button. */
export function SmallButton({ danger, children, ...props }: ButtonProps & { children: ReactNode; danger?: boolean }) {
  return (
    <InspButton {...props} className={danger ? "insp-small insp-danger" : "insp-small"}>
      {children}
    </InspButton>
  );
}

/** A fieldset's legend with, when `onRemove` is given, a button that removes what it holds. */
export function RemovableLegend({
  label,
  testId,
  onRemove,
  disabled,
}: {
  label: string;
  testId: string;
  onRemove?: () => void;
  disabled?: boolean;
}) {
  return (
    <legend>
      {label}
      {onRemove ? (
        <IconButton label={`Remove ${label}`} testId={`${testId}-remove`} disabled={disabled} onClick={onRemove} />
      ) : null}
    </legend>
  );
}

// helpers

function InspButton({
  testId,
  onClick,
  disabled,
  className,
  label,
  children,
}: ButtonProps & { className: string; label?: string; children: ReactNode }) {
  return (
    <button
      type="button"
      className={className}
      aria-label={label}
      title={label}
      data-testid={testId ? `inspector-${testId}` : undefined}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
