/**
 * The palette of every node kind: drag one onto the canvas, or click to add it after the
 * selected step (or the last step of its lane), connected from the selected step's first
 * free port. It folds to a rail of kind dots to leave the canvas the room.
 */
import { useReactFlow } from "@xyflow/react";
import type { FlowStore } from "../state/store";
import { addNodeAfter, viewportCentre } from "./actions";
import { PALETTE_MIME } from "./FlowCanvas";
import { PALETTE } from "./newNode";
import { KIND_COLOURS } from "./nodes/kindStyle";

export interface PaletteProps {
  store: FlowStore;
  disabled: boolean;
  /** Names shown (true) or only the rail of dots. */
  open: boolean;
  onToggle: () => void;
}

export function Palette({ store, disabled, open, onToggle }: PaletteProps) {
  const flow = useReactFlow();
  return (
    <nav className={`palette${open ? "" : " palette-folded"}`} aria-label="Add a step" data-testid="palette">
      <div className="palette-head">
        {open ? <div className="panel-title">Add a step</div> : null}
        <button
          type="button"
          className="btn btn-ghost btn-small palette-toggle"
          data-testid="palette-toggle"
          aria-expanded={open}
          aria-label={open ? "Fold the palette" : "Show the palette's names"}
          title={open ? "Fold the palette" : "Show the palette's names"}
          onClick={onToggle}
        >
          {open ? "«" : "»"}
        </button>
      </div>
      {PALETTE.map((entry) => (
        <button
          type="button"
          key={entry.kind}
          className="palette-item"
          draggable={!disabled}
          disabled={disabled}
          aria-label={open ? undefined : entry.name}
          title={`${entry.name}: ${entry.hint}. Drag onto the canvas, or click to add it after the selected step.`}
          data-testid={`palette-${entry.kind}`}
          onDragStart={(event) => {
            event.dataTransfer.setData(PALETTE_MIME, entry.kind);
            event.dataTransfer.effectAllowed = "move";
          }}
          onClick={() => {
            addNodeAfter(store, entry.kind, viewportCentre(flow, document.querySelector(".canvas")), flow);
          }}
        >
          <span className="palette-dot" style={{ background: KIND_COLOURS[entry.kind] }} />
          {open ? <span className="palette-name">{entry.name}</span> : null}
        </button>
      ))}
    </nav>
  );
}
