/**
 * A button of the app's toolbar: its test id (`toolbar-<name>`), its hint and, for a symbol
 * button (undo ↶), the words a screen reader says. One place sets the classes and the type.
 */
import type { ReactNode } from "react";

export interface ToolbarButtonProps {
  /** "save" gives data-testid="toolbar-save". */
  name: string;
  /** The hint on hover (the shortcut in brackets). */
  title: string;
  onClick: () => void;
  disabled?: boolean;
  /** For a symbol button: what it does in words (aria-label); the button is drawn square. */
  label?: string;
  children: ReactNode;
}

export function ToolbarButton({ name, title, onClick, disabled, label, children }: ToolbarButtonProps) {
  return (
    <button
      type="button"
      className={label ? "btn btn-icon" : "btn"}
      data-testid={`toolbar-${name}`}
      disabled={disabled}
      onClick={onClick}
      title={title}
      aria-label={label}
    >
      {children}
    </button>
  );
}
