/**
 * The inspector's two kinds of button: a one-character icon ("×", "↑") named for assistive
 * technology and on hover, and a small text button ("Add", "Normalise").
 */
import type { ReactNode } from "react";

/** An icon button; `label` is its accessible name and tooltip. */
export function IconButton({
  label,
  testId,
  onClick,
  disabled,
  icon = "×",
}: {
  label: string;
  testId?: string;
  onClick: () => void;
  disabled?: boolean;
  icon?: string;
}) {
  return (
    <button
      type="button"
      className="insp-icon"
      aria-label={label}
      title={label}
      data-testid={testId ? `inspector-${testId}` : undefined}
      disabled={disabled}
      onClick={onClick}
    >
      {icon}
    </button>
  );
}

/** A small text button. */
export function SmallButton({
  testId,
  onClick,
  disabled,
  children,
  danger,
}: {
  testId?: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
  danger?: boolean;
}) {
  return (
    <button
      type="button"
      className={danger ? "insp-small insp-danger" : "insp-small"}
      data-testid={testId ? `inspector-${testId}` : undefined}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
