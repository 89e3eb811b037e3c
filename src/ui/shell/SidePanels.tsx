/**
 * The workspace's folding side panels, so the canvas gets the room on a laptop screen: the
 * palette folds to a rail of kind dots (the choice is remembered), and the inspector opens
 * with a selection and folds when nothing is selected, unless the user opened it on a flow
 * panel (Flow, Teams, Contact types, Scenarios) from its rail.
 */
import { useEffect, useState } from "react";
import { Inspector, type Tab } from "../inspector/Inspector";
import { type FlowStore, useFlowState } from "../state/store";

const RAIL_TABS: readonly (readonly [Tab, string])[] = [
  ["flow", "Flow"],
  ["teams", "Teams"],
  ["contactTypes", "Contact types"],
  ["scenarios", "Scenarios"],
];

/** The inspector, or its rail when folded. */
export function InspectorDock({ store }: { store: FlowStore }) {
  const selection = useFlowState(store, (s) => s.selection);
  const selected = selection.nodes.length + selection.edges.length > 0 || selection.team !== undefined;
  const [pinned, setPinned] = useState<Tab | null>(null);
  const [opened, setOpened] = useState(0);
  const open = selected || pinned !== null;
  // Escape on the canvas clears the selection: a pinned panel stays, an opened form folds.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !selected && pinned !== null && !isEditing(event.target)) setPinned(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, selected, pinned]);
  if (!open)
    return (
      <nav className="inspector-rail" aria-label="Flow settings" data-testid="inspector-rail">
        {RAIL_TABS.map(([tab, text]) => (
          <button
            type="button"
            key={tab}
            className="rail-tab"
            data-testid={`inspector-tab-${tab}`}
            title={`Open the ${text.toLowerCase()} panel`}
            onClick={() => {
              setPinned(tab);
              setOpened((n) => n + 1);
            }}
          >
            {text}
          </button>
        ))}
      </nav>
    );
  return (
    <div className="inspector-dock" data-testid="inspector-dock">
      <button
        type="button"
        className="btn btn-ghost btn-small inspector-fold"
        data-testid="inspector-fold"
        title="Fold the inspector (Escape)"
        aria-label="Fold the inspector"
        onClick={() => {
          setPinned(null);
          store.select({});
        }}
      >
        »
      </button>
      <Inspector key={opened} store={store} initialTab={pinned ?? "flow"} />
    </div>
  );
}

/** Whether the palette shows names (true) or only its rail of dots; remembered in this browser. */
export function usePaletteOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(() => {
    const kept = readKept();
    return kept === null ? window.innerWidth >= 1600 : kept === "open";
  });
  return [
    open,
    (next: boolean) => {
      setOpen(next);
      try {
        localStorage.setItem(PALETTE_KEY, next ? "open" : "folded");
      } catch {
        // Storage may be off (private mode): the choice then lasts for this page.
      }
    },
  ];
}

// helpers

const PALETTE_KEY = "flowcast:palette";

function readKept(): string | null {
  try {
    return localStorage.getItem(PALETTE_KEY);
  } catch {
    return null;
  }
}

function isEditing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}
