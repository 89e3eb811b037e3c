/**
 * The canvas's zoom buttons, outside the canvas (in the bar under it), so they never cover a
 * step: zoom out, the zoom in per cent, zoom in, Fit, and the minimap's button. Beside them,
 * what Fit shows when a flow is too big to read whole.
 */
import { useReactFlow, useViewport } from "@xyflow/react";
import { useSyncExternalStore } from "react";
import { type FlowStore, useFlowState } from "../state/store";
import { MINIMAP_MAX_STEPS, toggleMinimap, useMinimapPlace } from "./minimapPlace";
import { fitNote, fitPressed, subscribeFitNote } from "./viewport";

export function ZoomBar({ store }: { store: FlowStore }) {
  const flow = useReactFlow();
  const { zoom } = useViewport();
  const minimap = useMinimapPlace();
  const note = useSyncExternalStore(subscribeFitNote, fitNote);
  const tooBig = useFlowState(store, (s) => s.model.nodes.length > MINIMAP_MAX_STEPS);
  const noRoom = minimap.wanted && minimap.place === "folded";
  return (
    <div className="zoom-bar" role="toolbar" aria-label="Zoom" data-testid="zoom-bar">
      {note ? (
        <span className="fit-note" role="status" data-testid="fit-note">
          {note}
        </span>
      ) : null}
      <button
        type="button"
        className="btn btn-ghost btn-small"
        data-testid="controls-zoom-out"
        aria-label="Zoom out"
        title="Zoom out (-)"
        onClick={() => void flow.zoomOut({ duration: 150 })}
      >
        −
      </button>
      <span className="zoom-level" data-testid="zoom-level" aria-live="off">
        {Math.round(zoom * 100)}%
      </span>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        data-testid="controls-zoom-in"
        aria-label="Zoom in"
        title="Zoom in (+)"
        onClick={() => void flow.zoomIn({ duration: 150 })}
      >
        +
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        data-testid="controls-fit"
        aria-label="Fit view"
        title="Fit (0): the whole flow at a readable size"
        onClick={() => fitPressed(flow, store.getState().model)}
      >
        Fit
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        data-testid="controls-minimap"
        aria-pressed={minimap.wanted && !tooBig}
        disabled={tooBig}
        title={
          tooBig
            ? `No minimap above ${MINIMAP_MAX_STEPS} steps: use Fit and the zoom buttons`
            : noRoom
              ? "The minimap is folded while every corner of the canvas would cover a step"
              : minimap.wanted
                ? "Hide the minimap"
                : "Show the minimap"
        }
        onClick={toggleMinimap}
      >
        Minimap{noRoom && !tooBig ? " (no room)" : ""}
      </button>
    </div>
  );
}
