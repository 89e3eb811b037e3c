/**
 * Keyboard shortcuts of the editor: undo/redo, delete, copy/paste/duplicate, save, select
 * all, zoom (+, -, 0 for Fit) and arrows to move the selected steps. Ignored while typing in
 * a field, so the inspector keeps its own keys.
 */
import { useEffect } from "react";
import { copySelection, deleteSelection, duplicate, nudgeSelection, paste } from "../canvas/actions";
import type { FlowStore } from "../state/store";

export interface ShortcutHandlers {
  save: () => void;
  zoomIn?: () => void;
  zoomOut?: () => void;
  fit?: () => void;
}

/** How far an arrow key moves the selected steps (px; with Shift, 5 times as far). */
const NUDGE = 8;
const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

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
      if (!mod && !event.altKey && (key === "+" || key === "=") && handlers.zoomIn) {
        event.preventDefault();
        handlers.zoomIn();
        return;
      }
      if (!mod && !event.altKey && (key === "-" || key === "_") && handlers.zoomOut) {
        event.preventDefault();
        handlers.zoomOut();
        return;
      }
      if (!mod && !event.altKey && key === "0" && handlers.fit) {
        event.preventDefault();
        handlers.fit();
        return;
      }
      if (store.getState().readOnly) return;
      const arrow = ARROWS[event.key];
      // A focused step moves with React Flow's own arrow handling (the same edit, see FlowCanvas).
      if (arrow && !mod && !isOnStep(event.target) && store.getState().selection.nodes.length > 0) {
        event.preventDefault();
        const step = event.shiftKey ? NUDGE * 5 : NUDGE;
        nudgeSelection(store, arrow[0] * step, arrow[1] * step);
        return;
      }
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

function isOnStep(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(".react-flow__node") !== null;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}
