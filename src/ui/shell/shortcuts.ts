/**
 * Keyboard shortcuts of the editor: undo/redo, delete, copy/paste/duplicate, save, select
 * all. Ignored while typing in a field, so the inspector keeps its own keys.
 */
import { useEffect } from "react";
import { copySelection, deleteSelection, duplicate, paste } from "../canvas/actions";
import type { FlowStore } from "../state/store";

export interface ShortcutHandlers {
  save: () => void;
}

export function useShortcuts(store: FlowStore, handlers: ShortcutHandlers): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === "s") {
        event.preventDefault();
        handlers.save();
        return;
      }
      if (store.getState().readOnly) return;
      if (mod && key === "z" && !event.shiftKey) store.undo();
      else if ((mod && key === "z" && event.shiftKey) || (event.ctrlKey && key === "y")) store.redo();
      else if (mod && key === "c") copySelection(store);
      else if (mod && key === "v") paste(store);
      else if (mod && key === "d") duplicate(store);
      else if (mod && key === "a") store.select({ nodes: store.getState().model.nodes.map((n) => n.id) });
      else if (!mod && (event.key === "Delete" || event.key === "Backspace")) deleteSelection(store);
      else if (event.key === "Escape") store.select({});
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store, handlers]);
}

// helpers

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}
