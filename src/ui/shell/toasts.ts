/**
 * Short messages at the bottom of the window ("Saved flow.json", "Could not open …"), some
 * with actions ("Change team"). A tiny store of its own so any part of the shell can post one.
 */
import { useSyncExternalStore } from "react";

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  kind: "info" | "error";
  title: string;
  /** Further lines, e.g. one per diagnostic. */
  details?: string[];
  actions?: ToastAction[];
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

/** Shows a message; info messages without actions fade after `ms` (errors stay until closed). */
export function notify(toast: Omit<Toast, "id">, ms = 4000): number {
  const id = nextId++;
  toasts = [...toasts, { ...toast, id }];
  emit();
  if (toast.kind === "info" && !toast.actions) setTimeout(() => dismiss(id), ms);
  return id;
}

export function dismiss(id: number): void {
  toasts = toasts.filter((toast) => toast.id !== id);
  emit();
}

/** The messages on screen, re-rendering when they change. */
export function useToasts(): Toast[] {
  return useSyncExternalStore(subscribe, () => toasts);
}

// helpers

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(): void {
  for (const listener of listeners) listener();
}
