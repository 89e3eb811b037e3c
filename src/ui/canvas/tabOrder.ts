/**
 * Tab order on the canvas: steps (and their port dots) first, then connections. React Flow
 * draws connections before steps in the DOM, so connections are kept out of the natural order
 * (tabIndex -1, projection.ts) and this hook walks them after the steps: Tab from the last
 * step stop goes to the first connection, from a connection to the next, and from the last
 * connection on to whatever follows the steps; Shift+Tab goes back the same way.
 */
import { type RefObject, useEffect } from "react";

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Keeps connections after the steps in Tab order inside the canvas `wrapper`. */
export function useStepsBeforeConnections(wrapper: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const root = wrapper.current;
      if (event.key !== "Tab" || event.altKey || event.ctrlKey || event.metaKey || !root) return;
      const target = nextStop(root, document.activeElement, event.shiftKey);
      if (target === undefined) return;
      event.preventDefault();
      target.focus({ preventScroll: true });
    };
    document.addEventListener("keydown", onKeyDown, true);
    return () => document.removeEventListener("keydown", onKeyDown, true);
  }, [wrapper]);
}

/** Where Tab (or Shift+Tab) from `active` goes, or undefined where the browser's order is right. */
export function nextStop(root: HTMLElement, active: Element | null, back: boolean): HTMLElement | undefined {
  const steps = root.querySelector(".react-flow__nodes");
  const edges = [...root.querySelectorAll<HTMLElement>('.react-flow__edge[tabindex="-1"]')];
  if (!steps || !active || edges.length === 0) return undefined;
  const at = edges.indexOf(active as HTMLElement);
  if (!back) {
    if (at >= 0) return edges[at + 1] ?? afterSteps(steps);
    return active === stepStops(steps).at(-1) ? edges[0] : undefined;
  }
  if (at > 0) return edges[at - 1];
  if (at === 0) return stepStops(steps).at(-1);
  return active === afterSteps(steps) ? edges.at(-1) : undefined;
}

// helpers

function shown(el: HTMLElement): boolean {
  return el.tabIndex >= 0 && el.getClientRects().length > 0;
}

function stepStops(steps: Element): HTMLElement[] {
  return [...steps.querySelectorAll<HTMLElement>(TABBABLE)].filter(shown);
}

/** The first Tab stop of the page after the steps (outside them). */
function afterSteps(steps: Element): HTMLElement | undefined {
  return [...document.querySelectorAll<HTMLElement>(TABBABLE)].find(
    (el) => !steps.contains(el) && steps.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && shown(el),
  );
}
