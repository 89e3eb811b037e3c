/**
 * Positions in motion that are not yet in the model: nodes being dragged and the frames of
 * the auto-layout animation. The canvas draws them over the model's layout; the move is
 * committed to the model (one undoable edit) when the drag or the animation ends, so a drag
 * never floods the history or re-derives the whole flow per frame.
 */
import { useSyncExternalStore } from "react";
import type { Positions } from "../../layout/layoutFlow";

let moving: Positions | null = null;
const listeners = new Set<() => void>();

/** Replaces the positions in motion (null: nothing moves). */
export function setMoving(positions: Positions | null): void {
  moving = positions;
  for (const listener of listeners) listener();
}

export function getMoving(): Positions | null {
  return moving;
}

/** The positions in motion, re-rendering on change. */
export function useMoving(): Positions | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => moving,
  );
}

/**
 * Animates every node from `from` to `to` over `ms` with an ease-out curve, then calls
 * `done` (which commits `to` to the model and clears the motion).
 */
export function animatePositions(from: Positions, to: Positions, ms: number, done: () => void): void {
  const started = performance.now();
  const step = (now: number) => {
    const t = Math.min(1, (now - started) / ms);
    const eased = 1 - (1 - t) ** 3;
    const frame: Positions = {};
    for (const [id, end] of Object.entries(to)) {
      const start = from[id] ?? end;
      frame[id] = { x: start.x + (end.x - start.x) * eased, y: start.y + (end.y - start.y) * eased };
    }
    setMoving(frame);
    if (t < 1) requestAnimationFrame(step);
    else done();
  };
  requestAnimationFrame(step);
}
