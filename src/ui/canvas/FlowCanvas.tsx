/**
 * The React Flow canvas: a controlled view of the model. Nodes, edges and lanes are derived
 * from the store; every user action comes back as a model edit (move, connect, reconnect)
 * or a selection change. Dropping a palette item adds a step; dropping a .json file opens it;
 * dropping a work step into another tier's lane offers to change its team.
 */
import {
  Background,
  BackgroundVariant,
  type Connection,
  type EdgeChange,
  type Edge as FlowEdge,
  type Node as FlowNode,
  MiniMap,
  type NodeChange,
  ReactFlow,
  useReactFlow,
} from "@xyflow/react";
import { current } from "immer";
import { type DragEvent, useCallback, useDeferredValue, useEffect, useMemo, useRef } from "react";
import { computeLanes, laneAt, laneLabel } from "../../layout/lanes";
import type { Positions } from "../../layout/layoutFlow";
import { nodeSize } from "../../layout/nodeSize";
import { type Diagnostic, type Model, type NodeKind, nodeLabel, type Severity } from "../../model";
import { notify } from "../shell/toasts";
import { type FlowStore, useFlowState } from "../state/store";
import { addNodeAt, revealBox } from "./actions";
import { ConnectPicker } from "./ConnectPicker";
import { connect, reconnect } from "./edits";
import { clearCorner, MINIMAP_MAX_STEPS, MINIMAP_SIZE, setMinimapPlace, useMinimapPlace } from "./minimapPlace";
import { getMoving, setMoving, useMoving } from "./motion";
import { nodeTypes } from "./nodes/kindNodes";
import { KIND_COLOURS } from "./nodes/kindStyle";
import { clampToLane, followLanesInDraft } from "./placement";
import { toFlowEdges, toFlowNodes, toLaneNodes } from "./projection";
import { RoutedEdge } from "./RoutedEdge";
import { useStepsBeforeConnections } from "./tabOrder";
import { useEdgeLabels, useRoutes } from "./useRoutes";
import { clearFitNote, showStart } from "./viewport";
import { inWindow, useViewWindow } from "./viewWindow";

/** Edge components by type (module level, so React Flow never remounts them). */
const edgeTypes = { routed: RoutedEdge };

/**
 * Above this many steps React Flow is given only the steps and connections near the view
 * (viewWindow.ts) and draws only those in it: drawing thousands of boxes at once blocks the
 * page for seconds. Steps state their size and handles (projection.ts), so React Flow never
 * needs to draw one to measure it.
 */
export const VISIBLE_ONLY_ABOVE = 200;

/** Drag-and-drop type of a palette item. */
export const PALETTE_MIME = "application/x-flowcast-kind";

export interface FlowCanvasProps {
  store: FlowStore;
  diagnostics: Diagnostic[];
  /** Opens a dropped file (the shell reads and checks it). */
  onOpenFile: (file: File) => void;
}

