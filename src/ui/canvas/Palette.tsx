/** The palette of every node kind: drag one onto the canvas, or click to add it after the selected step (or the last step of its lane), connected from the selected step's first free port. */
import { useReactFlow } from "@xyflow/react";
import type { FlowStore } from "../state/store";
import { addNodeAfter, viewportCentre } from "./actions";
import { PALETTE_MIME } from "./FlowCanvas";
import { PALETTE } from "./newNode";
import { KIND_COLOURS } from "./nodes/kindStyle";

export function Palette({ store, disabled }: { store: FlowStore; disabled: boolean }) {
  const flow = useReactFlow();
  return (
    <nav className="palette" aria-label="Add a step" data-testid="palette">
      <div className="panel-title">Add a step</div>
      {PALETTE.map((entry) => (
        <button
          type="button"
          key={entry.kind}
          className="palette-item"
          draggable={!disabled}
          disabled={disabled}
          title={`${entry.hint}. Drag onto the canvas, or click to add it after the selected step.`}
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
          <span className="palette-name">{entry.name}</span>
        </button>
      ))}
    </nav>
  );
}
