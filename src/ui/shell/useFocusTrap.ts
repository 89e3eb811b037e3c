/**
 * A modal dialog's keyboard contract (WAI-ARIA dialog pattern): focus moves into the dialog
 * when it opens, Tab and Shift+Tab cycle inside it, Escape closes it, and focus returns to
 * what had it before (the button that opened it).
 */
import { type RefObject, useEffect, useRef } from "react";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Traps focus in `ref` while mounted; `onClose` runs on Escape. */
export function useFocusTrap(ref: RefObject<HTMLElement | null>, onClose: () => void): void {
  // The latest callback, so a parent re-rendering does not re-run the trap (and refocus).
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    const first = root.querySelector<HTMLElement>("[data-autofocus]") ?? focusables(root)[0] ?? root;
    first.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        close.current();
        return;
      }
      if (event.key !== "Tab") return;
      const items = focusables(root);
      if (items.length === 0) return event.preventDefault();
      const at = items.indexOf(document.activeElement as HTMLElement);
      const next = event.shiftKey ? (at <= 0 ? items.length - 1 : at - 1) : at === items.length - 1 ? 0 : at + 1;
      event.preventDefault();
      items[next]?.focus();
    };
    // Focus that escapes anyway (a click on the backdrop, a programmatic focus) comes back.
    const onFocusIn = (event: FocusEvent) => {
      if (!root.contains(event.target as Node)) (focusables(root)[0] ?? root).focus();
    };
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("focusin", onFocusIn);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      document.removeEventListener("focusin", onFocusIn);
      if (before?.isConnected) before.focus();
    };
  }, [ref]);
}

// helpers

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
}