export function FlowCanvas({ store, diagnostics, onOpenFile }: FlowCanvasProps) {
  const live = useFlowState(store, (s) => s.model);
  // A big flow is drawn in a render of its own after the rest of the page has taken the new
  // model, so opening one is several short tasks rather than one long one.
  const loads = useFlowState(store, (s) => s.loads);
  const deferred = useDeferredValue(live);
  const deferredLoads = useDeferredValue(loads);
  // Edits are drawn at once: a dropped step must not flash back to where it was.
  const model = live.nodes.length > VISIBLE_ONLY_ABOVE && loads !== deferredLoads ? deferred : live;
  const selection = useFlowState(store, (s) => s.selection);
  const readOnly = useFlowState(store, (s) => s.readOnly);
  const lastRun = useFlowState(store, (s) => s.lastRun);
  const moving = useMoving();
  const minimap = useMinimapPlace();
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  useStepsBeforeConnections(wrapper);

  const severities = useMemo(() => worstByNode(diagnostics), [diagnostics]);
  const baseNodes = useMemo(
    () => toFlowNodes(model, { selection, severities, lastRun }),
    [model, selection, severities, lastRun],
  );
  const stepNodes = useMemo(
    () =>
      moving
        ? baseNodes.map((node) =>
            moving[node.id] ? { ...node, position: moving[node.id] as Positions[string] } : node,
          )
        : baseNodes,
    [baseNodes, moving],
  );
  // Lanes follow the model's positions, not each drag frame: a drag stays cheap on big flows,
  // and the lanes settle when the step is dropped.
  const laneNodes = useMemo(() => toLaneNodes(computeLanes(model, positionsOf(baseNodes))), [model, baseNodes]);
  const nodes = useMemo<FlowNode[]>(() => [...laneNodes, ...stepNodes], [laneNodes, stepNodes]);
  const routes = useRoutes(model);
  const labels = useEdgeLabels(model, routes);
  const edges = useMemo(
    () => markEdges(toFlowEdges(model, { selection, lastRun, routes, labels }), diagnostics),
    [model, selection, lastRun, diagnostics, routes, labels],
  );

  // A big flow hands React Flow only what is near the view (viewWindow.ts).
  const big = model.nodes.length > VISIBLE_ONLY_ABOVE;
  const view = useViewWindow(big);
  const shown = useMemo(() => {
    if (!view) return { nodes, edges };
    // Selected steps stay with React Flow wherever they are (so they drag together), unless
    // the selection is itself huge (select all): then only those near the view.
    const picked = selection.nodes.length <= VISIBLE_ONLY_ABOVE ? selection.nodes : [];
    const keep = new Set([...picked, ...Object.keys(moving ?? {})]);
    return inWindow(nodes, edges, view, keep);
  }, [view, nodes, edges, selection, moving]);

  // Read-only hook for browser tests and debugging: the model the canvas draws.
  useEffect(() => {
    (window as unknown as { __flowcastCanvas?: unknown }).__flowcastCanvas = {
      model: () => store.getState().model,
    };
  }, [store]);

  // The minimap takes a corner clear of every step at the current view, checked at every pan,
  // zoom and edit; with no clear corner it folds until one clears.
  const placeMinimap = useCallback(
    (view = flow.getViewport(), drawn: Model = store.getState().model) => {
      const pane = wrapper.current?.getBoundingClientRect();
      if (pane && pane.width > 0) setMinimapPlace(clearCorner(drawn, view, pane.width, pane.height));
    },
    [flow, store],
  );
  useEffect(() => {
    placeMinimap(undefined, model);
  }, [model, placeMinimap]);

  // A step selected on its own stays in sight when the inspector opens beside the canvas.
  const single = selection.nodes.length === 1 ? selection.nodes[0] : undefined;
  useEffect(() => {
    if (!single) return;
    const timer = setTimeout(() => {
      const drawn = store.getState().model;
      const node = drawn.nodes.find((n) => n.id === single);
      const at = drawn.layout[single];
      if (node && at) revealBox(flow, { ...at, ...nodeSize(node) });
    }, 80);
    return () => clearTimeout(timer);
  }, [single, flow, store]);

  // A newly loaded document opens at a readable zoom on its intake and first tier.
  useEffect(() => {
    if (loads > 0) requestAnimationFrame(() => showStart(flow, store.getState().model));
  }, [loads, flow, store]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      let moved: Positions | null = null;
      let ended = false;
      let picked: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === "position" && change.position && !change.id.startsWith("lane:")) {
          moved ??= { ...(getMoving() ?? {}) };
          moved[change.id] = change.position;
          if (!change.dragging) ended = true;
        } else if (change.type === "position" && change.dragging === false) {
          ended = true;
        } else if (change.type === "select" && !change.id.startsWith("lane:")) {
          picked ??= new Set(store.getState().selection.nodes);
          if (change.selected) picked.add(change.id);
          else picked.delete(change.id);
        }
      }
      if (moved) setMoving(moved);
      if (ended) commitMove(store);
      if (picked) {
        const current = store.getState().selection;
        const nodesPicked = [...picked];
        if (!sameIds(nodesPicked, current.nodes)) store.select({ nodes: nodesPicked, edges: current.edges });
      }
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      let picked: Set<string> | null = null;
      for (const change of changes) {
        if (change.type !== "select") continue;
        picked ??= new Set(store.getState().selection.edges);
        if (change.selected) picked.add(change.id);
        else picked.delete(change.id);
      }
      if (!picked) return;
      const current = store.getState().selection;
      const edgesPicked = [...picked];
      if (!sameIds(edgesPicked, current.edges)) store.select({ nodes: current.nodes, edges: edgesPicked });
    },
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const { source, target } = connection;
      const port = connection.sourceHandle ?? "out";
      store.edit("Connect", (draft) => {
        connect(draft, source, port, target);
      });
    },
    [store],
  );

  const onReconnect = useCallback(
    (old: FlowEdge, connection: Connection) => {
      store.edit("Reconnect", (draft) =>
        reconnect(draft, old.id, connection.source, connection.sourceHandle ?? "out", connection.target),
      );
    },
    [store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = event.dataTransfer.types.includes("Files") ? "copy" : "move";
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const kind = event.dataTransfer.getData(PALETTE_MIME) as NodeKind | "";
      if (kind) {
        addNodeAt(store, kind, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }), flow);
        return;
      }
      const file = event.dataTransfer.files[0];
      if (file) onOpenFile(file);
    },
    [store, flow, onOpenFile],
  );

  return (
    <div className="canvas" ref={wrapper} onDragOver={onDragOver} onDrop={onDrop} data-testid="canvas">
      <ReactFlow
        nodes={shown.nodes}
        edges={shown.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onReconnect={onReconnect}
        isValidConnection={(c) => c.source !== c.target}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={["Meta", "Control", "Shift"]}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={!readOnly}
        minZoom={0.08}
        maxZoom={2.5}
        onInit={(instance) => showStart(instance, store.getState().model)}
        onMove={(_, view) => placeMinimap(view)}
        onMoveStart={(event) => {
          // The user's own pan or zoom: what Fit left out no longer describes the view.
          if (event) clearFitNote();
        }}
        defaultEdgeOptions={{ type: "routed" }}
        onlyRenderVisibleElements={big}
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1} color="#d4d8de" />
        {minimap.place === "folded" || model.nodes.length > MINIMAP_MAX_STEPS ? null : (
          <MiniMap
            pannable
            zoomable
            position={minimap.place}
            ariaLabel="Minimap of the whole flow"
            style={MINIMAP_SIZE}
            nodeColor={minimapColour}
            nodeStrokeWidth={0}
            maskColor="rgba(240,242,245,0.7)"
          />
        )}
      </ReactFlow>
      <ConnectPicker store={store} />
    </div>
  );
}

// helpers

/** Writes the dragged positions to the model as one edit, then offers a team change on a lane drop. */
function commitMove(store: FlowStore): void {
  const moving = getMoving();
  setMoving(null);
  if (!moving) return;
  const ids = Object.keys(moving);
  const before = store.getState().model;
  const dragged = new Set(ids);
  // Arrow-key moves of a focused step come here one press at a time: presses in a row (and a
  // drag right after them) make one undo step.
  store.edit(
    ids.length === 1 ? "Move step" : `Move ${ids.length} steps`,
    (draft) => {
      for (const id of ids) {
        // A step stays in its own lane: dropped over another lane, it keeps to the edge of its own.
        const at = clampToLane(before, id, moving[id] as Positions[string], dragged);
        draft.layout[id] = { x: Math.round(at.x), y: Math.round(at.y) };
      }
    },
    { coalesce: `move:${ids.join(",")}` },
  );
  if (ids.length === 1) offerTeamChange(store, before, ids[0] as string, moving[ids[0] as string] as Positions[string]);
}

/** A work step dropped in another tier's lane: offer that tier's teams. */
function offerTeamChange(store: FlowStore, before: Model, nodeId: string, at: { x: number; y: number }): void {
  const node = before.nodes.find((n) => n.id === nodeId);
  if (node?.kind !== "work") return;
  const others: Record<string, { x: number; y: number }> = { ...before.layout };
  delete others[nodeId];
  const lane = laneAt(computeLanes(before, others), at.y + nodeSize(node).height / 2);
  const currentTier = before.teams.find((team) => team.id === node.team)?.tier;
  if (!lane || lane.key === 0 || lane.key === currentTier) return;
  const teams = before.teams.filter((team) => team.tier === lane.key);
  if (teams.length === 0) return;
  notify({
    kind: "info",
    title: `Moved ${nodeLabel(node)} into the ${laneLabel(lane.key)} lane. Change its team?`,
    actions: teams.map((team) => ({
      label: `Use ${team.name || team.id}`,
      run: () =>
        store.edit("Change team", (draft) => {
          const target = draft.nodes.find((n) => n.id === nodeId);
          if (target?.kind !== "work") return;
          // From where it was dropped: the step then settles in its new lane there.
          draft.layout[nodeId] = { x: Math.round(at.x), y: Math.round(at.y) };
          const was = current(draft) as Model;
          target.team = team.id;
          followLanesInDraft(draft, was);
        }),
    })),
  });
}

function worstByNode(diagnostics: Diagnostic[]): Map<string, Severity> {
  const worst = new Map<string, Severity>();
  for (const d of diagnostics) {
    if (!d.nodeId) continue;
    if (d.severity === "error" || !worst.has(d.nodeId)) worst.set(d.nodeId, d.severity);
  }
  return worst;
}

function markEdges(edges: FlowEdge[], diagnostics: Diagnostic[]): FlowEdge[] {
  const bad = new Map(diagnostics.filter((d) => d.edgeId).map((d) => [d.edgeId as string, d.severity]));
  if (bad.size === 0) return edges;
  return edges.map((edge) => (bad.has(edge.id) ? { ...edge, className: `has-${bad.get(edge.id)}` } : edge));
}

function positionsOf(nodes: FlowNode[]): Positions {
  const positions: Positions = {};
  for (const node of nodes) positions[node.id] = node.position;
  return positions;
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

function minimapColour(node: FlowNode): string {
  if (node.type === "lane") return "rgba(148,163,184,0.12)";
  return KIND_COLOURS[node.type as NodeKind] ?? "#94a3b8";
}
